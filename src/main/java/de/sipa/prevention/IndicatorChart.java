package de.sipa.prevention;

import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An indicator's baseline, measured values and target as bars, in the shape the template
 * {@code fragments/charts :: bars} draws (label key with arguments, value, position), as the places' effect chart
 * does. Public only for the template engine.
 */
public record IndicatorChart(List<Bar> bars, double max, int width, int height, int baseline) {

    static final int PLOT_HEIGHT = 140;
    static final int TOP = 20;
    static final int BAR_WIDTH = 64;
    static final int GAP = 12;

    /** @param key message key of the label, {@code arguments} its arguments; {@code value} as written above the bar */
    public record Bar(String key, List<Object> arguments, String value, int x, int y, int height) {
    }

    public boolean empty() {
        return bars.isEmpty();
    }

    static IndicatorChart of(Indicator indicator, List<Measurement> measurements, Locale locale) {
        var numbers = NumberFormat.getNumberInstance(locale);
        numbers.setMaximumFractionDigits(2);
        var day = DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(locale);
        var values = new ArrayList<Object[]>();
        if (indicator.baseline() != null) {
            values.add(new Object[] {"prevention.indicator.bar.baseline", "", indicator.baseline().doubleValue()});
        }
        for (var m : measurements) {
            if (m.value() != null) {
                values.add(new Object[] {"prevention.indicator.bar.value", day.format(m.to()), m.value()});
            }
        }
        if (indicator.target() != null) {
            values.add(new Object[] {"prevention.indicator.bar.target", "", indicator.target().doubleValue()});
        }
        double max = Math.max(1, values.stream().mapToDouble(v -> Math.abs((Double) v[2])).max().orElse(1));
        int baseline = TOP + PLOT_HEIGHT;
        var bars = new ArrayList<Bar>();
        int x = GAP;
        for (var v : values) {
            double value = Math.max(0, (Double) v[2]);
            int height = value == 0 ? 0 : (int) Math.max(1, Math.round(value * PLOT_HEIGHT / max));
            bars.add(new Bar((String) v[0], List.of(v[1]), numbers.format(v[2]), x, baseline - height, height));
            x += BAR_WIDTH + GAP;
        }
        return new IndicatorChart(bars, max, Math.max(x, 200), baseline + 24, baseline);
    }
}

package de.sipa.goals;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A goal's baseline, the indicator's course and the target as bars, in the shape the template
 * {@code fragments/charts :: bars} draws (label key with arguments, value, position), as the prevention projects'
 * indicator chart does. Public only for the template engine.
 */
public record GoalChart(List<Bar> bars, double max, int width, int height, int baseline) {

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

    static GoalChart of(AnnualGoal goal, List<GoalFigures.CoursePoint> course, Locale locale) {
        var numbers = NumberFormat.getNumberInstance(locale);
        numbers.setMaximumFractionDigits(1);
        var values = new ArrayList<Object[]>();
        values.add(new Object[] {"annualGoal.chart.baseline", "", goal.baseline().doubleValue()});
        for (var point : course) {
            values.add(new Object[] {"annualGoal.chart.point", point.label(), point.value()});
        }
        values.add(new Object[] {"annualGoal.chart.target", "", goal.target().doubleValue()});
        double max = Math.max(1, values.stream().filter(v -> v[2] != null)
                .mapToDouble(v -> Math.abs((Double) v[2])).max().orElse(1));
        int baseline = TOP + PLOT_HEIGHT;
        var bars = new ArrayList<Bar>();
        int x = GAP;
        for (var v : values) {
            double value = v[2] == null ? 0 : Math.max(0, (Double) v[2]);
            int height = value == 0 ? 0 : (int) Math.max(1, Math.round(value * PLOT_HEIGHT / max));
            bars.add(new Bar((String) v[0], List.of(v[1]), v[2] == null ? "–" : numbers.format(v[2]), x,
                    baseline - height, height));
            x += BAR_WIDTH + GAP;
        }
        return new GoalChart(bars, max, Math.max(x, 200), baseline + 24, baseline);
    }
}

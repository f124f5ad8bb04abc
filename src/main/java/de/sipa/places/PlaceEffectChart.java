package de.sipa.places;

import java.util.ArrayList;
import java.util.List;

/**
 * Before/after bars for the place, the buffer and the comparison area, in the shape the template
 * {@code fragments/charts :: bars} draws (label key with arguments, value, position). Public only for the template
 * engine.
 */
public record PlaceEffectChart(List<Bar> bars, long max, int width, int height, int baseline) {

    static final int PLOT_HEIGHT = 160;
    static final int TOP = 20;
    static final int BAR_WIDTH = 64;
    static final int GAP = 12;

    /** @param key message key of the label, {@code arguments} its arguments (the window's months) */
    public record Bar(String key, List<Object> arguments, long value, int x, int y, int height) {
    }

    static PlaceEffectChart of(PlaceEffect effect) {
        var areas = new ArrayList<AreaCounts>(List.of(effect.place(), effect.buffer()));
        var names = new ArrayList<String>(List.of("place", "buffer"));
        if (effect.comparison() != null) {
            areas.add(effect.comparison());
            names.add("comparison");
        }
        long max = Math.max(1, areas.stream().mapToLong(a -> Math.max(a.before(), a.after())).max().orElse(1));
        int baseline = TOP + PLOT_HEIGHT;
        var bars = new ArrayList<Bar>();
        int x = GAP;
        for (int i = 0; i < areas.size(); i++) {
            for (var window : new String[] {"before", "after"}) {
                long value = window.equals("before") ? areas.get(i).before() : areas.get(i).after();
                int height = value == 0 ? 0 : (int) Math.max(1, Math.round((double) value * PLOT_HEIGHT / max));
                bars.add(new Bar("place.effect.bar." + names.get(i) + "." + window,
                        List.of(effect.settings().windowMonths()), value, x, baseline - height, height));
                x += BAR_WIDTH + GAP;
            }
            x += GAP;
        }
        return new PlaceEffectChart(bars, max, x, baseline + 24, baseline);
    }
}

package de.sipa.shared;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A line chart of values over the years, drawn as SVG by the template: one line per series, told apart by colour,
 * by its dash pattern and marker shape and by its name written at its end, so that it reads without colour too.
 */
public record TrendChart(int width, int height, List<Axis> yTicks, List<Axis> xTicks, List<Line> lines,
        int plotLeft, int plotRight, int plotTop, int plotBottom) {

    /** A grid line with its label: a value on the y axis, a year on the x axis. */
    public record Axis(double position, double value) {
    }

    /** A marker of a line at a year. */
    public record Point(double x, double y, int year, double value) {
    }

    /**
     * @param style 0…5: colour, dash pattern and marker ({@code trend-0}…)
     * @param labelY where the name at the line's end sits, moved apart from the other names
     */
    public record Line(String name, int style, String path, List<Point> points, double labelX, double labelY,
            boolean bold) {

        public String dash() {
            return DASHES[style % DASHES.length];
        }

        public String marker() {
            return MARKERS[style % MARKERS.length];
        }

        public Point last() {
            return points.get(points.size() - 1);
        }

        /** Whether the name was moved away from the line's end, which a thin leader line then joins. */
        public boolean shifted() {
            return Math.abs(labelY - last().y()) > 2;
        }
    }

    /** One series: a name and a value per year (null where there is none). */
    public record Series(String name, List<Double> values, boolean bold) {
    }

    private static final String[] DASHES = {"none", "8 4", "2 4", "12 4 2 4", "4 4", "1 3"};
    private static final String[] MARKERS = {"circle", "square", "triangle", "diamond", "cross", "bar"};
    private static final int WIDTH = 720;
    private static final int HEIGHT = 320;
    private static final int LEFT = 64;
    private static final int RIGHT = WIDTH - 170;
    private static final int TOP = 16;
    private static final int BOTTOM = HEIGHT - 36;
    private static final double LABEL_SPACING = 14;

    public boolean empty() {
        return lines.isEmpty();
    }

    public static TrendChart of(List<Integer> years, List<Series> series) {
        double max = series.stream().flatMap(s -> s.values().stream()).filter(v -> v != null)
                .mapToDouble(Double::doubleValue).max().orElse(0);
        if (years.isEmpty() || max <= 0 && series.stream().allMatch(s -> s.values().stream().allMatch(v -> v == null))) {
            return new TrendChart(WIDTH, HEIGHT, List.of(), List.of(), List.of(), LEFT, RIGHT, TOP, BOTTOM);
        }
        double step = niceStep(max / 4);
        double top = Math.max(step, Math.ceil(max / step) * step);
        var yTicks = new ArrayList<Axis>();
        for (double v = 0; v <= top + step / 2; v += step) {
            yTicks.add(new Axis(y(v, top), v));
        }
        var xTicks = new ArrayList<Axis>();
        for (int i = 0; i < years.size(); i++) {
            xTicks.add(new Axis(x(i, years.size()), years.get(i)));
        }
        var lines = new ArrayList<Line>();
        for (int s = 0; s < series.size(); s++) {
            var values = series.get(s).values();
            var path = new StringBuilder();
            var points = new ArrayList<Point>();
            boolean open = false;
            for (int i = 0; i < years.size(); i++) {
                var value = values.get(i);
                if (value == null) {
                    open = false;
                    continue;
                }
                double px = x(i, years.size());
                double py = y(value, top);
                path.append(open ? " L" : (path.isEmpty() ? "M" : " M")).append(round(px)).append(' ')
                        .append(round(py));
                open = true;
                points.add(new Point(px, py, years.get(i), value));
            }
            if (points.isEmpty()) {
                continue;
            }
            var last = points.get(points.size() - 1);
            lines.add(new Line(series.get(s).name(), s, path.toString(), points, RIGHT + 10, last.y(),
                    series.get(s).bold()));
        }
        return new TrendChart(WIDTH, HEIGHT, yTicks, xTicks, spread(lines), LEFT, RIGHT, TOP, BOTTOM);
    }

    /** Moves the names at the lines' ends apart so that none overlaps another. */
    private static List<Line> spread(List<Line> lines) {
        var sorted = new ArrayList<>(lines);
        sorted.sort(Comparator.comparingDouble(Line::labelY));
        var placed = new ArrayList<Line>();
        double previous = Double.NEGATIVE_INFINITY;
        for (var line : sorted) {
            double labelY = Math.max(line.labelY(), previous + LABEL_SPACING);
            placed.add(new Line(line.name(), line.style(), line.path(), line.points(), line.labelX(), labelY,
                    line.bold()));
            previous = labelY;
        }
        placed.sort(Comparator.comparingInt(Line::style));
        return placed;
    }

    private static double x(int index, int count) {
        return count == 1 ? (LEFT + RIGHT) / 2.0 : LEFT + 20 + index * (RIGHT - LEFT - 40.0) / (count - 1);
    }

    private static double y(double value, double top) {
        return BOTTOM - value / top * (BOTTOM - TOP);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /** 1, 2, 2.5 or 5 times a power of ten. */
    static double niceStep(double rough) {
        if (rough <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double factor : new double[] {1, 2, 2.5, 5, 10}) {
            if (factor * power >= rough) {
                return factor * power;
            }
        }
        return 10 * power;
    }
}

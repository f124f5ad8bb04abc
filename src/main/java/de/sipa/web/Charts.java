package de.sipa.web;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.sipa.reports.ReportFigures.CategoryMonth;
import de.sipa.reports.ReportFigures.ClosureClass;

/**
 * Bar charts drawn as SVG by the template {@code fragments/charts}: the geometry is computed here, so the template
 * only places rectangles. Every series has a colour and a pattern of its own, every bar its value as text, and the
 * figures are also given as a table: readable without colour. Public only for the template engine.
 */
public final class Charts {

    /** Series beyond this many are summed up as one "other" series. */
    static final int MAX_SERIES = 6;
    static final int PLOT_HEIGHT = 160;
    static final int BAR_WIDTH = 28;
    static final int GAP = 12;
    static final int TOP = 20;

    private Charts() {
    }

    /** A stacked bar per month, one segment per category (the largest ones; the rest as "other"). */
    public record StackedBars(List<String> series, boolean other, List<Column> columns, long max, int width,
            int height, int baseline) {

        /** The value of a series in a column, for the table. */
        public long value(Column column, int series) {
            return column.segments().stream().filter(s -> s.series() == series).mapToLong(Segment::value).sum();
        }
    }

    public record Column(String label, long total, int x, int labelY, List<Segment> segments) {
    }

    /** @param series index into {@link StackedBars#series()}; the pattern {@code chart-p<series>} */
    public record Segment(int series, long value, int y, int height) {
    }

    /** Simple bars with a label below and the value above each. */
    public record Bars(List<Bar> bars, long max, int width, int height, int baseline) {

        public long total() {
            return bars.stream().mapToLong(Bar::value).sum();
        }
    }

    /** @param key message key of the label, {@code arguments} its arguments */
    public record Bar(String key, List<Object> arguments, long value, int x, int y, int height) {
    }

    static StackedBars perMonth(List<CategoryMonth> counts, YearMonth first, YearMonth last) {
        var totals = new LinkedHashMap<String, Long>();
        counts.forEach(c -> totals.merge(c.category(), c.count(), Long::sum));
        var ranked = totals.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
        var shown = ranked.size() > MAX_SERIES ? ranked.subList(0, MAX_SERIES - 1) : ranked;
        boolean other = ranked.size() > shown.size();
        var series = new ArrayList<>(shown);
        var months = new ArrayList<YearMonth>();
        for (var month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            months.add(month);
        }
        var values = new LinkedHashMap<YearMonth, long[]>();
        months.forEach(m -> values.put(m, new long[series.size() + (other ? 1 : 0)]));
        for (var c : counts) {
            var row = values.get(c.month());
            if (row == null) {
                continue;
            }
            int index = series.indexOf(c.category());
            row[index < 0 ? series.size() : index] += c.count();
        }
        long max = Math.max(1, values.values().stream().mapToLong(row -> sum(row)).max().orElse(1));
        int baseline = TOP + PLOT_HEIGHT;
        var columns = new ArrayList<Column>();
        int x = GAP;
        for (var month : months) {
            var row = values.get(month);
            var segments = new ArrayList<Segment>();
            int y = baseline;
            for (int s = 0; s < row.length; s++) {
                if (row[s] == 0) {
                    continue;
                }
                int height = (int) Math.max(1, Math.round((double) row[s] * PLOT_HEIGHT / max));
                y -= height;
                segments.add(new Segment(s, row[s], y, height));
            }
            columns.add(new Column(String.format("%02d/%02d", month.getMonthValue(), month.getYear() % 100), sum(row),
                    x, y - 4, segments));
            x += BAR_WIDTH + GAP;
        }
        return new StackedBars(series, other, columns, max, x, baseline + 24, baseline);
    }

    static Bars timeToClose(List<ClosureClass> classes) {
        long max = Math.max(1, classes.stream().mapToLong(ClosureClass::count).max().orElse(1));
        int baseline = TOP + PLOT_HEIGHT;
        int width = 64;
        var bars = new ArrayList<Bar>();
        int x = GAP;
        for (var c : classes) {
            int height = c.count() == 0 ? 0 : (int) Math.max(1, Math.round((double) c.count() * PLOT_HEIGHT / max));
            var key = c.toDays() == null ? "chart.days.more" : c.fromDays() == 0 ? "chart.days.upTo" : "chart.days.range";
            var arguments = c.toDays() == null ? List.<Object>of(c.fromDays())
                    : c.fromDays() == 0 ? List.<Object>of(c.toDays()) : List.<Object>of(c.fromDays(), c.toDays());
            bars.add(new Bar(key, arguments, c.count(), x, baseline - height, height));
            x += width + GAP;
        }
        return new Bars(bars, max, x, baseline + 24, baseline);
    }

    private static long sum(long[] row) {
        long total = 0;
        for (long value : row) {
            total += value;
        }
        return total;
    }
}

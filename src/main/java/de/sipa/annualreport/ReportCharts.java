package de.sipa.annualreport;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

import de.sipa.shared.YearlyFigures.Bars;

/**
 * The report's bar charts laid out once for the PDF and the web version alike, in one style that reads in black and
 * white: grey bars with black outlines, each value written at its bar, a dash where there is none. Short labels (months,
 * years) stand below upright bars; longer ones (fields of action) left of lying bars. Coordinates grow downwards
 * as in SVG; the PDF turns them over ({@link AnnualReportPdf}). Public for the template engine.
 */
public final class ReportCharts {

    /** The font size of the texts in the chart's units. */
    public static final double FONT = 12;
    /** A chapter's chart. */
    static final double WIDTH = 600;
    static final double HEIGHT = 200;
    /** A chart of the multi-year comparison, two beside each other. */
    static final double SMALL_WIDTH = 300;
    static final double SMALL_HEIGHT = 170;
    /** Labels longer than this lie left of lying bars. */
    private static final int SHORT_LABEL = 5;
    private static final double ROW = 22;
    private static final double CHAR_WIDTH = 6.6;

    private final MessageSource messages;
    private final FigureFormat format;

    ReportCharts(MessageSource messages, Locale locale) {
        this.messages = messages;
        format = new FigureFormat(locale);
    }

    /** A chart in the report's layout: the title a message key, the texts written out. */
    public record Chart(String title, double width, double height, List<Box> boxes, List<Text> texts,
            List<Line> lines) {

        /** The texts' font size. */
        public double font() {
            return FONT;
        }
    }

    /** A bar. */
    public record Box(double x, double y, double width, double height) {
    }

    /** A text; {@code y} its baseline, {@code anchor} as SVG's {@code text-anchor}. */
    public record Text(double x, double y, String anchor, String text) {
    }

    /** An axis. */
    public record Line(double x1, double y1, double x2, double y2) {
    }

    /** A chapter's chart, the width of the page. */
    public Chart of(Bars bars) {
        return layout(bars, WIDTH, HEIGHT);
    }

    /** A chart of the multi-year comparison, half the width. */
    public Chart small(Bars bars) {
        return layout(bars, SMALL_WIDTH, SMALL_HEIGHT);
    }

    Chart layout(Bars bars, double width, double height) {
        var labels = bars.labels().stream().map(this::label).toList();
        boolean lying = labels.stream().anyMatch(l -> l.length() > SHORT_LABEL);
        return lying ? lying(bars, labels, width) : upright(bars, labels, width, height);
    }

    private Chart upright(Bars bars, List<String> labels, double width, double height) {
        int n = labels.size();
        double baseline = height - 20;
        double plot = baseline - 20;
        double slot = width / Math.max(1, n);
        double max = bars.max() > 0 ? bars.max() : 1;
        var boxes = new ArrayList<Box>();
        var texts = new ArrayList<Text>();
        for (int i = 0; i < n; i++) {
            var value = bars.values().get(i);
            double centre = i * slot + slot / 2;
            double h = value == null ? 0 : plot * Math.max(0, value) / max;
            if (h > 0) {
                boxes.add(new Box(i * slot + slot * 0.15, baseline - h, slot * 0.7, h));
            }
            texts.add(new Text(centre, baseline - h - 4, "middle", format.value(value, bars.unit())));
            texts.add(new Text(centre, height - 5, "middle", labels.get(i)));
        }
        return new Chart(bars.title(), width, height, boxes, texts, List.of(new Line(0, baseline, width, baseline)));
    }

    private Chart lying(Bars bars, List<String> labels, double width) {
        int n = labels.size();
        double height = n * ROW + 8;
        double labelWidth = Math.min(width * 0.45,
                labels.stream().mapToInt(String::length).max().orElse(0) * CHAR_WIDTH + 10);
        double room = width - labelWidth - 60;
        double max = bars.max() > 0 ? bars.max() : 1;
        var boxes = new ArrayList<Box>();
        var texts = new ArrayList<Text>();
        for (int i = 0; i < n; i++) {
            var value = bars.values().get(i);
            double top = 4 + i * ROW;
            double baseline = top + ROW / 2 + FONT / 3;
            double w = value == null ? 0 : room * Math.max(0, value) / max;
            if (w > 0) {
                boxes.add(new Box(labelWidth, top + 3, w, ROW - 6));
            }
            texts.add(new Text(labelWidth - 6, baseline, "end", labels.get(i)));
            texts.add(new Text(labelWidth + w + 4, baseline, "start", format.value(value, bars.unit())));
        }
        return new Chart(bars.title(), width, height, boxes, texts,
                List.of(new Line(labelWidth, 0, labelWidth, height)));
    }

    /** A label: its message where it is a message key, else the text itself. */
    private String label(String label) {
        return messages.getMessage(label, null, label, format.locale());
    }
}

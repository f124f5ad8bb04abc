package de.sipa.surveys;

import java.util.ArrayList;
import java.util.List;

/**
 * One question's answers as a bar chart, drawn as SVG by the template {@code surveys/question-svg} (and as PNG from
 * the same SVG): a horizontal bar per answer, its length the share (the weighted share when the results are
 * weighted), labelled with the answer and the share in percent; a suppressed answer gets no bar and "< 5".
 *
 * @param title the question, broken into lines
 * @param caption the wave, the district, n and the weighting, in one line
 */
record ShareChart(int width, int height, List<String> title, String caption, int captionY, List<Bar> bars,
        int barLeft, int barMax) {

    /**
     * @param y the bar's top
     * @param length the bar's length in pixels (0 for a suppressed answer)
     * @param share the share in percent, {@code null} when suppressed
     */
    record Bar(String label, double y, double length, Double share) {
    }

    static final int WIDTH = 720;
    private static final int ROW = 30;
    private static final int LINE = 20;
    private static final int TOP = 28;
    private static final int BAR_LEFT = 270;
    private static final int BAR_MAX = 360;
    private static final int TITLE_CHARACTERS = 80;
    private static final int LABEL_CHARACTERS = 38;

    static ShareChart of(WaveResults.QuestionResult question, boolean weighted, String caption) {
        var title = lines(question.text(), TITLE_CHARACTERS);
        int captionY = TOP + LINE * title.size();
        var bars = new ArrayList<Bar>();
        double y = captionY + 20;
        if (!question.suppressed()) {
            for (var option : question.options()) {
                var share = option.suppressed() ? null : 100 * (weighted ? option.weightedShare() : option.share());
                bars.add(new Bar(shortened(option.label()), y, share == null ? 0 : BAR_MAX * share / 100, share));
                y += ROW;
            }
        }
        if (bars.isEmpty()) {
            y += ROW; // the note that there are too few answers
        }
        return new ShareChart(WIDTH, (int) Math.ceil(y + 12), title, caption, captionY, bars, BAR_LEFT, BAR_MAX);
    }

    /** The text broken at blanks into lines of at most {@code characters} (a longer word stands alone). */
    static List<String> lines(String text, int characters) {
        var lines = new ArrayList<String>();
        var line = new StringBuilder();
        for (var word : text.strip().split("\\s+")) {
            if (!line.isEmpty() && line.length() + 1 + word.length() > characters) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    private static String shortened(String label) {
        return label.length() <= LABEL_CHARACTERS ? label : label.substring(0, LABEL_CHARACTERS - 1).strip() + "…";
    }
}

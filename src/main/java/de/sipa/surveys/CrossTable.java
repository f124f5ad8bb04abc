package de.sipa.surveys;

import java.util.List;

/**
 * A question's answers broken down by age band, gender or district: counts and column shares (of those in the column
 * who answered the question).
 */
public record CrossTable(String question, Breakdown by, List<String> columns, List<Long> columnTotals,
        List<Boolean> columnSuppressed, List<Row> rows, boolean suppressed) {

    /** What a cross table breaks the answers down by. */
    public enum Breakdown {
        AGE_BAND, GENDER, DISTRICT
    }

    public record Row(String code, String label, List<Cell> cells) {
    }

    /** @param suppressed below the minimum: shown as "< 5", no share */
    public record Cell(long count, double share, boolean suppressed) {
    }
}

package de.sipa.situation;

import java.util.List;

/**
 * The Knox table of a near-repeat analysis: rows are distance bands, columns time bands; each cell holds the pairs
 * of reports observed in both bands and what chance would give.
 *
 * @param events the reports with a place that took part
 * @param pairs all pairs of them
 */
public record NearRepeatTable(NearRepeatQuery query, String categoryName, int events, long pairs,
        List<Row> rows) {

    /** Significance level for the marker. */
    public static final double ALPHA = 0.05;

    /** One distance band, from {@code fromMetres} up to (not including) {@code toMetres}. */
    public record Row(int fromMetres, int toMetres, List<Cell> cells) {
    }

    /**
     * @param expected the permutations' mean count
     * @param ratio observed ÷ expected (Knox ratio); NaN where nothing was expected
     * @param p share of permutations with at least as many pairs (with the observed one counted)
     */
    public record Cell(int fromDays, int toDays, long observed, double expected, double ratio, double p) {

        public boolean significant() {
            return p <= ALPHA;
        }

        public boolean hasRatio() {
            return !Double.isNaN(ratio);
        }
    }

    /** The time bands' bounds in days, for the column headers. */
    public List<int[]> dayBands() {
        return rows.isEmpty() ? List.of()
                : rows.get(0).cells().stream().map(c -> new int[] {c.fromDays(), c.toDays()}).toList();
    }

    public boolean anySignificant() {
        return rows.stream().flatMap(r -> r.cells().stream()).anyMatch(Cell::significant);
    }
}

package de.sipa.shared;

import java.util.Arrays;

/**
 * Small cells in published counts (Geheimhaltung): a count of one to four could point at a person, so it is hidden
 * (primary suppression); and where a published total minus the other published counts would give a hidden count
 * back, a second count is hidden too (secondary suppression). Used for the survey results and the open data.
 */
public final class CellSuppression {

    /** The smallest count that may be shown. */
    public static final int MINIMUM = 5;

    private CellSuppression() {
    }

    /** Whether a count (of one or more) is too small to show; no case at all reveals nobody. */
    public static boolean small(long count) {
        return count > 0 && count < MINIMUM;
    }

    /**
     * Secondary suppression in one group of counts that add up to a total that is shown: when exactly one of them is
     * hidden, it could be worked out from the others, so the smallest count still shown is hidden too (the first of
     * equal ones). A count above zero goes before a zero: a reader often knows a zero (a category a town does not
     * have), and a hidden zero would then give the small count back. Returns the new flags; the arrays given are left
     * as they are.
     */
    public static boolean[] complementary(long[] counts, boolean[] suppressed) {
        var result = Arrays.copyOf(suppressed, suppressed.length);
        int hidden = 0;
        for (boolean each : suppressed) {
            hidden += each ? 1 : 0;
        }
        if (hidden != 1) {
            return result;
        }
        int next = -1;
        for (int i = 0; i < counts.length; i++) {
            if (!suppressed[i] && (next < 0 || rank(counts[i]) < rank(counts[next]))) {
                next = i;
            }
        }
        if (next >= 0) {
            result[next] = true;
        }
        return result;
    }

    /** Orders the candidates for secondary suppression: the smallest count above zero first, zeros last. */
    private static long rank(long count) {
        return count == 0 ? Long.MAX_VALUE : count;
    }

    /**
     * One line of counts shown with its total (a town's categories of a year, a category's months): every small count
     * and a small total are hidden, and a second count where one alone would be (see {@link #complementary}). Returns
     * a flag per count and, last, one for the total.
     */
    public static boolean[] line(long[] counts) {
        var withTotal = Arrays.copyOf(counts, counts.length + 1);
        var hidden = new boolean[counts.length + 1];
        for (int i = 0; i < counts.length; i++) {
            withTotal[counts.length] += counts[i];
            hidden[i] = small(counts[i]);
        }
        hidden[counts.length] = small(withTotal[counts.length]);
        return complementary(withTotal, hidden);
    }

    /**
     * A table of counts with its row and column totals, suppressed: every small cell and small total is hidden, then,
     * until nothing changes, in each row (its cells with the row total) and each column (its cells with the column
     * total) where one count alone is hidden, a second one is (see {@link #complementary}). The grand total is not
     * part of it and is not to be published alongside.
     */
    public static Table table(long[][] cells) {
        int rows = cells.length;
        int columns = rows == 0 ? 0 : cells[0].length;
        var rowTotals = new long[rows];
        var columnTotals = new long[columns];
        var hidden = new boolean[rows][columns];
        var rowHidden = new boolean[rows];
        var columnHidden = new boolean[columns];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                rowTotals[r] += cells[r][c];
                columnTotals[c] += cells[r][c];
                hidden[r][c] = small(cells[r][c]);
            }
        }
        for (int r = 0; r < rows; r++) {
            rowHidden[r] = small(rowTotals[r]);
        }
        for (int c = 0; c < columns; c++) {
            columnHidden[c] = small(columnTotals[c]);
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int r = 0; r < rows; r++) {
                var counts = Arrays.copyOf(cells[r], columns + 1);
                counts[columns] = rowTotals[r];
                var flags = Arrays.copyOf(hidden[r], columns + 1);
                flags[columns] = rowHidden[r];
                var after = complementary(counts, flags);
                for (int c = 0; c < columns; c++) {
                    changed |= after[c] != hidden[r][c];
                    hidden[r][c] = after[c];
                }
                changed |= after[columns] != rowHidden[r];
                rowHidden[r] = after[columns];
            }
            for (int c = 0; c < columns; c++) {
                var counts = new long[rows + 1];
                var flags = new boolean[rows + 1];
                for (int r = 0; r < rows; r++) {
                    counts[r] = cells[r][c];
                    flags[r] = hidden[r][c];
                }
                counts[rows] = columnTotals[c];
                flags[rows] = columnHidden[c];
                var after = complementary(counts, flags);
                for (int r = 0; r < rows; r++) {
                    changed |= after[r] != hidden[r][c];
                    hidden[r][c] = after[r];
                }
                changed |= after[rows] != columnHidden[c];
                columnHidden[c] = after[rows];
            }
        }
        return new Table(cells, hidden, rowTotals, rowHidden, columnTotals, columnHidden);
    }

    /** A suppressed table: the counts with a flag each for whether it is hidden. */
    public record Table(long[][] cells, boolean[][] hidden, long[] rowTotals, boolean[] rowHidden,
            long[] columnTotals, boolean[] columnHidden) {

        /** The cell as published: {@code null} where hidden. */
        public Long cell(int row, int column) {
            return hidden[row][column] ? null : cells[row][column];
        }

        public Long rowTotal(int row) {
            return rowHidden[row] ? null : rowTotals[row];
        }

        public Long columnTotal(int column) {
            return columnHidden[column] ? null : columnTotals[column];
        }
    }
}

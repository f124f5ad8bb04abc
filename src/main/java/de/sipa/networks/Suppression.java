package de.sipa.networks;

/**
 * Small cells in figures that leave a partnership: a count of 1 to 4 could point at a person, so it is hidden (shown
 * as "< 5"). Where a line's total is shown, one hidden cell could be worked out from the total and the others, so a
 * second cell is hidden with it (complementary suppression: the smallest other non-zero count), or, with none left,
 * the total. A total below 5 hides the line.
 */
final class Suppression {

    static final int MINIMUM = 5;

    private Suppression() {
    }

    static boolean small(long count) {
        return count > 0 && count < MINIMUM;
    }

    /**
     * Which cells of a line to hide, given its counts; the last element says whether the total is hidden.
     */
    static boolean[] line(long[] counts) {
        var hidden = new boolean[counts.length + 1];
        long total = 0;
        int hiddenCells = 0;
        for (int i = 0; i < counts.length; i++) {
            total += counts[i];
            if (small(counts[i])) {
                hidden[i] = true;
                hiddenCells++;
            }
        }
        if (small(total)) {
            for (int i = 0; i < counts.length; i++) {
                hidden[i] = counts[i] > 0;
            }
            hidden[counts.length] = true;
            return hidden;
        }
        if (hiddenCells == 1) {
            int complement = -1;
            for (int i = 0; i < counts.length; i++) {
                if (!hidden[i] && counts[i] > 0 && (complement < 0 || counts[i] < counts[complement])) {
                    complement = i;
                }
            }
            if (complement >= 0) {
                hidden[complement] = true;
            } else {
                hidden[counts.length] = true;
            }
        }
        return hidden;
    }
}

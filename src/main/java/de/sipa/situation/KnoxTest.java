package de.sipa.situation;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The Knox test for near repeats (Knox 1964; as in Ratcliffe's Near Repeat Calculator and Steenbeek's R package
 * {@code NearRepeat}): every pair of events is put into a band of distance and a band of time between them; the
 * number of pairs close in both is compared with what chance would give. Chance is simulated by shuffling the
 * events' times among them (Monte Carlo permutation), which keeps where and when things happen and breaks only
 * their link. The expected count is the permutations' mean, whose exact value is S·T/N (pairs in the distance band,
 * pairs in the time band, all pairs); the p-value is (1 + permutations at least as high) / (1 + permutations).
 *
 * <p>Distance band k holds pairs with distance d in [k·s, (k+1)·s), time band l those with |Δt| in [l·t, (l+1)·t),
 * in metres and days.
 */
final class KnoxTest {

    /**
     * The outcome per distance band (rows) and time band (columns).
     *
     * @param expected the permutations' mean count
     * @param exact the exact expectation under the permutation: pairs in the distance band × pairs in the time band
     *        ÷ all pairs
     */
    record Result(int events, long pairs, double distanceBand, double dayBand, int permutations, long[][] observed,
            double[][] expected, double[][] exact, double[][] p) {

        /** Observed ÷ expected; NaN where nothing was expected. */
        double ratio(int distance, int time) {
            return expected[distance][time] == 0 ? Double.NaN : observed[distance][time] / expected[distance][time];
        }
    }

    private KnoxTest() {
    }

    /**
     * @param x east in metres, y north in metres, days the time of each event in days (fractions allowed)
     * @param n how many of the array entries are events
     */
    static Result run(double[] x, double[] y, double[] days, int n, double distanceBand, int distanceBands,
            double dayBand, int dayBands, int permutations, long seed) {
        double reach = distanceBand * distanceBands;
        var close = closePairs(x, y, n, distanceBand, reach);
        int pairsClose = close.count;
        var observed = new long[distanceBands][dayBands];
        count(close, days, dayBand, dayBands, observed);

        var sum = new double[distanceBands][dayBands];
        var atLeast = new long[distanceBands][dayBands];
        var shuffled = Arrays.copyOf(days, n);
        var random = new SplittableRandom(seed);
        var counts = new long[distanceBands][dayBands];
        for (int run = 0; run < permutations; run++) {
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                double swap = shuffled[i];
                shuffled[i] = shuffled[j];
                shuffled[j] = swap;
            }
            for (var row : counts) {
                Arrays.fill(row, 0);
            }
            count(close, shuffled, dayBand, dayBands, counts);
            for (int k = 0; k < distanceBands; k++) {
                for (int l = 0; l < dayBands; l++) {
                    sum[k][l] += counts[k][l];
                    if (counts[k][l] >= observed[k][l]) {
                        atLeast[k][l]++;
                    }
                }
            }
        }
        long pairs = (long) n * (n - 1) / 2;
        var perDistance = new long[distanceBands];
        for (int c = 0; c < pairsClose; c++) {
            perDistance[close.band[c]]++;
        }
        var perTime = timeBandPairs(days, n, dayBand, dayBands);
        var expected = new double[distanceBands][dayBands];
        var exact = new double[distanceBands][dayBands];
        var p = new double[distanceBands][dayBands];
        for (int k = 0; k < distanceBands; k++) {
            for (int l = 0; l < dayBands; l++) {
                expected[k][l] = permutations == 0 ? Double.NaN : sum[k][l] / permutations;
                exact[k][l] = pairs == 0 ? 0 : (double) perDistance[k] * perTime[l] / pairs;
                p[k][l] = (1.0 + atLeast[k][l]) / (1.0 + permutations);
            }
        }
        return new Result(n, pairs, distanceBand, dayBand, permutations, observed, expected, exact, p);
    }

    /** The pairs closer than the reach, with their distance band: found through a grid of cells as wide as the reach. */
    private static ClosePairs closePairs(double[] x, double[] y, int n, double distanceBand, double reach) {
        var pairs = new ClosePairs();
        if (n < 2) {
            return pairs;
        }
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            minX = Math.min(minX, x[i]);
            minY = Math.min(minY, y[i]);
        }
        // Points sorted by their cell (column-major), so that the points of one cell follow each other.
        var cellOf = new long[n];
        var order = new Integer[n];
        for (int i = 0; i < n; i++) {
            cellOf[i] = key((long) ((x[i] - minX) / reach), (long) ((y[i] - minY) / reach));
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(cellOf[a], cellOf[b]));
        var cells = new java.util.HashMap<Long, int[]>();
        for (int start = 0; start < n;) {
            int end = start;
            while (end < n && cellOf[order[end]] == cellOf[order[start]]) {
                end++;
            }
            var members = new int[end - start];
            for (int m = start; m < end; m++) {
                members[m - start] = order[m];
            }
            cells.put(cellOf[order[start]], members);
            start = end;
        }
        double reachSquared = reach * reach;
        for (int i = 0; i < n; i++) {
            long column = (long) ((x[i] - minX) / reach);
            long row = (long) ((y[i] - minY) / reach);
            for (long dc = -1; dc <= 1; dc++) {
                for (long dr = -1; dr <= 1; dr++) {
                    var members = cells.get(key(column + dc, row + dr));
                    if (members == null) {
                        continue;
                    }
                    for (int j : members) {
                        if (j <= i) {
                            continue;
                        }
                        double dx = x[i] - x[j];
                        double dy = y[i] - y[j];
                        double squared = dx * dx + dy * dy;
                        if (squared < reachSquared) {
                            pairs.add(i, j, (int) (Math.sqrt(squared) / distanceBand));
                        }
                    }
                }
            }
        }
        return pairs;
    }

    private static long key(long column, long row) {
        return (column << 32) ^ (row & 0xffffffffL);
    }

    private static void count(ClosePairs close, double[] days, double dayBand, int dayBands, long[][] counts) {
        for (int c = 0; c < close.count; c++) {
            double apart = Math.abs(days[close.first[c]] - days[close.second[c]]);
            int band = (int) (apart / dayBand);
            if (band < dayBands) {
                counts[close.band[c]][band]++;
            }
        }
    }

    /** All pairs per time band, whatever their distance: for each event the later ones within each band's reach. */
    private static long[] timeBandPairs(double[] days, int n, double dayBand, int dayBands) {
        var sorted = Arrays.copyOf(days, n);
        Arrays.sort(sorted);
        var within = new long[dayBands + 1];
        for (int band = 1; band <= dayBands; band++) {
            double limit = band * dayBand;
            int j = 0;
            long count = 0;
            for (int i = 0; i < n; i++) {
                if (j < i + 1) {
                    j = i + 1;
                }
                while (j < n && sorted[j] - sorted[i] < limit) {
                    j++;
                }
                count += j - i - 1;
            }
            within[band] = count;
        }
        var perBand = new long[dayBands];
        for (int band = 0; band < dayBands; band++) {
            perBand[band] = within[band + 1] - within[band];
        }
        return perBand;
    }

    /** Growing parallel arrays of close pairs: two event indexes and the distance band. */
    private static final class ClosePairs {

        int[] first = new int[1024];
        int[] second = new int[1024];
        int[] band = new int[1024];
        int count;

        void add(int i, int j, int distanceBand) {
            if (count == first.length) {
                first = Arrays.copyOf(first, count * 2);
                second = Arrays.copyOf(second, count * 2);
                band = Arrays.copyOf(band, count * 2);
            }
            first[count] = i;
            second[count] = j;
            band[count] = distanceBand;
            count++;
        }
    }
}

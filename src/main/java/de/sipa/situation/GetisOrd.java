package de.sipa.situation;

import java.util.Arrays;

/**
 * Getis-Ord Gi* on a {@link HotspotGrid}: binary weights over the cell and its up to 8 analysed neighbours (queen
 * contiguity, the cell itself included), as PySAL's {@code esda.G_Local(star=True, transform='B')}, R's
 * {@code spdep::localG} with {@code include.self()} and ArcGIS' "Hot Spot Analysis":
 * <pre>
 * z_i = (Σ_j w_ij x_j − x̄ Σ_j w_ij) / (S · √((n Σ_j w_ij² − (Σ_j w_ij)²) / (n − 1)))
 * </pre>
 * with x̄ and S = √(Σx²/n − x̄²) over all n analysed cells. The p-value is two-sided under the normal distribution;
 * {@code pFdr} is corrected for testing n cells at once (Benjamini–Hochberg).
 */
final class GetisOrd {

    private GetisOrd() {
    }

    /** z, p and p_fdr per analysed cell (arrays indexed like the grid's analysed cells). */
    record Result(double[] z, double[] p, double[] pFdr) {

        GiClass classOf(int index) {
            return GiClass.of(z[index], pFdr[index]);
        }
    }

    static Result giStar(HotspotGrid grid, double[] counts) {
        int n = grid.size();
        var localSum = new double[n];
        var cardinality = new int[n];
        int columns = grid.columns();
        for (int i = 0; i < n; i++) {
            int position = grid.position(i);
            int column = position % columns;
            int row = position / columns;
            double sum = 0;
            int members = 0;
            for (int dr = -1; dr <= 1; dr++) {
                for (int dc = -1; dc <= 1; dc++) {
                    int j = grid.index(column + dc, row + dr);
                    if (j >= 0) {
                        sum += counts[j];
                        members++;
                    }
                }
            }
            localSum[i] = sum;
            cardinality[i] = members;
        }
        var z = zScores(counts, localSum, cardinality);
        var p = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = twoSidedP(z[i]);
        }
        return new Result(z, p, benjaminiHochberg(p));
    }

    /**
     * The z-scores from the values, each cell's sum over its neighbourhood (itself included) and the neighbourhood's
     * size (binary weights, so Σw = Σw² = the size). Where the values do not vary (S = 0) or a neighbourhood is the
     * whole area, z is 0: there is nothing to find.
     */
    static double[] zScores(double[] x, double[] localSum, int[] cardinality) {
        int n = x.length;
        double sum = 0;
        double sumOfSquares = 0;
        for (double value : x) {
            sum += value;
            sumOfSquares += value * value;
        }
        double mean = sum / n;
        double s = Math.sqrt(Math.max(0, sumOfSquares / n - mean * mean));
        var z = new double[n];
        for (int i = 0; i < n; i++) {
            double w = cardinality[i];
            double spread = (n * w - w * w) / (n - 1);
            double denominator = s * Math.sqrt(spread);
            z[i] = n > 1 && denominator > 1e-12 * Math.max(1, Math.abs(mean))
                    ? (localSum[i] - mean * w) / denominator : 0;
        }
        return z;
    }

    /** P(|Z| ≥ |z|) for a standard normal Z. */
    static double twoSidedP(double z) {
        return Math.min(1, erfc(Math.abs(z) / Math.sqrt(2)));
    }

    /**
     * Benjamini–Hochberg adjusted p-values (as R's {@code p.adjust(p, "BH")} and SciPy's
     * {@code false_discovery_control}): sorted ascending, p_(k) · m / k, made monotone from the largest down,
     * at most 1.
     */
    static double[] benjaminiHochberg(double[] p) {
        int m = p.length;
        var order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
        var adjusted = new double[m];
        double smallest = 1;
        for (int rank = m; rank >= 1; rank--) {
            int i = order[rank - 1];
            smallest = Math.min(smallest, p[i] * m / rank);
            adjusted[i] = smallest;
        }
        return adjusted;
    }

    /**
     * The complementary error function, by W. J. Cody's rational approximations ("Rational Chebyshev approximation
     * for the error function", Math. Comp. 23, 1969, as in netlib's CALERF), relative error below 1e-15 for the
     * arguments used here.
     */
    static double erfc(double x) {
        if (x < 0) {
            return 2 - erfc(-x);
        }
        if (x < 0.5) {
            return 1 - erfSmall(x);
        }
        if (x > 26.5) {
            return 0;
        }
        if (x <= 4) {
            double[] c = {5.64188496988670089e-1, 8.88314979438837594e0, 6.61191906371416295e1,
                2.98635138197400131e2, 8.81952221241769090e2, 1.71204761263407058e3, 2.05107837782607147e3,
                1.23033935479799725e3, 2.15311535474403846e-8};
            double[] d = {1.57449261107098347e1, 1.17693950891312499e2, 5.37181101862009858e2,
                1.62138957456669019e3, 3.29079923573345963e3, 4.36261909014324716e3, 3.43936767414372164e3,
                1.23033935480374942e3};
            double numerator = c[8] * x;
            double denominator = x;
            for (int i = 0; i < 7; i++) {
                numerator = (numerator + c[i]) * x;
                denominator = (denominator + d[i]) * x;
            }
            return gaussianTail(x) * (numerator + c[7]) / (denominator + d[7]);
        }
        double[] p = {3.05326634961232344e-1, 3.60344899949804439e-1, 1.25781726111229246e-1,
            1.60837851487422766e-2, 6.58749161529837803e-4, 1.63153871373020978e-2};
        double[] q = {2.56852019228982242e0, 1.87295284992346725e0, 5.27905102951428412e-1,
            6.05183413124413191e-2, 2.33520497626869185e-3};
        double y = 1 / (x * x);
        double numerator = p[5] * y;
        double denominator = y;
        for (int i = 0; i < 4; i++) {
            numerator = (numerator + p[i]) * y;
            denominator = (denominator + q[i]) * y;
        }
        double result = y * (numerator + p[4]) / (denominator + q[4]);
        result = (1 / Math.sqrt(Math.PI) - result) / x;
        return gaussianTail(x) * result;
    }

    private static double erfSmall(double x) {
        double[] a = {3.16112374387056560e0, 1.13864154151050156e2, 3.77485237685302021e2, 3.20937758913846947e3,
            1.85777706184603153e-1};
        double[] b = {2.36012909523441209e1, 2.44024637934444173e2, 1.28261652607737228e3, 2.84423683343917062e3};
        double y = x * x;
        double numerator = a[4] * y;
        double denominator = y;
        for (int i = 0; i < 3; i++) {
            numerator = (numerator + a[i]) * y;
            denominator = (denominator + b[i]) * y;
        }
        return x * (numerator + a[3]) / (denominator + b[3]);
    }

    /** exp(−x²), computed in two parts to keep its precision for large x (as CALERF does). */
    private static double gaussianTail(double x) {
        double rounded = Math.floor(x * 16) / 16;
        double delta = (x - rounded) * (x + rounded);
        return Math.exp(-rounded * rounded) * Math.exp(-delta);
    }
}

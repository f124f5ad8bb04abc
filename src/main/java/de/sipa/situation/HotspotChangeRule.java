package de.sipa.situation;

/**
 * Classifies a cell by when it was a hot spot, following R's sfhotspot {@code hotspot_classify()} (M. Ashby,
 * github.com/mpjashby/sfhotspot, R/hotspot_classify.R, commit 6b3caf7 of July 2025; after Chainey 2020,
 * <i>Understanding Crime</i>) with its default parameters ({@code hotspot_classify_params()}):
 * {@code hotspot_prop = 0.1}, {@code persistent_prop = 0.8}, {@code recent_prop = 0.2}, {@code critical_p = 0.05}.
 * <p>
 * Each of the two periods the user chooses is split into the same number of sub-periods; Gi* is computed for every
 * sub-period on its own ({@link GetisOrd}) and a cell is <em>hot</em> in a sub-period if z &gt; 0 and p_fdr &lt;
 * 0.05. The earlier period's sub-periods are sfhotspot's "non-recent" periods, the later period's its "recent" ones.
 * The rules, checked in this order (as sfhotspot's nested {@code ifelse}):
 * <ol>
 * <li><b>persistent</b>: hot in at least 80 % of all sub-periods ({@code prop_h >= persistent_prop});</li>
 * <li><b>emerging</b>: hot in less than 10 % of the earlier sub-periods and in at least 20 % of the later ones
 * ({@code older_h < hotspot_prop & recent_h >= recent_prop});</li>
 * <li><b>former</b>: hot in at least 10 % of the earlier sub-periods and in less than 10 % of the later ones
 * ({@code older_h >= hotspot_prop & recent_h < hotspot_prop});</li>
 * <li><b>intermittent</b>: hot in at least 10 % of all sub-periods ({@code prop_h >= hotspot_prop});</li>
 * <li><b>no pattern</b> otherwise.</li>
 * </ol>
 * Where we differ from sfhotspot, and why:
 * <ul>
 * <li>Which sub-periods are recent is the user's choice of two periods, not the last {@code recent_prop} share of
 * the sub-periods; so sfhotspot's {@code recent_h}, which sums one sub-period more than it divides by
 * ({@code ch[, (ncol(ch) - recent_periods):ncol(ch)]}), is here exactly the later period's share.</li>
 * <li>"Hot" uses our p_fdr (Benjamini–Hochberg over the cells of one sub-period); sfhotspot adjusts each cell's
 * p-values once more over the periods ({@code p.adjust}, Holm by default) and by default not over the cells.</li>
 * <li>Only hot spots are classified: cold spots of report counts mostly show where nobody reports.</li>
 * <li>sfhotspot has no "intensifying" or "diminishing" (those names come from ArcGIS' Emerging Hot Spot Analysis,
 * which tests a trend of the z-scores). Our own rule: a persistent hot spot is <b>intensifying</b> or
 * <b>diminishing</b> if its number of reports per day differs between the two periods at p &lt; 0.05 in an exact
 * two-sided conditional test of two Poisson rates (given both counts' sum n, the later count is binomial with
 * n and the later period's share of the days; R's {@code poisson.test}), higher or lower respectively.</li>
 * </ul>
 */
final class HotspotChangeRule {

    static final double HOTSPOT_PROP = 0.1;
    static final double PERSISTENT_PROP = 0.8;
    static final double RECENT_PROP = 0.2;
    /** For "hot" in a sub-period (p_fdr) and for the rate test of persistent hot spots. */
    static final double CRITICAL_P = 0.05;

    private HotspotChangeRule() {
    }

    /**
     * @param earlierHot per sub-period of the earlier period: was the cell hot
     * @param laterHot the same for the later period
     * @param earlierCount reports in the cell in the earlier period, {@code earlierDays} long
     * @param laterCount reports in the cell in the later period, {@code laterDays} long
     */
    static HotspotChangeClass classify(boolean[] earlierHot, boolean[] laterHot, int earlierCount, long earlierDays,
            int laterCount, long laterDays) {
        if (earlierHot.length == 0 || laterHot.length == 0) {
            throw new IllegalArgumentException("both periods need at least one sub-period");
        }
        int older = hot(earlierHot);
        int recent = hot(laterHot);
        double olderShare = (double) older / earlierHot.length;
        double recentShare = (double) recent / laterHot.length;
        double share = (double) (older + recent) / (earlierHot.length + laterHot.length);
        if (share >= PERSISTENT_PROP) {
            double p = rateChangeP(earlierCount, earlierDays, laterCount, laterDays);
            if (p < CRITICAL_P) {
                return laterCount * earlierDays > earlierCount * laterDays ? HotspotChangeClass.INTENSIFYING
                        : HotspotChangeClass.DIMINISHING;
            }
            return HotspotChangeClass.PERSISTENT;
        }
        if (olderShare < HOTSPOT_PROP && recentShare >= RECENT_PROP) {
            return HotspotChangeClass.EMERGING;
        }
        if (olderShare >= HOTSPOT_PROP && recentShare < HOTSPOT_PROP) {
            return HotspotChangeClass.FORMER;
        }
        if (share >= HOTSPOT_PROP) {
            return HotspotChangeClass.INTERMITTENT;
        }
        return HotspotChangeClass.NONE;
    }

    /**
     * Two-sided p-value that two Poisson counts over {@code earlierDays} and {@code laterDays} have the same rate,
     * as R's {@code poisson.test(c(laterCount, earlierCount), c(laterDays, earlierDays))}: given n = both counts'
     * sum, the later count x is Binomial(n, q) with q = laterDays / (earlierDays + laterDays), and the p-value is
     * R's {@code binom.test(x, n, q)}: the probability of all counts at most as likely as x (relative tolerance
     * 1e-7), counted as R does it, one tail from x and the other from the first count as unlikely as x.
     */
    static double rateChangeP(int earlierCount, long earlierDays, int laterCount, long laterDays) {
        int n = earlierCount + laterCount;
        if (n == 0) {
            return 1;
        }
        double q = (double) laterDays / (earlierDays + laterDays);
        var pmf = binomial(n, q);
        int x = laterCount;
        double expected = n * q;
        if (x == expected) {
            return 1;
        }
        double limit = pmf[x] * (1 + 1e-7);
        double p = 0;
        if (x < expected) {
            for (int k = 0; k <= x; k++) {
                p += pmf[k];
            }
            for (int k = (int) Math.ceil(expected); k <= n; k++) {
                p += pmf[k] <= limit ? pmf[k] : 0;
            }
        } else {
            for (int k = x; k <= n; k++) {
                p += pmf[k];
            }
            for (int k = 0; k <= (int) Math.floor(expected); k++) {
                p += pmf[k] <= limit ? pmf[k] : 0;
            }
        }
        return Math.min(1, p);
    }

    /** The binomial probabilities P(X = k) for k = 0 … n, by logarithms (no overflow for large n). */
    static double[] binomial(int n, double q) {
        var pmf = new double[n + 1];
        double logQ = Math.log(q);
        double logNotQ = Math.log1p(-q);
        double logChoose = 0;
        for (int k = 0; k <= n; k++) {
            if (k > 0) {
                logChoose += Math.log((double) (n - k + 1) / k);
            }
            pmf[k] = Math.exp(logChoose + k * logQ + (n - k) * logNotQ);
        }
        return pmf;
    }

    private static int hot(boolean[] periods) {
        int hot = 0;
        for (boolean h : periods) {
            hot += h ? 1 : 0;
        }
        return hot;
    }
}

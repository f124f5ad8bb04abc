package de.sipa.situation;

/**
 * One analysed cell in the comparison of two periods.
 *
 * @param earlierCount reports in the cell in the earlier period
 * @param laterCount reports in the cell in the later period
 * @param earlierHot per sub-period of the earlier period: was the cell a hot spot (Gi* z &gt; 0, p_fdr &lt; 0.05)
 * @param laterHot the same for the later period
 * @param corners the cell's corners in WGS84 as longitude/latitude pairs, as {@link HotspotCell#corners()}
 */
public record HotspotChangeCell(int column, int row, int earlierCount, int laterCount, boolean[] earlierHot,
        boolean[] laterHot, HotspotChangeClass changeClass, double[][] corners) {

    /** Later minus earlier count, as sfhotspot's {@code hotspot_change()}. */
    public int change() {
        return laterCount - earlierCount;
    }

    public int earlierHotPeriods() {
        return hot(earlierHot);
    }

    public int laterHotPeriods() {
        return hot(laterHot);
    }

    /** The hot sub-periods as a string, e.g. {@code 0010|1111}: 1 hot, 0 not, the bar between the periods. */
    public String pattern() {
        return bits(earlierHot) + "|" + bits(laterHot);
    }

    public double latitude() {
        return (corners[0][1] + corners[1][1] + corners[2][1] + corners[3][1]) / 4;
    }

    public double longitude() {
        return (corners[0][0] + corners[1][0] + corners[2][0] + corners[3][0]) / 4;
    }

    private static int hot(boolean[] periods) {
        int hot = 0;
        for (boolean h : periods) {
            hot += h ? 1 : 0;
        }
        return hot;
    }

    private static String bits(boolean[] periods) {
        var text = new StringBuilder(periods.length);
        for (boolean h : periods) {
            text.append(h ? '1' : '0');
        }
        return text.toString();
    }
}

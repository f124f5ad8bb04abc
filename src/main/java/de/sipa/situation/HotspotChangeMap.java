package de.sipa.situation;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The comparison of two periods: every analysed cell with its class ({@link HotspotChangeRule}).
 *
 * @param earlierPoints reports with a place counted in the earlier period
 * @param laterPoints the same in the later period
 * @param outside of all these, how many lay in no analysed cell
 * @param cells every analysed cell; empty when no district has a boundary
 */
public record HotspotChangeMap(HotspotChangeQuery query, String projection, String epsg, double originX,
        double originY, int columns, int rows, int earlierPoints, int laterPoints, int outside,
        List<HotspotChangeCell> cells) {

    /** How many cells the page lists at most. */
    public static final int LIST_LIMIT = 50;

    /**
     * The cells with a pattern (every class but "no pattern"): by class, then by the sub-periods in which they were
     * hot, then by the later count, most first.
     */
    public List<HotspotChangeCell> changedCells() {
        return cells.stream().filter(c -> c.changeClass() != HotspotChangeClass.NONE)
                .sorted(Comparator.comparing(HotspotChangeCell::changeClass)
                        .thenComparing(Comparator.comparingInt(
                                (HotspotChangeCell c) -> c.earlierHotPeriods() + c.laterHotPeriods()).reversed())
                        .thenComparing(Comparator.comparingInt(HotspotChangeCell::laterCount).reversed()))
                .toList();
    }

    /** The first {@link #LIST_LIMIT} of {@link #changedCells()}. */
    public List<HotspotChangeCell> listedCells() {
        var changed = changedCells();
        return changed.subList(0, Math.min(LIST_LIMIT, changed.size()));
    }

    /** Cells per class, every class present (also with 0). */
    public Map<HotspotChangeClass, Integer> classCounts() {
        var counts = new EnumMap<HotspotChangeClass, Integer>(HotspotChangeClass.class);
        for (var c : HotspotChangeClass.values()) {
            counts.put(c, 0);
        }
        cells.forEach(cell -> counts.merge(cell.changeClass(), 1, Integer::sum));
        return counts;
    }

    public boolean hasArea() {
        return !cells.isEmpty();
    }
}

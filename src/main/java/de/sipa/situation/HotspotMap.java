package de.sipa.situation;

import java.util.Comparator;
import java.util.List;

/**
 * The result of a hotspot analysis.
 *
 * @param projection the projection the grid is laid in, for people
 * @param epsg its EPSG code
 * @param originX the grid's south-west corner, easting in metres
 * @param originY the grid's south-west corner, northing in metres
 * @param originLatitude the same corner in WGS84
 * @param originLongitude the same corner in WGS84
 * @param bandwidth the kernel density's bandwidth in metres used
 * @param defaultBandwidth what the default rule gives for these points
 * @param points reports with a place that were counted
 * @param outside of these, how many lay in no analysed cell (outside the districts)
 * @param cells every analysed cell, also those without reports; empty when no district has a boundary
 */
public record HotspotMap(HotspotQuery query, String projection, String epsg, double originX, double originY,
        double originLatitude, double originLongitude, int columns, int rows, double bandwidth,
        double defaultBandwidth, int points, int outside, List<HotspotCell> cells) {

    /** The significant hot spots, the strongest first. */
    public List<HotspotCell> hotCells() {
        return cells.stream().filter(c -> c.giClass().hot()).sorted(Comparator.comparingDouble(HotspotCell::z)
                .reversed()).toList();
    }

    /** The largest kernel density of an analysed cell, in reports per km². */
    public double maxDensity() {
        return cells.stream().mapToDouble(HotspotCell::density).max().orElse(0);
    }

    /** Whether there is anything to analyse at all: districts with boundaries. */
    public boolean hasArea() {
        return !cells.isEmpty();
    }
}

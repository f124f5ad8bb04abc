package de.sipa.partners;

/**
 * A Stadtbezirk.
 *
 * @param boundary GeoJSON Polygon or MultiPolygon, or {@code null} while none is drawn
 */
public record District(DistrictId id, String name, int position, String boundary) {

    public boolean hasBoundary() {
        return boundary != null;
    }
}

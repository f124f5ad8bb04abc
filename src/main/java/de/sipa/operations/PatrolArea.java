package de.sipa.operations;

import de.sipa.partners.DistrictId;

/**
 * Where a patrol goes: a polygon or a route on the map.
 *
 * @param district {@code null} when the area is not tied to one district
 * @param geometry GeoJSON geometry (Polygon, LineString or their Multi forms) in WGS84
 */
public record PatrolArea(PatrolAreaId id, String name, DistrictId district, String geometry) {
}

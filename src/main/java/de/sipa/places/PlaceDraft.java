package de.sipa.places;

import de.sipa.partners.DistrictId;
import de.sipa.shared.OrganisationId;

/**
 * What a person enters (or an import or a hotspot supplies) for a new or changed place.
 *
 * @param district {@code null} lets SiPa take the district the place's centre lies in
 * @param geometry GeoJSON geometry (Point, LineString, Polygon or MultiPolygon) in WGS84
 * @param radiusMetres a point's radius or a line's half-width; {@code null} for polygons
 */
public record PlaceDraft(String name, DistrictId district, Deficit deficit, String description,
        OrganisationId ownerOrganisation, String ownerName, PlaceOrigin origin, String geometry,
        Integer radiusMetres) {
}

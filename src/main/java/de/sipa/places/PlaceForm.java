package de.sipa.places;

import java.util.UUID;

/**
 * What the place form sends: the outline as GeoJSON (drawn on the map or pasted) and the radius as typed, so that
 * nothing typed is lost when the form comes back with its errors.
 */
record PlaceForm(String name, UUID districtId, Deficit deficit, String description, UUID ownerOrganisationId,
        String ownerName, PlaceOrigin origin, String geometry, String radiusMetres) {

    static PlaceForm empty() {
        return new PlaceForm("", null, null, "", null, "", PlaceOrigin.MANUAL, "", "");
    }

    static PlaceForm of(Place place) {
        return new PlaceForm(place.name(), place.district() == null ? null : place.district().value(),
                place.deficit(), place.description(),
                place.ownerOrganisation() == null ? null : place.ownerOrganisation().value(),
                place.ownerName() == null ? "" : place.ownerName(), place.origin(), place.shape().geometry(),
                place.shape().radiusMetres() == null ? "" : String.valueOf(place.shape().radiusMetres()));
    }
}

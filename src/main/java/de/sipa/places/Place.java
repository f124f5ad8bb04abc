package de.sipa.places;

import java.time.Instant;

import de.sipa.partners.DistrictId;
import de.sipa.shared.OrganisationId;

/**
 * A place with a security deficit.
 *
 * @param district the district the place lies in (its centre), {@code null} outside every drawn district
 * @param ownerOrganisation the partner organisation that owns the space, if it is one
 * @param ownerName the owner's name when it is no partner (Deutsche Bahn, a housing company), else {@code null}
 * @param published whether citizens see the place, its concept and progress on a public page
 */
public record Place(PlaceId id, String name, DistrictId district, Deficit deficit, String description,
        OrganisationId ownerOrganisation, String ownerName, PlaceStatus status, PlaceOrigin origin, PlaceShape shape,
        boolean published, Instant createdAt) {
}

package de.sipa.networks;

import de.sipa.places.Deficit;
import de.sipa.places.PlaceId;
import de.sipa.places.PlaceStatus;
import de.sipa.shared.PartnershipId;

/** A published place as a town shares it with its network; {@code contact} is what the town named for questions. */
public record SharedPlace(PlaceId id, PartnershipId town, String townName, String name, Deficit deficit,
        PlaceStatus status, String description, String contact) {
}

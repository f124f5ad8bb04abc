package de.sipa.networks;

import java.util.UUID;

import de.sipa.shared.PartnershipId;

/** A body of the network itself, e.g. the county's round table of the towns' coordinators; the host keeps it. */
public record NetworkBody(UUID id, PartnershipId host, NetworkId network, String name, String purpose) {
}

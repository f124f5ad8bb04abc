package de.sipa.networks;

import java.util.UUID;

import de.sipa.shared.PartnershipId;

/** One thing a member shares with a network; {@code item} is {@code null} for the key figures. */
public record Share(UUID id, PartnershipId member, NetworkId network, ShareKind kind, UUID item, String contact) {
}

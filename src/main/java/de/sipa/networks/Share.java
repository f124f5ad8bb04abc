package de.sipa.networks;

import java.util.UUID;

import de.sipa.shared.PartnershipId;

/**
 * One thing a member shares with a network; {@code item} is {@code null} for the key figures, {@code network} is
 * {@code null} for a project or safety concept shared with the whole installation.
 */
public record Share(UUID id, PartnershipId member, NetworkId network, ShareKind kind, UUID item, String contact) {
}

package de.sipa.networks;

import de.sipa.shared.PartnershipId;

/** A network above partnerships; {@code host} is the partnership of its coordination (e.g. the Landratsamt). */
public record Network(NetworkId id, PartnershipId host, String name, NetworkKind kind) {
}

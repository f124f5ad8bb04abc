package de.sipa.partners;

import de.sipa.shared.PartnershipId;

public record Partnership(PartnershipId id, String slug, String name) {
}

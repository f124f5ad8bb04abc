package de.sipa.responsibilities;

import de.sipa.shared.PartnershipId;

/** Published when a partnership's matrix changed; lookups built from the old state must be dropped. */
public record MatrixChanged(PartnershipId partnership, long change) {
}

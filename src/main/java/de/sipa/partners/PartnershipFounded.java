package de.sipa.partners;

import de.sipa.shared.FederalState;
import de.sipa.shared.PartnershipId;

/** A new partnership was founded in a Land (e.g. a Land programme applies its template to it). */
public record PartnershipFounded(PartnershipId partnership, FederalState federalState) {
}

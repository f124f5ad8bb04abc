package de.sipa.partners;

import de.sipa.shared.FederalState;
import de.sipa.shared.PartnershipId;

/** @param federalState the Land, whose public holidays decide working days and patrol days */
public record Partnership(PartnershipId id, String slug, String name, FederalState federalState) {
}

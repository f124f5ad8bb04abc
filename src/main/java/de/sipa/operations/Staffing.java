package de.sipa.operations;

import de.sipa.shared.OrganisationId;

/** How many people an organisation sends on each patrol of a plan. */
public record Staffing(OrganisationId organisation, int required) {
}

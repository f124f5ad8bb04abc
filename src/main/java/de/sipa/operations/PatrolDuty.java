package de.sipa.operations;

import de.sipa.partners.PersonId;
import de.sipa.shared.OrganisationId;

/** A person of an organisation on a patrol: one filled slot. */
public record PatrolDuty(PatrolId patrol, PersonId person, OrganisationId organisation) {
}

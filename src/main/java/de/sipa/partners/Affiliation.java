package de.sipa.partners;

import java.time.LocalDate;

import de.sipa.shared.OrganisationId;

/** A person's work for an organisation besides their own, e.g. a police officer seconded to the city. */
public record Affiliation(PersonId person, String personName, OrganisationId organisation, String organisationName, String function,
        LocalDate startsOn) {
}

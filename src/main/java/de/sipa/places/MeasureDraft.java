package de.sipa.places;

import java.time.LocalDate;

import de.sipa.shared.OrganisationId;

/** What a person enters for a new or changed measure; checked by {@link SafetyConcepts}. */
public record MeasureDraft(MeasureKind kind, String title, String description, String legalBasis,
        OrganisationId organisation, Long costEuros, LocalDate startsOn, LocalDate endsOn, MeasureStatus status) {
}

package de.sipa.places;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import de.sipa.shared.OrganisationId;
import de.sipa.shared.RuleViolationException;

/**
 * The measure form as typed, all text, so that nothing typed is lost when a value cannot be read: {@link #draft()}
 * reads it and refuses with the field's message key, the rules are checked by {@link SafetyConcepts}.
 */
record MeasureForm(String kind, String title, String description, String legalBasis, String organisation,
        String costEuros, String startsOn, String endsOn, String status) {

    static MeasureForm empty() {
        return new MeasureForm("", "", "", "", "", "", "", "", MeasureStatus.PLANNED.name());
    }

    static MeasureForm of(Measure measure) {
        return new MeasureForm(measure.kind().name(), measure.title(), measure.description(),
                measure.legalBasis() == null ? "" : measure.legalBasis(), measure.organisation().value().toString(),
                measure.costEuros() == null ? "" : measure.costEuros().toString(),
                measure.startsOn() == null ? "" : measure.startsOn().toString(),
                measure.endsOn() == null ? "" : measure.endsOn().toString(), measure.status().name());
    }

    MeasureDraft draft() {
        return new MeasureDraft(choice(MeasureKind.class, kind, "measure.kind.required"), title, description,
                legalBasis, organisationId(), cost(), day(startsOn, "measure.startsOn.invalid"),
                day(endsOn, "measure.endsOn.invalid"), choice(MeasureStatus.class, status, "measure.status.required"));
    }

    private OrganisationId organisationId() {
        if (blank(organisation)) {
            return null;
        }
        try {
            return new OrganisationId(UUID.fromString(organisation.strip()));
        } catch (IllegalArgumentException e) {
            throw new RuleViolationException("measure.organisation.required");
        }
    }

    private Long cost() {
        if (blank(costEuros)) {
            return null;
        }
        try {
            return Long.valueOf(costEuros.strip().replace(" ", "").replace("€", ""));
        } catch (NumberFormatException e) {
            throw new RuleViolationException("measure.costEuros.invalid");
        }
    }

    private static LocalDate day(String value, String refusal) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new RuleViolationException(refusal);
        }
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, String refusal) {
        if (blank(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw new RuleViolationException(refusal);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

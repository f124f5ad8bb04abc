package de.sipa.places;

import java.time.LocalDate;

import de.sipa.shared.OrganisationId;

/**
 * A measure of a place's safety concept (Maßnahme).
 *
 * @param legalBasis the legal basis of a video measure (e.g. "§ 21 Abs. 3 PolG BW"), else optional
 * @param costEuros the estimated or actual cost in whole euros, {@code null} when unknown
 * @param startsOn {@code null} while not yet dated
 * @param endsOn {@code null} for a lasting measure
 */
public record Measure(MeasureId id, PlaceId place, MeasureKind kind, String title, String description,
        String legalBasis, OrganisationId organisation, Long costEuros, LocalDate startsOn, LocalDate endsOn,
        MeasureStatus status) {

    /** How far the measure has come, in percent, for the citizens' page: planned 0, running by its period, done 100. */
    public int progressOn(LocalDate day) {
        return switch (status) {
            case PLANNED, DROPPED -> 0;
            case DONE -> 100;
            case RUNNING -> {
                if (startsOn == null || endsOn == null || !endsOn.isAfter(startsOn)) {
                    yield 50;
                }
                long total = endsOn.toEpochDay() - startsOn.toEpochDay();
                long done = Math.max(0, Math.min(total, day.toEpochDay() - startsOn.toEpochDay()));
                yield (int) Math.max(5, Math.min(95, done * 100 / total));
            }
        };
    }
}

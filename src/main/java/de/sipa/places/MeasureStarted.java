package de.sipa.places;

import java.time.LocalDate;

/** A measure of a place's safety concept is carried out from the day given (it was added or set running). */
public record MeasureStarted(PlaceId place, MeasureId measure, MeasureKind kind, LocalDate startsOn) {
}

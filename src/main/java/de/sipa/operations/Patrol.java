package de.sipa.operations;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/** One patrol of a plan, on the local day it starts. */
public record Patrol(PatrolId id, PatrolPlanId plan, LocalDate day, Instant startsAt, Instant endsAt,
        boolean cancelled) {

    public Duration duration() {
        return Duration.between(startsAt, endsAt);
    }

    public boolean overlaps(Patrol other) {
        return startsAt.isBefore(other.endsAt) && other.startsAt.isBefore(endsAt);
    }
}

package de.sipa.operations;

import java.time.Duration;
import java.time.Instant;

/**
 * What a patrol reports afterwards.
 *
 * @param startedAt when the patrol actually set out (may differ from the plan)
 * @param citizenContacts how many conversations with citizens
 */
public record PatrolReport(PatrolId patrol, Instant startedAt, Instant endedAt, String places, int citizenContacts,
        String incidents, String measures, String writtenBy, Instant writtenAt) {

    /** The time actually on patrol. */
    public Duration duration() {
        return Duration.between(startedAt, endedAt);
    }
}

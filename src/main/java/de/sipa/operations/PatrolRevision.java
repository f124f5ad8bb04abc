package de.sipa.operations;

import java.time.Instant;

/**
 * How often a patrol's calendar event changed (its SEQUENCE: cancelled, crew changed, moved to a continuing plan) and
 * when last (its LAST-MODIFIED, and DTSTAMP in the published feeds).
 */
record PatrolRevision(int sequence, Instant modifiedAt) {

    static final PatrolRevision FIRST = new PatrolRevision(0, Instant.EPOCH);
}

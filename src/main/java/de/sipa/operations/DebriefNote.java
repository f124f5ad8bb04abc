package de.sipa.operations;

import java.time.Instant;

import de.sipa.shared.OrganisationId;

/** One organisation's word in the debrief: what went well and what did not. */
public record DebriefNote(OrganisationId organisation, String wentWell, String wentBadly, String author,
        Instant writtenAt) {
}

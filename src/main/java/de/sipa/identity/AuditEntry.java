package de.sipa.identity;

import java.time.Instant;

/** One line of the append-only audit trail: who did what to which record, and when. */
public record AuditEntry(long id, Instant occurredAt, String actor, AuditAction action, String subjectType,
        String subjectId, String summary) {
}

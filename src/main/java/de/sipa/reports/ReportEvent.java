package de.sipa.reports;

import java.time.Instant;

import de.sipa.shared.OrganisationId;

/**
 * A step in a report's history; public steps appear on the citizen's status page.
 *
 * @param actor the account name of who did it ("bürger" and "open311" for citizens on the form and in apps)
 * @param status the new status of a {@link Kind#STATUS_CHANGED}, else {@code null}
 */
public record ReportEvent(Instant occurredAt, String actor, Kind kind, ReportStatus status, OrganisationId organisation,
        String note, boolean visibleToPublic) {

    public enum Kind {
        RECEIVED, APPROVED, ROUTED, REROUTED, RECATEGORISED, HANDED_BACK, STATUS_CHANGED, COMMENTED, ESCALATED,
        CONTACT_DELETED, MERGED,
        /** A supporting or informed organisation of the matrix was told of the report: from then on it may read it. */
        NOTIFIED
    }
}

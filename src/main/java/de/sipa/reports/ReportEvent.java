package de.sipa.reports;

import java.time.Instant;

import de.sipa.shared.OrganisationId;

/** A step in a report's history; public steps appear on the citizen's status page. */
public record ReportEvent(Instant occurredAt, String actor, Kind kind, OrganisationId organisation, String note,
        boolean visibleToPublic) {

    public enum Kind {
        RECEIVED, APPROVED, ROUTED, REROUTED, RECATEGORISED, HANDED_BACK, STATUS_CHANGED, COMMENTED, ESCALATED,
        CONTACT_DELETED, MERGED, INFORMED
    }
}

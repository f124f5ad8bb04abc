package de.sipa.reports;

import java.util.UUID;

/**
 * The filters of the work queue page, as its form and the start pages' links send them; public for the template
 * engine.
 *
 * @param queue "coordination", "all", "mine", "informed" (what the partner's organisation was told about) or an
 *     organisation's id
 * @param handedBack only reports handed back to the coordinator
 */
public record QueueFilter(String queue, ReportStatus status, UUID category, UUID district, Boolean overdue, Boolean closed,
        String q, Boolean handedBack) {
}

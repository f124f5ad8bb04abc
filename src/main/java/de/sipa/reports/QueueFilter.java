package de.sipa.reports;

import java.util.UUID;

/** The filters of the work queue page, as its form sends them; public for the template engine. */
public record QueueFilter(String queue, ReportStatus status, UUID category, UUID district, Boolean overdue, Boolean closed,
        String q, Boolean handedBack) {
}

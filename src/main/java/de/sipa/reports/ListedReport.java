package de.sipa.reports;

import java.time.Instant;

/**
 * An open report in the public list, the map's text alternative: what the map shows of it, with its district
 * instead of a place.
 *
 * @param district the district's name; {@code null} where the report has none
 */
public record ListedReport(String publicId, String category, ReportStatus status, String district,
        Instant submittedAt) {
}

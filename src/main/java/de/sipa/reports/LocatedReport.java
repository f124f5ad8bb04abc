package de.sipa.reports;

import java.time.Instant;

/**
 * A report as a point in time and space, without its text or reporter: for the time line of a place. The public
 * number is {@code null} while the report waits for moderation (those are left out anyway). {@code readable}: whether
 * the user may open the report itself ({@link Reports#get}), so that only then the time line links it.
 */
public record LocatedReport(ReportId id, String publicId, Instant submittedAt, CategoryId category,
        ReportStatus status, double latitude, double longitude, boolean readable) {
}

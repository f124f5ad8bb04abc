package de.sipa.reports;

import java.time.Instant;

/** An open report on the public map: category, status and a location rounded to about 100 m; nothing else. */
public record MapPoint(String publicId, String category, ReportStatus status, double latitude, double longitude,
        Instant submittedAt) {
}

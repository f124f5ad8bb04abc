package de.sipa.reports;

import java.time.Instant;
import java.util.List;

/**
 * A report as citizens and Open311 clients see it: no contact data, no internal notes, the location rounded, and
 * the description only where the coordinator has approved it for the public (or for the reporter themselves).
 *
 * @param description {@code null} where it may not be shown
 * @param responsible the name of the organisation responsible now; {@code null}: the coordination
 * @param deadline when a first answer is due; {@code null} while waiting for moderation
 * @param photos ids of the report's photos, for {@link ReportPhotos#publicPhoto}
 */
public record PublicReport(String publicId, String categoryCode, String categoryName, String description,
        ReportStatus status, String responsible, String publicNote, Double latitude, Double longitude, String address,
        Instant submittedAt, Instant updatedAt, Instant deadline, List<java.util.UUID> photos, List<ReportEvent> events) {

    public PublicReport {
        photos = photos == null ? List.of() : List.copyOf(photos);
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** About 100 m: enough to find the place again, not enough to point at a house. */
    static double coarse(double degrees) {
        return Math.round(degrees * 1000) / 1000.0;
    }

    /**
     * @param forTheReporter the reporter sees their own text; everyone else only a text the coordinator approved
     */
    static PublicReport of(Report report, Category category, String responsible, List<java.util.UUID> photos,
            List<ReportEvent> events, boolean forTheReporter) {
        var approved = forTheReporter || report.textModeration() == TextModeration.APPROVED;
        var description = approved ? report.description() : null;
        return new PublicReport(report.publicId(), category.code(), category.name(), description,
                report.status(), responsible, report.publicNote(),
                report.latitude() == null ? null : coarse(report.latitude()),
                report.longitude() == null ? null : coarse(report.longitude()), report.address(),
                report.submittedAt(), report.updatedAt(), report.deadline(), approved ? photos : List.of(),
                events.stream().map(e -> new ReportEvent(e.occurredAt(), "", e.kind(), e.status(), e.organisation(), e.note(), true))
                        .toList());
    }
}

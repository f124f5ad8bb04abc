package de.sipa.reports;

import java.time.Instant;
import java.util.List;

/**
 * A report as citizens and Open311 clients see it: no contact data, no internal notes, the location rounded, and
 * what the reporter wrote (description, address, address id, photos and photo link) only where the coordinator has
 * approved it for the public (or for the reporter themselves). A report of a moderated category that waits for
 * approval shows neither these nor its place.
 *
 * @param description {@code null} where it may not be shown
 * @param responsible the name of the organisation responsible now; {@code null}: the coordination
 * @param deadline when a first answer is due; {@code null} while waiting for moderation
 * @param photos ids of the report's photos, for {@link ReportPhotos#publicPhoto}
 * @param mediaUrl the link to a photo the reporting app keeps ({@code null} where it may not be shown)
 * @param mergedInto the public number of the report this one was merged into as a duplicate, or {@code null}
 * @param textModeration where the coordinator's check of the reporter's text stands
 */
public record PublicReport(String publicId, String categoryCode, String categoryName, String description,
        ReportStatus status, String responsible, String publicNote, Double latitude, Double longitude, String address,
        Instant submittedAt, Instant updatedAt, Instant deadline, List<java.util.UUID> photos, List<ReportEvent> events,
        String addressId, String mediaUrl, String mergedInto, TextModeration textModeration) {

    public PublicReport {
        photos = photos == null ? List.of() : List.copyOf(photos);
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** About 100 m: enough to find the place again, not enough to point at a house. */
    static double coarse(double degrees) {
        return Math.round(degrees * 1000) / 1000.0;
    }

    /** Whether the report waits for the coordinator's approval (a moderated category). */
    public boolean awaitingApproval() {
        return status == ReportStatus.MODERATION;
    }

    /**
     * @param forTheReporter the reporter sees their own text; everyone else only a text the coordinator approved
     */
    static PublicReport of(Report report, Category category, String responsible, List<java.util.UUID> photos,
            List<ReportEvent> events, String mergedInto, boolean forTheReporter) {
        var approved = forTheReporter || report.textModeration() == TextModeration.APPROVED
                && report.status() != ReportStatus.MODERATION;
        var placed = forTheReporter || report.status() != ReportStatus.MODERATION;
        var description = approved && !report.description().isBlank() ? report.description() : null;
        return new PublicReport(report.publicId(), category.code(), category.name(), description,
                report.status(), responsible, report.publicNote(),
                placed && report.latitude() != null ? coarse(report.latitude()) : null,
                placed && report.longitude() != null ? coarse(report.longitude()) : null,
                approved ? report.address() : null,
                report.submittedAt(), report.updatedAt(), report.deadline(), approved ? photos : List.of(),
                events.stream().map(e -> new ReportEvent(e.occurredAt(), "", e.kind(), e.status(), e.organisation(), e.note(), true))
                        .toList(),
                approved ? report.addressId() : null, approved ? report.mediaUrl() : null, mergedInto,
                report.textModeration());
    }
}

package de.sipa.reports;

import java.time.Instant;
import java.util.Map;

import de.sipa.partners.DistrictId;
import de.sipa.shared.OrganisationId;

/**
 * A security concern (Anliegen) and where it stands.
 *
 * @param publicId the number citizens and Open311 clients see, given when the report is taken in
 * @param assignee the organisation responsible now; {@code null}: the coordinator's queue
 * @param textModeration whether the description, address and photos may be shown publicly
 * @param addressId the address id an Open311 client sent ({@code address_id}), or {@code null}
 * @param mediaUrl the link to a photo an Open311 client keeps itself ({@code media_url}); never fetched by SiPa
 */
public record Report(ReportId id, String publicId, java.util.UUID token, CategoryId category, String description,
        Double latitude, Double longitude, String address, DistrictId district, boolean districtUncertain,
        ReportSource source, ReportStatus status, OrganisationId assignee, Instant deadline, Instant escalatedAt,
        Map<String, String> attributes, Contact contact, String publicNote, Instant submittedAt, Instant updatedAt,
        Instant closedAt, TextModeration textModeration, String addressId, String mediaUrl) {

    public boolean overdue(Instant now) {
        return !status.closed() && deadline != null && now.isAfter(deadline);
    }

    public boolean withCoordinator() {
        return assignee == null;
    }
}

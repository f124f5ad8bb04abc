package de.sipa.reports;

import java.util.Map;

import de.sipa.partners.DistrictId;
import de.sipa.shared.PartnershipId;

/**
 * A concern as it arrives. A location is a point (latitude/longitude) or an address; the district comes from the
 * point, else from {@code district}.
 *
 * @param attributes answers to the category's questions by attribute code (list answers comma-separated)
 */
public record NewReport(PartnershipId partnership, CategoryId category, String description, Double latitude,
        Double longitude, String address, DistrictId district, Map<String, String> attributes, Contact contact,
        ReportSource source) {

    public NewReport {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        contact = contact == null ? Contact.NONE : contact;
    }
}

package de.sipa.reports;

import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import de.sipa.partners.DistrictId;
import de.sipa.shared.PartnershipId;
import de.sipa.shared.RuleViolationException;

/**
 * A concern as entered in the internal or the public form. The map fills latitude and longitude; without a
 * point, an address or district is needed.
 *
 * @param website a honeypot: hidden from people, filled in by bots
 */
public record ReportForm(
        @NotNull UUID categoryId,
        @NotBlank @Size(max = 5000) String description,
        @Size(max = 40) String latitude,
        @Size(max = 40) String longitude,
        @Size(max = 300) String address,
        UUID districtId,
        Map<String, String> attributes,
        @Size(max = 200) String name,
        @Size(max = 200) String email,
        @Size(max = 60) String phone,
        String website) {

    public ReportForm {
        attributes = attributes == null ? Map.of() : attributes;
    }

    public static ReportForm empty(UUID category) {
        return new ReportForm(category, "", "", "", "", null, Map.of(), "", "", "", "");
    }

    /** The concern for the intake; coordinates that are not numbers are refused like any bad input. */
    public NewReport toReport(PartnershipId partnership, ReportSource source) {
        return new NewReport(partnership, new CategoryId(categoryId), description, coordinate(latitude),
                coordinate(longitude), address, districtId == null ? null : new DistrictId(districtId), attributes,
                new Contact(name, email, phone), source);
    }

    private static Double coordinate(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(value.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new RuleViolationException("report.location.invalid");
        }
    }
}

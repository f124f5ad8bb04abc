package de.sipa.reports;

import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A concern as entered in the internal or the public form. The map fills latitude and longitude; without a
 * point, an address or district is needed.
 *
 * @param website a honeypot: hidden from people, filled in by bots
 */
public record ReportForm(
        @NotNull UUID categoryId,
        @NotBlank @Size(max = 5000) String description,
        Double latitude,
        Double longitude,
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
        return new ReportForm(category, "", null, null, "", null, Map.of(), "", "", "", "");
    }
}

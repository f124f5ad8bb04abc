package de.sipa.prevention;

import java.util.UUID;

import de.sipa.partners.DistrictId;

/** The idea form, public and internal; {@code website} is the honeypot a person never sees. */
record IdeaForm(String title, String description, PreventionField field, UUID districtId, String email,
        Boolean consent, String website) {

    static IdeaForm empty() {
        return new IdeaForm("", "", null, null, "", false, "");
    }

    IdeaInput toInput() {
        return new IdeaInput(title, description, field, districtId == null ? null : new DistrictId(districtId), email,
                Boolean.TRUE.equals(consent));
    }
}

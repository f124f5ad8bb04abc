package de.sipa.partners;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a coordinator (or the organisation's own staff) enters for an organisation. */
public record OrganisationDetails(
        @NotBlank @Size(max = 200) String name,
        @NotNull OrganisationKind kind,
        @Size(max = 200) String street,
        @Pattern(regexp = "^$|^\\d{5}$", message = "{validation.postalCode}") String postalCode,
        @Size(max = 120) String city,
        @Pattern(regexp = "^$|^[+0-9 ()/-]{3,60}$", message = "{validation.phone}") String phone,
        @Email @Size(max = 200) String email,
        @Pattern(regexp = "^$|^[+0-9 ()/-]{3,60}$", message = "{validation.phone}") String onDutyPhone,
        @Size(max = 500) String onDutyNote,
        boolean active) {

    public static OrganisationDetails empty() {
        return new OrganisationDetails("", OrganisationKind.OTHER, "", "", "", "", "", "", "", true);
    }
}

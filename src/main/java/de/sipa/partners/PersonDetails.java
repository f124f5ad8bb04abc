package de.sipa.partners;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What is entered for a person; {@code districts} are the districts they are the contact for. */
public record PersonDetails(
        @NotNull UUID organisationId,
        @Size(max = 40) String salutation,
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        @Size(max = 200) String function,
        @Pattern(regexp = "^$|^[+0-9 ()/-]{3,60}$", message = "{validation.phone}") String phone,
        @Pattern(regexp = "^$|^[+0-9 ()/-]{3,60}$", message = "{validation.phone}") String mobile,
        @Email @Size(max = 200) String email,
        List<UUID> districts) {

    public PersonDetails {
        districts = districts == null ? List.of() : List.copyOf(districts);
    }

    public static PersonDetails empty(UUID organisationId) {
        return new PersonDetails(organisationId, "", "", "", "", "", "", "", List.of());
    }
}

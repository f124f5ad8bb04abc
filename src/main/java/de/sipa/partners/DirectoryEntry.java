package de.sipa.partners;

import java.util.List;

import de.sipa.shared.OrganisationId;

/** A person as the directory lists them: how to reach them, and where they sit. */
public record DirectoryEntry(PersonId id, String salutation, String firstName, String lastName, String function,
        OrganisationId organisationId, String organisation, String phone, String mobile, String email,
        String onDutyPhone, List<String> bodies, List<String> districts) {

    public String fullName() {
        return firstName + " " + lastName;
    }
}

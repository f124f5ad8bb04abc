package de.sipa.partners;

import java.util.List;

import de.sipa.shared.OrganisationId;

/** A person as the directory lists them: how to reach them, where they sit, and whom else they work for. */
public record DirectoryEntry(PersonId id, String salutation, String firstName, String lastName, String function,
        OrganisationId organisationId, String organisation, String phone, String mobile, String email,
        String onDutyPhone, List<String> bodies, List<String> districts, List<String> alsoFor) {

    public String fullName() {
        return firstName + " " + lastName;
    }
}

package de.sipa.partners;

import java.util.Set;

import de.sipa.shared.OrganisationId;

/** An Ansprechpartner*in working for an organisation; an archived one has left, their history stays. */
public record Person(PersonId id, OrganisationId organisation, String salutation, String firstName, String lastName,
        String function, String phone, String mobile, String email, Set<DistrictId> districts, boolean archived) {

    public String fullName() {
        return firstName + " " + lastName;
    }

    public PersonDetails details() {
        return new PersonDetails(organisation == null ? null : organisation.value(), salutation, firstName, lastName,
                function, phone, mobile, email, districts.stream().map(DistrictId::value).toList());
    }
}

package de.sipa.partners;

import de.sipa.shared.OrganisationId;

public record Organisation(OrganisationId id, String name, OrganisationKind kind, String street, String postalCode,
        String city, String phone, String email, String onDutyPhone, String onDutyNote, boolean active) {

    public OrganisationDetails details() {
        return new OrganisationDetails(name, kind, street, postalCode, city, phone, email, onDutyPhone, onDutyNote,
                active);
    }
}

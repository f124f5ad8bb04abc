package de.sipa.partners;

/** The kinds of partner a security partnership works with; labels in messages ({@code organisation.kind.*}). */
public enum OrganisationKind {
    POLICE_HEADQUARTERS,
    POLICE_INSPECTION,
    CRIMINAL_POLICE,
    PUBLIC_ORDER_OFFICE,
    MUNICIPAL_ENFORCEMENT,
    YOUTH_OFFICE,
    SOCIAL_OFFICE,
    URBAN_PLANNING,
    FIRE_BRIGADE,
    CITY_ADMINISTRATION,
    SCHOOL,
    FEDERAL_POLICE,
    CUSTOMS,
    JUSTICE,
    CIVIL_SOCIETY,
    OTHER;

    public boolean isPolice() {
        return this == POLICE_HEADQUARTERS || this == POLICE_INSPECTION || this == CRIMINAL_POLICE
                || this == FEDERAL_POLICE;
    }
}

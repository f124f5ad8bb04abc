package de.sipa.reports;

/** Where a concern came from. */
public enum ReportSource {
    /** A citizen on the public web form. */
    CITIZEN,
    /** A citizen through an Open311 client (app, portal). */
    OPEN311,
    /** Staff of a partner organisation on the internal form. */
    PARTNER,
    /** A patrol or operation, through the module API. */
    PATROL;

    /** Sent by citizens, who need no login: the public form and Open311. */
    public boolean fromCitizens() {
        return this == CITIZEN || this == OPEN311;
    }
}

package de.sipa.reports;

public final class ReportPermissions {

    public static final String READ = "isAuthenticated()";
    public static final String WORK = "hasAnyRole('ADMIN','COORDINATOR','PARTNER')";
    public static final String COORDINATE = "hasAnyRole('ADMIN','COORDINATOR')";
    /**
     * Files a concern on the internal form or from a patrol: the coordination and partner staff. The steering group
     * reads and decides; it does not file.
     */
    public static final String FILE = "hasAnyRole('ADMIN','COORDINATOR','PARTNER')";
    /**
     * The contact point's intake: a concern from citizens (the public form, Open311) needs no login, every other
     * source the right to {@link #FILE file}.
     */
    public static final String SUBMIT = "#report?.source()?.fromCitizens() == true or " + FILE;
    /** The categories page: the coordination, and the steering group reading along. */
    public static final String READ_CATEGORIES = "hasAnyRole('ADMIN','COORDINATOR','STEERING')";

    /** The contact point's figures: the coordination and the steering group. */
    public static final String FIGURES = "hasAnyRole('ADMIN','COORDINATOR','STEERING')";

    /**
     * A district's report figures for the situation picture's district profile, which decides itself whom it shows
     * them (the coordination, the police, the steering group).
     */
    public static final String DISTRICT_FIGURES = "hasAnyRole('ADMIN','COORDINATOR','STEERING','PARTNER')";

    private ReportPermissions() {
    }
}

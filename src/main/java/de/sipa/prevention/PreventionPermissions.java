package de.sipa.prevention;

/** Who may do what with prevention projects: everyone of the partnership reads, the partners' staff work on them. */
public final class PreventionPermissions {

    public static final String READ = "isAuthenticated()";
    /** Planning projects, writing the Beccaria steps, entering indicator values: the coordination and partner staff. */
    public static final String EDIT = "hasAnyRole('ADMIN','COORDINATOR','PARTNER')";
    /** The quality note on a Beccaria step: the coordination, which reviews the planning. */
    public static final String REVIEW = "hasAnyRole('ADMIN','COORDINATOR')";

    private PreventionPermissions() {
    }
}

package de.sipa.volunteers;

/**
 * Who may do what with volunteer offers: everyone of the partnership reads them, the coordination and the partners'
 * staff write them. The volunteers of an offer (their names and contact data) are handled by the coordination and
 * the staff of the contact person's organisation ({@link VolunteerAccess#mayManage}).
 */
public final class VolunteerPermissions {

    public static final String READ = "isAuthenticated()";
    public static final String EDIT = "hasAnyRole('ADMIN','COORDINATOR','PARTNER')";

    private VolunteerPermissions() {
    }
}

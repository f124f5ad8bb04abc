package de.sipa.places;

/** Who may do what with places: everyone of the partnership reads, the partners' staff work on them. */
public final class PlacePermissions {

    public static final String READ = "isAuthenticated()";
    /** Drawing and describing places, walking site audits, keeping measures: the coordination and partner staff. */
    public static final String EDIT = "hasAnyRole('ADMIN','COORDINATOR','PARTNER')";
    /** Showing a place to the citizens: the coordination, which speaks for the partnership. */
    public static final String PUBLISH = "hasAnyRole('ADMIN','COORDINATOR')";

    private PlacePermissions() {
    }
}

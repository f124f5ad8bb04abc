package de.sipa.operations;

/** Who may do what in joint operations (patrols, events, deployment plans, debriefs). */
public final class OperationPermissions {

    public static final String READ = "isAuthenticated()";
    /** The coordination plans joint patrols and events; the partners take part through their own organisation. */
    public static final String PLAN = "hasAnyRole('ADMIN','COORDINATOR')";
    /** Filling patrol slots and reporting on patrols: partners for their own organisation, and the coordination. */
    public static final String STAFF = "hasAnyRole('ADMIN','COORDINATOR','PARTNER')";

    /** Staff of the partner organisations and the coordination act for their organisation; steering only reads. */
    public static final String TAKE_PART = "hasAnyRole('ADMIN','COORDINATOR','PARTNER')";

    private OperationPermissions() {
    }
}

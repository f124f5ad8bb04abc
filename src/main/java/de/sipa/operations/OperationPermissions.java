package de.sipa.operations;

/** Who may do what in joint operations (patrols, events, deployment plans, debriefs). */
public final class OperationPermissions {

    public static final String READ = "isAuthenticated()";
    /** The coordination plans joint patrols and events; the partners take part through their own organisation. */
    public static final String PLAN = "hasAnyRole('ADMIN','COORDINATOR')";

    private OperationPermissions() {
    }
}

package de.sipa.operations;

/** Who may do what in joint operations (patrols, events, deployment plans, debriefs). */
public final class OperationPermissions {

    public static final String READ = "isAuthenticated()";
    /** The coordination plans joint patrols and events; the partners take part through their own organisation. */
    public static final String PLAN = "hasAnyRole('ADMIN','COORDINATOR')";
    /**
     * Acting for one's own organisation (filling patrol slots, reporting on patrols, approving a deployment plan,
     * writing the operations log and the debrief): the partners' staff and the coordination; steering only reads.
     */
    public static final String STAFF = "hasAnyRole('ADMIN','COORDINATOR','PARTNER')";

    private OperationPermissions() {
    }
}

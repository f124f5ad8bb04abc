package de.sipa.meetings;

public final class MeetingPermissions {

    public static final String READ = "isAuthenticated()";
    /** The chair's office: the coordination plans meetings and records their results. */
    public static final String PLAN = "hasAnyRole('ADMIN','COORDINATOR')";

    private MeetingPermissions() {
    }
}

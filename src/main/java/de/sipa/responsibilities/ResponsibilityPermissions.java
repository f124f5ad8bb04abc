package de.sipa.responsibilities;

public final class ResponsibilityPermissions {

    public static final String READ = "isAuthenticated()";
    public static final String MANAGE = "hasAnyRole('ADMIN','COORDINATOR')";
    /** The steering group decides on the proposals of a review (Aufgabenkritik). */
    public static final String DECIDE = "hasRole('STEERING')";

    private ResponsibilityPermissions() {
    }
}

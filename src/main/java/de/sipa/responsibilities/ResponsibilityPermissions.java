package de.sipa.responsibilities;

public final class ResponsibilityPermissions {

    public static final String READ = "isAuthenticated()";
    public static final String MANAGE = "hasAnyRole('ADMIN','COORDINATOR')";

    private ResponsibilityPermissions() {
    }
}

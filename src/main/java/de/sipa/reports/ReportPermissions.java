package de.sipa.reports;

public final class ReportPermissions {

    public static final String READ = "isAuthenticated()";
    public static final String WORK = "hasAnyRole('ADMIN','COORDINATOR','PARTNER')";
    public static final String COORDINATE = "hasAnyRole('ADMIN','COORDINATOR')";

    private ReportPermissions() {
    }
}

package de.sipa.annualreport;

/** The coordination writes and generates the annual report; the steering group reads it. */
public final class AnnualReportPermissions {

    public static final String READ = "hasAnyRole('ADMIN','COORDINATOR','STEERING')";
    public static final String EDIT = "hasAnyRole('ADMIN','COORDINATOR')";

    private AnnualReportPermissions() {
    }
}

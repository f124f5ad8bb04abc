package de.sipa.partners;

/** Guards of the partners module. Ownership rules (staff maintain their own organisation) are checked in code. */
public final class PartnerPermissions {

    public static final String READ = "isAuthenticated()";
    public static final String MANAGE = "hasAnyRole('ADMIN','COORDINATOR')";
    public static final String MAINTAIN = "hasAnyRole('ADMIN','COORDINATOR','PARTNER')";
    public static final String ADMINISTER = "hasRole('ADMIN')";

    private PartnerPermissions() {
    }
}

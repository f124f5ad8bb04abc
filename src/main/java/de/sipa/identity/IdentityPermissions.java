package de.sipa.identity;

/** Guards of the identity module's facade. */
public final class IdentityPermissions {

    public static final String MANAGE_ACCOUNTS = "hasAnyRole('ADMIN','COORDINATOR')";
    public static final String READ_AUDIT_TRAIL = "hasAnyRole('ADMIN','COORDINATOR')";

    private IdentityPermissions() {
    }
}

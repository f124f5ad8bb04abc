package de.sipa.legal;

/** Guards of the legal pages: everyone reads them, the coordination writes them. */
public final class LegalPermissions {

    public static final String EDIT = "hasAnyRole('ADMIN','COORDINATOR')";

    private LegalPermissions() {
    }
}

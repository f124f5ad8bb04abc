package de.sipa.opendata;

/** The coordination switches open data on and off and has it regenerated; everyone reads what is published. */
public final class OpenDataPermissions {

    public static final String MANAGE = "hasAnyRole('ADMIN','COORDINATOR')";

    private OpenDataPermissions() {
    }
}

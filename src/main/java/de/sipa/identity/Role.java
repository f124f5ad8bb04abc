package de.sipa.identity;

/** What an account may do. Citizens ({@code PUBLIC}) have no account and therefore no role here. */
/** Ordered from most to least powerful. */
public enum Role {
    /** Runs the installation: creates partnerships and their coordinators. */
    ADMIN,
    /** The partnership's security coordinator: manages the partner network and routes concerns. */
    COORDINATOR,
    /** Member of the steering group: reads everything and decides. */
    STEERING,
    /** Staff of a partner organisation. */
    PARTNER;

    public String authority() {
        return "ROLE_" + name();
    }
}

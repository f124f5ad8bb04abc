package de.sipa.networks;

/**
 * Who may do what in networks. Coordinating a network needs, besides the role, that one's partnership hosts it (the
 * facade checks that); sharing is the coordination's choice for its own partnership.
 */
public final class NetworkPermissions {

    /** The network's page, its figures and towns: the hosting partnership's coordination and steering group. */
    public static final String READ = "hasAnyRole('ADMIN','COORDINATOR','STEERING')";
    /** Founding a network, joining or leaving one, choosing what to share: the coordination. */
    public static final String MANAGE = "hasAnyRole('ADMIN','COORDINATOR')";
    /** The catalogue of shared practice: everyone of a partnership in a network. */
    public static final String CATALOGUE = "isAuthenticated()";

    private NetworkPermissions() {
    }
}

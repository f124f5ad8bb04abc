package de.sipa.places;

import de.sipa.identity.CurrentUser;
import de.sipa.identity.Role;

/** What the pages offer the current user; the same roles as {@link PlacePermissions}, which guard the facades. */
final class ConceptAccess {

    private ConceptAccess() {
    }

    /** {@link PlacePermissions#EDIT}. */
    static boolean mayEdit() {
        var role = CurrentUser.get().role();
        return role == Role.ADMIN || role == Role.COORDINATOR || role == Role.PARTNER;
    }

    /** {@link PlacePermissions#PUBLISH}. */
    static boolean mayPublish() {
        var role = CurrentUser.get().role();
        return role == Role.ADMIN || role == Role.COORDINATOR;
    }
}

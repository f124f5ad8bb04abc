package de.sipa.partners;

import org.springframework.security.access.AccessDeniedException;

import de.sipa.identity.CurrentUser;
import de.sipa.shared.OrganisationId;

/** Coordinators maintain the whole network; partner staff only their own organisation and its people. */
final class PartnerAccess {

    private PartnerAccess() {
    }

    static boolean mayMaintain(OrganisationId organisation) {
        var user = CurrentUser.get();
        return user.coordinates() || user.belongsTo(organisation);
    }

    static void requireMaintain(OrganisationId organisation) {
        if (!mayMaintain(organisation)) {
            throw new AccessDeniedException("Only the organisation's own staff or the coordinator may change it");
        }
    }
}

package de.sipa.identity;

import de.sipa.shared.OrganisationId;
import de.sipa.shared.PartnershipId;

/** What it takes to open an account. */
public record NewAccount(PartnershipId partnership, OrganisationId organisation, String username,
        String displayName, String email, String password, Role role) {
}

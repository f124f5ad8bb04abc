package de.sipa.identity;

import java.util.UUID;

import de.sipa.shared.OrganisationId;

/** An account as the coordinator sees it in the list of accounts. */
public record AccountView(UUID id, String username, String displayName, String email, OrganisationId organisation,
        Role role, boolean enabled) {
}

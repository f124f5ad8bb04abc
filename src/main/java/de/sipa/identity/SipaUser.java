package de.sipa.identity;

import java.io.Serializable;
import java.util.UUID;

import de.sipa.shared.OrganisationId;
import de.sipa.shared.PartnershipId;

/**
 * The person (or system job) acting. Stored in the session, hence serializable.
 *
 * @param organisation the user's organisation; {@code null} only for administrators and system jobs
 */
public record SipaUser(UUID accountId, String username, String displayName, PartnershipId partnership,
        OrganisationId organisation, Role role) implements Serializable {

    static final String SYSTEM = "system";

    /** The actor for work SiPa does on its own (demo data, scheduled jobs) inside one partnership. */
    public static SipaUser system(PartnershipId partnership) {
        return new SipaUser(null, SYSTEM, "SiPa", partnership, null, Role.ADMIN);
    }

    /**
     * The actor for what the public reads (the OParl API): no account and no organisation, hence a member of no
     * body and involved in nothing, so only what is public is shown to it.
     */
    public static SipaUser publicReader(PartnershipId partnership) {
        return new SipaUser(null, "public", "Öffentlichkeit", partnership, null, Role.PARTNER);
    }

    public boolean coordinates() {
        return role == Role.ADMIN || role == Role.COORDINATOR;
    }

    public boolean belongsTo(OrganisationId organisationId) {
        return organisation != null && organisation.equals(organisationId);
    }
}

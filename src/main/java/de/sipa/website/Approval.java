package de.sipa.website;

import java.time.Instant;

import de.sipa.shared.OrganisationId;

/**
 * A partner organisation named in a joint statement and its answer.
 *
 * @param note why it declined; {@code null} otherwise
 * @param decidedBy the display name of who answered for the organisation; {@code null} while pending
 */
public record Approval(OrganisationId organisation, String organisationName, Decision decision, String note,
        String decidedBy, Instant decidedAt) {
}

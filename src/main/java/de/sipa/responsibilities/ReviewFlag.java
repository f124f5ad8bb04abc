package de.sipa.responsibilities;

import java.time.Instant;

import de.sipa.partners.DistrictId;
import de.sipa.shared.OrganisationId;

/**
 * A topic and district that came up as "not ours" in daily work (e.g. a report handed back), for the next review.
 *
 * @param source what raised it, e.g. "Anliegen 2026-000123"
 */
public record ReviewFlag(TopicId topic, DistrictId district, OrganisationId organisation, String reason, String source,
        Instant flaggedAt) {
}

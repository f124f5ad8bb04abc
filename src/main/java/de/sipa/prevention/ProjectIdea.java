package de.sipa.prevention;

import java.time.Instant;

import de.sipa.partners.DistrictId;

/**
 * A project idea proposed by a citizen or a partner, and what the coordination made of it.
 *
 * @param field the field the proposer chose, {@code null} if none
 * @param district the district it concerns, {@code null} for the whole town
 * @param submittedBy the partner's name inside SiPa; {@code null} for a citizen
 * @param contactEmail the citizen's e-mail for the answer, given with consent; {@code null} if none or cleared
 * @param answer the reason of a refusal (or a note to the proposer)
 * @param project the project the idea became, {@code null} until then
 */
public record ProjectIdea(IdeaId id, String title, String description, PreventionField field, DistrictId district,
        IdeaOrigin origin, String submittedBy, String contactEmail, IdeaStatus status, String answer,
        ProjectId project, Instant createdAt, Instant decidedAt) {
}

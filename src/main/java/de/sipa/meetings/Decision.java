package de.sipa.meetings;

import java.time.Instant;
import java.util.UUID;

import de.sipa.responsibilities.ReviewId;

/**
 * A Beschluss, numbered per body and year without gaps.
 *
 * @param reference e.g. "LG-2026-07"
 */
public record Decision(DecisionId id, MeetingId meeting, UUID agendaItem, String reference, String wording,
        String vote, Instant decidedAt, ReviewId review) {
}

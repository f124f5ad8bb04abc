package de.sipa.meetings;

import java.time.Instant;

import de.sipa.partners.BodyId;

/**
 * An action item on the follow-up board, with where it comes from and the latest word on its progress.
 *
 * @param body the meeting's body; {@code null} for items from elsewhere
 * @param originLabel the meeting's title, or the label of the item's other origin
 * @param confidential whether it comes from a decision on a confidential agenda item
 */
public record FollowUp(ActionItem item, BodyId body, String originLabel, String decisionReference,
        String lastNote, Instant lastNoteAt, boolean confidential) {
}

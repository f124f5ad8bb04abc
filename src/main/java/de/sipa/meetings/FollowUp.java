package de.sipa.meetings;

import java.time.Instant;

import de.sipa.partners.BodyId;

/** An action item on the follow-up board, with where it comes from and the latest word on its progress. */
public record FollowUp(ActionItem item, BodyId body, String meetingTitle, String decisionReference,
        String lastNote, Instant lastNoteAt) {
}

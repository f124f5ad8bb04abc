package de.sipa.meetings;

import java.time.Instant;
import java.util.UUID;

import de.sipa.shared.OrganisationId;

/** An item a member wants on the agenda; the chair's office accepts it (it becomes an agenda item) or declines it. */
public record AgendaProposal(UUID id, MeetingId meeting, String title, String description, String proposedBy,
        OrganisationId organisation, Status status, String decidedBy, String reason, Instant createdAt) {

    public enum Status {
        PROPOSED, ACCEPTED, DECLINED
    }
}

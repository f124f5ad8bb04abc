package de.sipa.meetings;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.RuleViolationException;

/** Members propose agenda items until the cut-off before a meeting; the chair's office accepts or declines them. */
@Service
@Transactional
public class AgendaProposals {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final Meetings meetings;
    private final AgendaProposalRepository proposals;
    private final AuditTrail auditTrail;
    private final Clock clock;
    private final int cutOffDays;

    AgendaProposals(Meetings meetings, AgendaProposalRepository proposals, AuditTrail auditTrail, Clock clock,
            @Value("${sipa.meetings.proposal-cut-off-days:7}") int cutOffDays) {
        this.meetings = meetings;
        this.proposals = proposals;
        this.auditTrail = auditTrail;
        this.clock = clock;
        this.cutOffDays = cutOffDays;
    }

    /** The last day on which members can propose items for the meeting. */
    @PreAuthorize(MeetingPermissions.READ)
    @Transactional(readOnly = true)
    public LocalDate cutOff(MeetingId id) {
        return meetings.get(id).startsAt().atZone(clock.getZone()).toLocalDate().minusDays(cutOffDays);
    }

    @PreAuthorize(MeetingPermissions.READ)
    @Transactional(readOnly = true)
    public List<AgendaProposal> ofMeeting(MeetingId id) {
        return proposals.ofMeeting(meetings.get(id).id());
    }

    @PreAuthorize(MeetingPermissions.READ)
    public UUID propose(MeetingId id, String title, String description) {
        var meeting = meetings.get(id);
        if (!meetings.isMember(meeting.body())) {
            throw new RuleViolationException("proposal.notMember");
        }
        if (meeting.status() != MeetingStatus.PLANNED && meeting.status() != MeetingStatus.INVITED
                || LocalDate.now(clock).isAfter(cutOff(id))) {
            throw new RuleViolationException("proposal.tooLate", DAY.format(cutOff(id)));
        }
        if (title == null || title.isBlank() || title.length() > 300) {
            throw new RuleViolationException("agenda.title.required");
        }
        var user = CurrentUser.get();
        var proposal = new AgendaProposal(UUID.randomUUID(), id, title.strip(),
                description == null || description.isBlank() ? null : description.strip(), user.username(),
                user.organisation(), AgendaProposal.Status.PROPOSED, null, null, clock.instant());
        proposals.insert(proposal);
        auditTrail.record(AuditAction.CREATED, "AgendaProposal", proposal.id(), "Vorschlag zur Tagesordnung: "
                + proposal.title());
        return proposal.id();
    }

    /** Puts the proposed item on the agenda, also after the cut-off: that date binds the members, not the chair. */
    @PreAuthorize(MeetingPermissions.PLAN)
    public UUID accept(MeetingId id, UUID proposalId) {
        var proposal = open(id, proposalId);
        var item = meetings.addAgendaItem(id, proposal.title(), proposal.description(), null, false);
        proposals.decide(proposalId, AgendaProposal.Status.ACCEPTED, CurrentUser.get().username(), null, item);
        auditTrail.record(AuditAction.CHANGED, "AgendaProposal", proposalId, "Vorschlag angenommen: " + proposal.title());
        return item;
    }

    @PreAuthorize(MeetingPermissions.PLAN)
    public void decline(MeetingId id, UUID proposalId, String reason) {
        var proposal = open(id, proposalId);
        if (reason == null || reason.isBlank()) {
            throw new RuleViolationException("proposal.reason.required");
        }
        proposals.decide(proposalId, AgendaProposal.Status.DECLINED, CurrentUser.get().username(), reason.strip(), null);
        auditTrail.record(AuditAction.CHANGED, "AgendaProposal", proposalId, "Vorschlag abgelehnt: " + proposal.title());
    }

    private AgendaProposal open(MeetingId id, UUID proposalId) {
        var proposal = proposals.lock(meetings.get(id).id(), proposalId)
                .orElseThrow(() -> new NotFoundException("AgendaProposal", proposalId));
        if (proposal.status() != AgendaProposal.Status.PROPOSED) {
            throw new RuleViolationException("proposal.decided");
        }
        return proposal;
    }
}

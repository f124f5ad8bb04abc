package de.sipa.meetings;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.notifications.MailTexts;
import de.sipa.notifications.Notifications;
import de.sipa.partners.Bodies;
import de.sipa.shared.BaseUrl;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.RuleViolationException;

/**
 * The minutes of a meeting: written per agenda item, circulated to the members for comments, approved; an approved
 * version is never edited again, a correction starts the next version with its reason.
 */
@Service
@Transactional
public class MeetingMinutes {

    private final Meetings meetings;
    private final MeetingRepository meetingRepository;
    private final MinutesRepository minutes;
    private final Bodies bodies;
    private final Notifications notifications;
    private final MailTexts mailTexts;
    private final AuditTrail auditTrail;
    private final Clock clock;
    private final String baseUrl;

    MeetingMinutes(Meetings meetings, MeetingRepository meetingRepository, MinutesRepository minutes, Bodies bodies,
            Notifications notifications, MailTexts mailTexts, AuditTrail auditTrail, Clock clock,
            BaseUrl baseUrl) {
        this.meetings = meetings;
        this.meetingRepository = meetingRepository;
        this.minutes = minutes;
        this.bodies = bodies;
        this.notifications = notifications;
        this.mailTexts = mailTexts;
        this.auditTrail = auditTrail;
        this.clock = clock;
        this.baseUrl = baseUrl.value();
    }

    /**
     * The latest version, with the texts of the agenda items the reader may see (confidential ones for members);
     * the comments on the draft, which may touch confidential items, for members only.
     */
    @PreAuthorize(MeetingPermissions.READ)
    @Transactional(readOnly = true)
    public Optional<Minutes> current(MeetingId id) {
        var visible = meetings.agenda(id).stream().map(AgendaItem::id).collect(Collectors.toSet());
        var member = meetings.isMember(meetings.get(id).body());
        return minutes.current(id).map(m -> new Minutes(m.meeting(), m.version(), m.status(),
                m.texts().entrySet().stream().filter(text -> visible.contains(text.getKey()))
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)),
                m.correctionReason(), m.approvedBy(), m.approvedAt(), member ? m.comments() : List.of()));
    }

    /** Writes the texts of the given agenda items (blank removes one); starts the first version if there is none. */
    @PreAuthorize(MeetingPermissions.PLAN)
    public void write(MeetingId id, Map<UUID, String> texts) {
        var meeting = lock(id);
        if (!meeting.takesAttendanceOn(LocalDate.now(clock), clock.getZone())) {
            throw new RuleViolationException(
                    meeting.status() == MeetingStatus.CANCELLED ? "meeting.closed" : "minutes.tooEarly");
        }
        var items = meetingRepository.agenda(id).stream().map(AgendaItem::id).collect(Collectors.toSet());
        if (!items.containsAll(texts.keySet())) {
            throw new NotFoundException("AgendaItem", texts.keySet());
        }
        var current = minutes.current(id).orElse(null);
        if (current != null && !current.editable()) {
            throw new RuleViolationException("minutes.approved");
        }
        int version = current == null ? 1 : current.version();
        if (current == null) {
            minutes.insert(id, 1, null, clock.instant());
        }
        texts.forEach((item, text) -> minutes.setText(id, version, item, text));
        auditTrail.record(AuditAction.CHANGED, "Minutes", id, "Protokoll geschrieben: " + meeting.title());
    }

    /** Sends the draft to the body's current members for comments. */
    @PreAuthorize(MeetingPermissions.PLAN)
    public int circulate(MeetingId id) {
        var meeting = lock(id);
        var current = minutes.current(id).filter(m -> m.status() == MinutesStatus.DRAFT)
                .orElseThrow(() -> new RuleViolationException("minutes.noDraft"));
        minutes.setStatus(id, current.version(), MinutesStatus.CIRCULATED, null, null);
        var body = bodies.get(meeting.body());
        var today = LocalDate.now(clock);
        int sent = 0;
        for (var member : bodies.members(meeting.body())) {
            if (member.membership().isCurrentOn(today) && member.person().email() != null) {
                notifications.send(mailTexts.mail(CurrentUser.partnership(), member.person().email(),
                        "mail.minutes.circulated", meeting.title(), member.person().fullName(), body.name(),
                        baseUrl + "/meetings/" + id));
                sent++;
            }
        }
        auditTrail.record(AuditAction.CHANGED, "Minutes", id, "Protokollentwurf versandt: " + meeting.title());
        return sent;
    }

    @PreAuthorize(MeetingPermissions.READ)
    public void comment(MeetingId id, String text) {
        if (!meetings.isMember(meetings.get(id).body())) {
            throw new RuleViolationException("minutes.comment.notMember");
        }
        var current = minutes.current(id).filter(m -> m.status() == MinutesStatus.CIRCULATED)
                .orElseThrow(() -> new RuleViolationException("minutes.notCirculated"));
        if (text == null || text.isBlank()) {
            throw new RuleViolationException("minutes.comment.required");
        }
        minutes.addComment(id, current.version(), CurrentUser.get().username(), text, clock.instant());
    }

    @PreAuthorize(MeetingPermissions.PLAN)
    public void approve(MeetingId id) {
        var meeting = lock(id);
        var current = minutes.current(id).filter(m -> m.status() == MinutesStatus.CIRCULATED)
                .orElseThrow(() -> new RuleViolationException("minutes.notCirculated"));
        minutes.setStatus(id, current.version(), MinutesStatus.APPROVED, CurrentUser.get().displayName(), clock.instant());
        setStatus(meeting, MeetingStatus.MINUTES_APPROVED);
        auditTrail.record(AuditAction.CHANGED, "Minutes", id,
                "Protokoll genehmigt (Fassung " + current.version() + "): " + meeting.title());
    }

    /** Starts the next version from the approved texts; the meeting waits for its approval again. */
    @PreAuthorize(MeetingPermissions.PLAN)
    public void correct(MeetingId id, String reason) {
        var meeting = lock(id);
        var current = minutes.current(id).filter(m -> m.status() == MinutesStatus.APPROVED)
                .orElseThrow(() -> new RuleViolationException("minutes.notApproved"));
        if (reason == null || reason.isBlank()) {
            throw new RuleViolationException("minutes.reason.required");
        }
        int version = current.version() + 1;
        minutes.insert(id, version, reason.strip(), clock.instant());
        current.texts().forEach((item, text) -> minutes.setText(id, version, item, text));
        setStatus(meeting, MeetingStatus.HELD);
        auditTrail.record(AuditAction.CHANGED, "Minutes", id,
                "Protokoll wird korrigiert (Fassung " + version + "): " + reason.strip());
    }

    private void setStatus(Meeting meeting, MeetingStatus status) {
        meetingRepository.update(meeting.withStatus(status), clock.instant());
    }

    private Meeting lock(MeetingId id) {
        return meetingRepository.lock(CurrentUser.partnership(), id)
                .orElseThrow(() -> new NotFoundException("Meeting", id));
    }
}

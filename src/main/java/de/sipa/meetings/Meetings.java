package de.sipa.meetings;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.Accounts;
import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.notifications.Mail;
import de.sipa.notifications.MailTexts;
import de.sipa.notifications.Notifications;
import de.sipa.partners.Bodies;
import de.sipa.partners.Body;
import de.sipa.partners.BodyId;
import de.sipa.partners.Member;
import de.sipa.partners.MembershipRole;
import de.sipa.partners.Organisations;
import de.sipa.partners.People;
import de.sipa.partners.PersonId;
import de.sipa.responsibilities.ReviewId;
import de.sipa.responsibilities.Reviews;
import de.sipa.shared.BaseUrl;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.OrganisationId;
import de.sipa.shared.RuleViolationException;

/** The meeting cycle of the bodies: plan, invite, agenda, decisions and action items. */
@Service
@Transactional
public class Meetings {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy 'um' HH:mm 'Uhr'");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    static final String ACTION_ITEMS_REVIEW = "Stand der Arbeitsaufträge";

    private final MeetingRepository meetings;
    private final Bodies bodies;
    private final People people;
    private final Organisations organisations;
    private final Notifications notifications;
    private final MailTexts mailTexts;
    private final AuditTrail auditTrail;
    private final Accounts accounts;
    private final Reviews reviews;
    private final Clock clock;
    private final MeetingOffice office;
    private final String baseUrl;

    Meetings(MeetingRepository meetings, Bodies bodies, People people, Organisations organisations,
            Notifications notifications, MailTexts mailTexts, AuditTrail auditTrail, Accounts accounts, Reviews reviews, Clock clock,
            MeetingOffice office, BaseUrl baseUrl) {
        this.meetings = meetings;
        this.bodies = bodies;
        this.people = people;
        this.organisations = organisations;
        this.notifications = notifications;
        this.mailTexts = mailTexts;
        this.auditTrail = auditTrail;
        this.accounts = accounts;
        this.reviews = reviews;
        this.clock = clock;
        this.office = office;
        this.baseUrl = baseUrl.value();
    }

    @PreAuthorize(MeetingPermissions.READ)
    @Transactional(readOnly = true)
    public Page<Meeting> page(UUID body, boolean upcoming, Pageable pageable) {
        var startOfToday = LocalDate.now(clock).atStartOfDay(clock.getZone()).toInstant();
        return meetings.page(CurrentUser.partnership(), body, upcoming, startOfToday, pageable);
    }

    /** Meetings from today on (or before today), only those of the bodies the user's organisation sits in if asked. */
    @PreAuthorize(MeetingPermissions.READ)
    @Transactional(readOnly = true)
    public Page<Meeting> page(UUID body, boolean upcoming, boolean mine, Pageable pageable) {
        if (!mine) {
            return page(body, upcoming, pageable);
        }
        var startOfToday = LocalDate.now(clock).atStartOfDay(clock.getZone()).toInstant();
        var among = myBodies().stream().map(BodyId::value).toList();
        return meetings.page(CurrentUser.partnership(), body, among, upcoming, startOfToday, pageable);
    }

    /** The bodies the user's organisation has a seat in today (none for the coordination without organisation). */
    @PreAuthorize(MeetingPermissions.READ)
    @Transactional(readOnly = true)
    public List<BodyId> myBodies() {
        var user = CurrentUser.get();
        if (user.organisation() == null) {
            return List.of();
        }
        var today = LocalDate.now(clock);
        return bodies.all().stream().map(Body::id).filter(body -> bodies.seats(body, user.organisation(), today))
                .toList();
    }

    /** A body's decisions taken in meetings that began in [from, to); confidential ones only for its members. */
    @PreAuthorize(MeetingPermissions.READ)
    @Transactional(readOnly = true)
    public List<Decision> decisionsOf(BodyId body, Instant from, Instant to) {
        return meetings.decisionsOfBody(CurrentUser.partnership(), body, from, to, isMember(body));
    }

    @PreAuthorize(MeetingPermissions.READ)
    @Transactional(readOnly = true)
    public Meeting get(MeetingId id) {
        return meetings.find(CurrentUser.partnership(), id).orElseThrow(() -> new NotFoundException("Meeting", id));
    }

    /** Other meetings of the same body at overlapping times; a warning, not a refusal. */
    @PreAuthorize(MeetingPermissions.READ)
    @Transactional(readOnly = true)
    public List<Meeting> overlapping(MeetingId id) {
        var meeting = get(id);
        return meetings.overlapping(CurrentUser.partnership(), meeting.body(), meeting.startsAt(), meeting.endsAt(), id);
    }

    @PreAuthorize(MeetingPermissions.PLAN)
    public MeetingId schedule(MeetingDetails details) {
        return schedule(details, null);
    }

    /** Schedules a meeting as any other, remembering the year plan it belongs to ({@code null}: none). */
    @PreAuthorize(MeetingPermissions.PLAN)
    public MeetingId schedule(MeetingDetails details, MeetingSeriesId series) {
        var body = bodies.get(new BodyId(details.bodyId()));
        var meeting = meeting(MeetingId.random(), details, MeetingStatus.PLANNED, 0).inSeries(series);
        meetings.insert(CurrentUser.partnership(), meeting, clock.instant());
        // Every meeting looks at what the body asked for before: a standing item lists the open action items,
        // those from confidential decisions in a confidential one of its own.
        for (var confidential : List.of(false, true)) {
            var open = meetings.openActionItemsOfBody(body.id(), confidential);
            if (!open.isEmpty()) {
                meetings.insertAgendaItem(meeting.id(), new AgendaItem(UUID.randomUUID(), 0, ACTION_ITEMS_REVIEW,
                        open.stream().map(a -> "– " + a.title() + " (fällig " + a.dueOn().format(DAY) + ")")
                                .collect(Collectors.joining("\n")), null, confidential));
            }
        }
        auditTrail.record(AuditAction.CREATED, "Meeting", meeting.id(), "Sitzung " + body.name() + ": " + meeting.title());
        return meeting.id();
    }

    /** Changes time, place or title; once invited, the members get the update with the same UID. */
    @PreAuthorize(MeetingPermissions.PLAN)
    public void reschedule(MeetingId id, MeetingDetails details) {
        var current = lock(id);
        if (current.status() == MeetingStatus.CANCELLED || current.status() == MeetingStatus.MINUTES_APPROVED) {
            throw new RuleViolationException("meeting.closed");
        }
        var changed = meeting(id, new MeetingDetails(current.body().value(), details.title(), details.startsAt(),
                details.endsAt(), details.location(), details.videoLink()), current.status(), current.sequence() + 1)
                .inSeries(current.series());
        meetings.update(changed, clock.instant());
        if (changed.status() == MeetingStatus.INVITED) {
            send(changed, false, "changed");
        }
        auditTrail.record(AuditAction.CHANGED, "Meeting", id, "Sitzung geändert: " + changed.title());
    }

    /** The meeting as an .ics file to add to one's calendar (same UID and SEQUENCE as the invitation). */
    @PreAuthorize(MeetingPermissions.READ)
    @Transactional(readOnly = true)
    public String calendarFile(MeetingId id, String calendarName) {
        var meeting = get(id);
        return MeetingCalendar.download(meeting, bodies.get(meeting.body()).name(), calendarName, clock.getZone(),
                meetings.lastModified(meeting.id()));
    }

    /** Invites all current members with an .ics invitation. */
    @PreAuthorize(MeetingPermissions.PLAN)
    public int invite(MeetingId id) {
        var meeting = lock(id);
        if (meeting.status() != MeetingStatus.PLANNED && meeting.status() != MeetingStatus.INVITED) {
            throw new RuleViolationException("meeting.closed");
        }
        var invited = meeting.withStatus(MeetingStatus.INVITED);
        meetings.update(invited, clock.instant());
        return send(invited, false, "invitation");
    }

    /** Cancels the meeting; invited members get METHOD:CANCEL for the event they have. */
    @PreAuthorize(MeetingPermissions.PLAN)
    public void cancel(MeetingId id, String reason) {
        var meeting = lock(id);
        if (meeting.status() == MeetingStatus.CANCELLED || meeting.status() == MeetingStatus.HELD
                || meeting.status() == MeetingStatus.MINUTES_APPROVED) {
            throw new RuleViolationException("meeting.closed");
        }
        var cancelled = new Meeting(meeting.id(), meeting.body(), meeting.title(), meeting.startsAt(),
                meeting.endsAt(), meeting.location(), meeting.videoLink(), MeetingStatus.CANCELLED,
                meeting.sequence() + 1, reason == null || reason.isBlank() ? null : reason.strip(), meeting.series());
        meetings.update(cancelled, clock.instant());
        if (meeting.status() == MeetingStatus.INVITED) {
            send(cancelled, true, "cancellation");
        }
        auditTrail.record(AuditAction.CHANGED, "Meeting", id, "Sitzung abgesagt: " + meeting.title());
    }

    @PreAuthorize(MeetingPermissions.READ)
    @Transactional(readOnly = true)
    public List<Attendance> attendance(MeetingId id) {
        return meetings.attendance(get(id).id());
    }

    /**
     * Whose attendance the meeting takes: the body's members on the meeting's day. Someone whose membership ended
     * before the meeting (or began after it) is not among them.
     */
    @PreAuthorize(MeetingPermissions.READ)
    @Transactional(readOnly = true)
    public List<Member> attendees(MeetingId id) {
        return membersOnTheDay(get(id));
    }

    /**
     * Records who attended (members of the body on the meeting's day only); the meeting counts as held from then on.
     * Approved minutes close the record.
     */
    @PreAuthorize(MeetingPermissions.PLAN)
    public void recordAttendance(MeetingId id, List<Attendance> attendance) {
        var meeting = lock(id);
        if (!meeting.takesAttendanceOn(LocalDate.now(clock), clock.getZone())) {
            throw new RuleViolationException(
                    meeting.status() == MeetingStatus.CANCELLED ? "meeting.closed" : "attendance.tooEarly");
        }
        requireRecording(meeting);
        var members = membersOnTheDay(meeting).stream().map(m -> m.person().id()).toList();
        for (var entry : attendance) {
            if (!members.contains(entry.person())) {
                throw new RuleViolationException("attendance.notMember");
            }
            if (entry.status() == Attendance.Status.REPRESENTED && entry.representedBy() == null) {
                throw new RuleViolationException("attendance.representativeRequired");
            }
            if (entry.representedBy() != null) {
                people.get(entry.representedBy());
            }
            meetings.recordAttendance(id, entry);
        }
        if (meeting.status() == MeetingStatus.PLANNED || meeting.status() == MeetingStatus.INVITED) {
            meetings.update(meeting.withStatus(MeetingStatus.HELD), clock.instant());
        }
        auditTrail.record(AuditAction.CHANGED, "Meeting", id, "Anwesenheit erfasst: " + meeting.title());
    }

    /** Whether the meeting can decide, from the attendance of the body's voting members on the meeting's day. */
    @PreAuthorize(MeetingPermissions.READ)
    @Transactional(readOnly = true)
    public Quorum quorum(MeetingId id) {
        var meeting = get(id);
        var voting = membersOnTheDay(meeting).stream().filter(m -> m.membership().role() != MembershipRole.GUEST)
                .map(m -> m.person().id()).toList();
        int attending = (int) meetings.attendance(id).stream()
                .filter(a -> a.status().counts() && voting.contains(a.person())).count();
        return new Quorum(voting.size(), attending, meetings.quorumRule(meeting.body()));
    }

    @PreAuthorize(MeetingPermissions.PLAN)
    public void setQuorumRule(BodyId id, QuorumRule rule) {
        var body = bodies.get(id);
        meetings.setQuorumRule(id, rule);
        auditTrail.record(AuditAction.CHANGED, "Body", id, auditTrail.summary("audit.body.quorumRule",
                body.name(), auditTrail.label("quorum.rule.", rule)));
    }

    @PreAuthorize(MeetingPermissions.READ)
    @Transactional(readOnly = true)
    public List<AgendaItem> agenda(MeetingId id) {
        var meeting = get(id);
        var member = isMember(meeting.body());
        return meetings.agenda(id).stream().filter(item -> !item.confidential() || member).toList();
    }

    @PreAuthorize(MeetingPermissions.PLAN)
    public UUID addAgendaItem(MeetingId id, String title, String description, UUID presenter, boolean confidential) {
        var meeting = lock(id);
        requireRecording(meeting);
        if (title == null || title.isBlank()) {
            throw new RuleViolationException("agenda.title.required");
        }
        if (presenter != null) {
            people.get(new PersonId(presenter));
        }
        var item = new AgendaItem(UUID.randomUUID(), 0, title.strip(), blankToNull(description),
                presenter == null ? null : new PersonId(presenter), confidential);
        meetings.insertAgendaItem(meeting.id(), item);
        return item.id();
    }

    /** Takes a decision: numbered per body and year, e.g. "LG-2026-07", without gaps. */
    @PreAuthorize(MeetingPermissions.PLAN)
    public Decision decide(MeetingId id, UUID agendaItem, String wording, String vote, ReviewId review) {
        var meeting = get(id);
        requireRecording(meeting);
        if (wording == null || wording.isBlank()) {
            throw new RuleViolationException("decision.wording.required");
        }
        if (agendaItem != null && meetings.agenda(id).stream().noneMatch(i -> i.id().equals(agendaItem))) {
            throw new NotFoundException("AgendaItem", agendaItem);
        }
        if (review != null) {
            reviews.get(review);
        }
        var body = bodies.get(meeting.body());
        int year = meeting.startsAt().atZone(clock.getZone()).getYear();
        int number = meetings.nextDecisionNumber(body.id(), year);
        var decision = new Decision(DecisionId.random(), id, agendaItem,
                String.format("%s-%d-%02d", body.shortName(), year, number), wording.strip(), blankToNull(vote),
                clock.instant(), review);
        meetings.insertDecision(CurrentUser.partnership(), body.id(), year, number, decision);
        auditTrail.record(AuditAction.CREATED, "Decision", decision.id(), "Beschluss " + decision.reference());
        return decision;
    }

    @PreAuthorize(MeetingPermissions.READ)
    @Transactional(readOnly = true)
    public List<Decision> decisions(MeetingId id) {
        var visible = agenda(id).stream().map(AgendaItem::id).collect(Collectors.toSet());
        return meetings.decisions(id).stream()
                .filter(decision -> decision.agendaItem() == null || visible.contains(decision.agendaItem())).toList();
    }

    @PreAuthorize(MeetingPermissions.PLAN)
    public ActionItemId assign(MeetingId id, DecisionId decision, String title, OrganisationId owner,
            PersonId responsible, LocalDate dueOn) {
        var meeting = get(id);
        requireRecording(meeting);
        if (title == null || title.isBlank() || dueOn == null) {
            throw new RuleViolationException("actionItem.incomplete");
        }
        organisations.get(owner);
        if (responsible != null) {
            people.get(responsible);
        }
        if (decision != null && meetings.decisions(id).stream().noneMatch(d -> d.id().equals(decision))) {
            throw new NotFoundException("Decision", decision);
        }
        return insert(new ActionItem(ActionItemId.random(), meeting.id(), decision, title.strip(), owner, responsible,
                dueOn, ActionItemStatus.OPEN, null));
    }

    /**
     * An action item that comes from elsewhere than a meeting, e.g. a lesson from an event's debrief; it is followed
     * up on the board like the others, under its origin.
     */
    @PreAuthorize(MeetingPermissions.PLAN)
    public ActionItemId assign(ActionItemOrigin origin, String title, OrganisationId owner, LocalDate dueOn) {
        if (origin == null || origin.label() == null || origin.link() == null || title == null || title.isBlank()
                || dueOn == null) {
            throw new RuleViolationException("actionItem.incomplete");
        }
        organisations.get(owner);
        return insert(new ActionItem(ActionItemId.random(), null, null, title.strip(), owner, null, dueOn,
                ActionItemStatus.OPEN, origin));
    }

    private ActionItemId insert(ActionItem item) {
        meetings.insertActionItem(CurrentUser.partnership(), item, clock.instant());
        auditTrail.record(AuditAction.CREATED, "ActionItem", item.id(), "Arbeitsauftrag: " + item.title());
        return item.id();
    }

    @PreAuthorize(MeetingPermissions.READ)
    @Transactional(readOnly = true)
    /** Those from a confidential decision only for the body's members and the owner organisation. */
    public List<ActionItem> actionItems(MeetingId id) {
        var visible = decisions(id).stream().map(Decision::id).collect(Collectors.toSet());
        var user = CurrentUser.get();
        return meetings.actionItems(get(id).id()).stream()
                .filter(a -> a.decision() == null || visible.contains(a.decision()) || user.belongsTo(a.owner()))
                .toList();
    }

    /** Daily: reminds the owners of overdue action items, once a week per item. */
    @Scheduled(cron = "${sipa.meetings.reminder-cron:0 15 7 * * *}", zone = "${sipa.time-zone:Europe/Berlin}")
    @SchedulerLock(name = "meetings.action-item-reminders", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5M")
    void remindDaily() {
        remindOverdue(LocalDate.now(clock));
    }

    /** Sends the reminders due on the day; returns how many mails were queued. */
    int remindOverdue(LocalDate today) {
        int queued = 0;
        var week = today.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR) + "-W"
                + today.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        for (var overdue : meetings.overdue(today)) {
            var partnership = overdue.getKey();
            var item = overdue.getValue();
            for (var email : accounts.emailsOf(partnership, item.owner())) {
                if (notifications.send(mailTexts.mail(partnership, email, "mail.actionItem.overdue", item.title(),
                                item.dueOn().format(DAY), baseUrl + item.link())
                        .once("action-reminder:" + item.id() + ":" + email + ":" + week))) {
                    queued++;
                }
            }
        }
        return queued;
    }

    private int send(Meeting meeting, boolean cancelled, String what) {
        var body = bodies.get(meeting.body());
        var today = LocalDate.now(clock);
        var invitees = bodies.members(meeting.body()).stream()
                .filter(m -> m.membership().isCurrentOn(today) && m.person().email() != null)
                .map(m -> new MeetingCalendar.Invitee(m.person().fullName(), m.person().email())).toList();
        var organizer = office.organizer();
        var ics = cancelled ? MeetingCalendar.cancellation(meeting, body.name(), invitees, organizer)
                : MeetingCalendar.invitation(meeting, body.name(), invitees, organizer);
        var when = WHEN.format(meeting.startsAt().atZone(clock.getZone()));
        for (var invitee : invitees) {
            var key = "mail.meeting." + what;
            var where = meeting.location() == null ? "" : mailTexts.text("mail.meeting.location", meeting.location());
            var reason = cancelled && meeting.cancelReason() != null
                    ? mailTexts.text("mail.meeting.reason", meeting.cancelReason()) : "";
            notifications.send(new Mail(CurrentUser.partnership(), invitee.email(),
                    mailTexts.text(key + ".subject", body.name(), when),
                    mailTexts.text(key + ".body", invitee.name(), meeting.title(), body.name(), when, where, reason),
                    new Mail.Attachment(cancelled ? "absage.ics" : "einladung.ics",
                            "text/calendar; method=" + (cancelled ? "CANCEL" : "REQUEST") + "; charset=UTF-8",
                            ics.getBytes(StandardCharsets.UTF_8)),
                    null));
        }
        return invitees.size();
    }

    /**
     * Who sees the body's confidential items: the coordination, and the staff of organisations that sit in the body
     * (accounts belong to organisations, not to the people who hold the seats).
     */
    @PreAuthorize(MeetingPermissions.READ)
    @Transactional(readOnly = true)
    public boolean isMember(BodyId body) {
        var user = CurrentUser.get();
        if (user.coordinates()) {
            return true;
        }
        return user.organisation() != null && bodies.seats(body, user.organisation(), LocalDate.now(clock));
    }

    private List<Member> membersOnTheDay(Meeting meeting) {
        var day = meeting.startsAt().atZone(clock.getZone()).toLocalDate();
        return bodies.members(meeting.body()).stream().filter(m -> m.membership().isCurrentOn(day)).toList();
    }

    private static void requireRecording(Meeting meeting) {
        if (!meeting.status().takesRecords()) {
            throw new RuleViolationException("meeting.closed");
        }
    }

    private Meeting lock(MeetingId id) {
        return meetings.lock(CurrentUser.partnership(), id).orElseThrow(() -> new NotFoundException("Meeting", id));
    }

    private Meeting meeting(MeetingId id, MeetingDetails details, MeetingStatus status, int sequence) {
        var zone = clock.getZone();
        var startsAt = details.startsAt().atZone(zone).toInstant();
        var endsAt = details.endsAt().atZone(zone).toInstant();
        if (!endsAt.isAfter(startsAt)) {
            throw new RuleViolationException("meeting.period.invalid");
        }
        return new Meeting(id, new BodyId(details.bodyId()), details.title().strip(), startsAt, endsAt,
                blankToNull(details.location()), blankToNull(details.videoLink()), status, sequence, null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

package de.sipa.prevention;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.meetings.Meeting;
import de.sipa.meetings.MeetingId;
import de.sipa.meetings.Meetings;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.RuleViolationException;

/**
 * The meetings that dealt with a project: agenda items linked to it (kept here, so that the meetings module need not
 * know projects, like places do it), and the time line of those items with their decisions and action items, read
 * through the meetings API. A reader sees only what the meetings module shows them (confidential items stay with the
 * body's members).
 */
@Service
@Transactional
public class ProjectMeetings {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final int LABEL_LENGTH = 90;

    private final ProjectAgendaLinkRepository links;
    private final PreventionProjects projects;
    private final Meetings meetings;
    private final AuditTrail auditTrail;
    private final Clock clock;

    ProjectMeetings(ProjectAgendaLinkRepository links, PreventionProjects projects, Meetings meetings,
            AuditTrail auditTrail, Clock clock) {
        this.links = links;
        this.projects = projects;
        this.meetings = meetings;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /** The agenda items that dealt with the project, where the reader may see them, by the meetings' dates. */
    @PreAuthorize(PreventionPermissions.READ)
    @Transactional(readOnly = true)
    public List<ProjectAgendaLink> agendaItems(ProjectId project) {
        projects.project(project);
        var shown = new ArrayList<ProjectAgendaLink>();
        var byMeeting = new HashMap<UUID, Optional<Meeting>>();
        for (var link : links.of(CurrentUser.partnership(), project)) {
            var meeting = byMeeting.computeIfAbsent(link.meeting(), this::meeting);
            meeting.ifPresent(m -> meetings.agenda(m.id()).stream().filter(i -> i.id().equals(link.agendaItem()))
                    .findFirst().ifPresent(item -> shown.add(new ProjectAgendaLink(link.id(), project, link.meeting(),
                            item.id(), m.title(), m.startsAt(), item.title()))));
        }
        shown.sort(Comparator.comparing(ProjectAgendaLink::meetingStartsAt));
        return shown;
    }

    /**
     * The project's time line from the meetings: each linked agenda item and the decisions taken on it on the
     * meeting's day, and the action items assigned from those decisions (on their due day), the earliest first.
     */
    @PreAuthorize(PreventionPermissions.READ)
    @Transactional(readOnly = true)
    public List<TimelineEntry> timeline(ProjectId project) {
        var zone = clock.getZone();
        var entries = new ArrayList<TimelineEntry>();
        for (var link : agendaItems(project)) {
            var meeting = new MeetingId(link.meeting());
            entries.add(new TimelineEntry(link.meetingStartsAt().atZone(zone).toLocalDate(),
                    TimelineEntry.Kind.AGENDA_ITEM, link.itemTitle(), link.meetingTitle(), "", link.path()));
            var decisions = meetings.decisions(meeting).stream()
                    .filter(d -> link.agendaItem().equals(d.agendaItem())).toList();
            var day = link.meetingStartsAt().atZone(zone).toLocalDate();
            for (var decision : decisions) {
                // a decision belongs to its meeting's day, whenever the minutes recorded it
                entries.add(new TimelineEntry(day,
                        TimelineEntry.Kind.DECISION, decision.wording(), decision.reference(), "", link.path()));
            }
            var decided = decisions.stream().map(d -> d.id()).toList();
            meetings.actionItems(meeting).stream().filter(a -> a.decision() != null && decided.contains(a.decision()))
                    .forEach(a -> entries.add(new TimelineEntry(a.dueOn(), TimelineEntry.Kind.ACTION_ITEM, a.title(),
                            link.meetingTitle(), a.status().name(), link.path())));
        }
        entries.sort(Comparator.comparing(TimelineEntry::day).thenComparing(TimelineEntry::kind));
        return entries;
    }

    /** Agenda items of the meetings of the last twelve months and the next ones, as "meeting:item". */
    @PreAuthorize(PreventionPermissions.EDIT)
    @Transactional(readOnly = true)
    public List<AgendaChoice> agendaChoices() {
        var zone = clock.getZone();
        var since = clock.instant().minus(Duration.ofDays(366));
        var recent = new ArrayList<Meeting>(meetings.page(null, true, PageRequest.of(0, 10)).getContent());
        meetings.page(null, false, PageRequest.of(0, 40)).getContent().stream()
                .filter(m -> m.startsAt().isAfter(since)).forEach(recent::add);
        var choices = new ArrayList<AgendaChoice>();
        for (var meeting : recent) {
            for (var item : meetings.agenda(meeting.id())) {
                choices.add(new AgendaChoice(meeting.id() + ":" + item.id(), DAY.format(day(meeting, zone)) + " · "
                        + shortened(meeting.title()) + ": " + shortened(item.title())));
            }
        }
        return choices;
    }

    /** Links an agenda item of a meeting ("meeting:item") to the project: the meeting dealt with it. */
    @PreAuthorize(PreventionPermissions.EDIT)
    public void link(ProjectId projectId, String value) {
        var project = projects.project(projectId);
        var parts = value == null ? new String[0] : value.strip().split(":");
        if (parts.length != 2) {
            throw new RuleViolationException("prevention.agenda.required");
        }
        UUID meeting;
        UUID item;
        try {
            meeting = UUID.fromString(parts[0]);
            item = UUID.fromString(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new RuleViolationException("prevention.agenda.unknown");
        }
        var found = meeting(meeting).flatMap(m -> meetings.agenda(m.id()).stream().filter(i -> i.id().equals(item))
                .findFirst()).orElseThrow(() -> new RuleViolationException("prevention.agenda.unknown"));
        var stored = new ProjectAgendaLinkRepository.Stored(UUID.randomUUID(), projectId, meeting, item);
        if (!links.insert(stored, clock.instant())) {
            throw new RuleViolationException("prevention.agenda.duplicate");
        }
        auditTrail.record(AuditAction.CREATED, "ProjectAgendaLink", stored.id(),
                auditTrail.summary("audit.prevention.agendaLinked", project.title(), found.title()));
    }

    @PreAuthorize(PreventionPermissions.EDIT)
    public void unlink(ProjectId projectId, UUID link) {
        var project = projects.project(projectId);
        links.delete(projectId, link);
        auditTrail.record(AuditAction.DELETED, "ProjectAgendaLink", link,
                auditTrail.summary("audit.prevention.agendaUnlinked", project.title()));
    }

    private Optional<Meeting> meeting(UUID id) {
        try {
            return Optional.of(meetings.get(new MeetingId(id)));
        } catch (NotFoundException e) {
            return Optional.empty(); // gone, or not the reader's
        }
    }

    private static java.time.LocalDate day(Meeting meeting, ZoneId zone) {
        return meeting.startsAt().atZone(zone).toLocalDate();
    }

    private static String shortened(String text) {
        return text.length() <= LABEL_LENGTH ? text : text.substring(0, LABEL_LENGTH - 1).strip() + "…";
    }
}

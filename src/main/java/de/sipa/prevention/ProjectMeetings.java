package de.sipa.prevention;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.meetings.AgendaItemChoices;
import de.sipa.meetings.MeetingId;
import de.sipa.meetings.Meetings;
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

    private final ProjectAgendaLinkRepository links;
    private final PreventionProjects projects;
    private final Meetings meetings;
    private final AgendaItemChoices choices;
    private final AuditTrail auditTrail;
    private final Clock clock;

    ProjectMeetings(ProjectAgendaLinkRepository links, PreventionProjects projects, Meetings meetings,
            AgendaItemChoices choices, AuditTrail auditTrail, Clock clock) {
        this.links = links;
        this.choices = choices;
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
        for (var link : links.of(CurrentUser.partnership(), project)) {
            choices.item(link.meeting(), link.agendaItem()).ifPresent(item -> shown.add(new ProjectAgendaLink(
                    link.id(), project, item.meeting(), item.item(), item.meetingTitle(), item.meetingStartsAt(),
                    item.itemTitle())));
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
    public List<AgendaItemChoices.Choice> agendaChoices() {
        return choices.recent();
    }

    /** Links an agenda item of a meeting ("meeting:item") to the project: the meeting dealt with it. */
    @PreAuthorize(PreventionPermissions.EDIT)
    public void link(ProjectId projectId, String value) {
        var project = projects.project(projectId);
        if (value == null || value.isBlank()) {
            throw new RuleViolationException("prevention.agenda.required");
        }
        var found = choices.chosen(value).orElseThrow(() -> new RuleViolationException("prevention.agenda.unknown"));
        var stored = new ProjectAgendaLinkRepository.Stored(UUID.randomUUID(), projectId, found.meeting(),
                found.item());
        if (!links.insert(stored, clock.instant())) {
            throw new RuleViolationException("prevention.agenda.duplicate");
        }
        auditTrail.record(AuditAction.CREATED, "ProjectAgendaLink", stored.id(),
                auditTrail.summary("audit.prevention.agendaLinked", project.title(), found.itemTitle()));
    }

    @PreAuthorize(PreventionPermissions.EDIT)
    public void unlink(ProjectId projectId, UUID link) {
        var project = projects.project(projectId);
        links.delete(projectId, link);
        auditTrail.record(AuditAction.DELETED, "ProjectAgendaLink", link,
                auditTrail.summary("audit.prevention.agendaUnlinked", project.title()));
    }
}

package de.sipa.meetings;

import java.time.Clock;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.reports.ReportId;
import de.sipa.reports.Reports;
import de.sipa.responsibilities.Responsibilities;
import de.sipa.responsibilities.Topic;
import de.sipa.responsibilities.TopicId;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.RuleViolationException;

/**
 * Links from agenda items to other records of the partnership: a report of the central contact point, a topic of
 * the responsibility matrix. A reader sees a link only where the item and the linked record are visible to them.
 */
@Service
@Transactional
public class AgendaLinks {

    private final Meetings meetings;
    private final MeetingRepository meetingRepository;
    private final AgendaLinkRepository links;
    private final Reports reports;
    private final Responsibilities responsibilities;
    private final AuditTrail auditTrail;
    private final MessageSource messages;
    private final Clock clock;

    AgendaLinks(Meetings meetings, MeetingRepository meetingRepository, AgendaLinkRepository links, Reports reports,
            Responsibilities responsibilities, AuditTrail auditTrail, MessageSource messages, Clock clock) {
        this.meetings = meetings;
        this.meetingRepository = meetingRepository;
        this.links = links;
        this.reports = reports;
        this.responsibilities = responsibilities;
        this.auditTrail = auditTrail;
        this.messages = messages;
        this.clock = clock;
    }

    /** The links of the agenda items the reader may see, to records the reader may see, with their titles. */
    @PreAuthorize(MeetingPermissions.READ)
    @Transactional(readOnly = true)
    public List<AgendaLink> ofMeeting(MeetingId id) {
        var visibleItems = meetings.agenda(id).stream().map(AgendaItem::id).collect(Collectors.toSet());
        return shown(links.ofMeeting(CurrentUser.partnership(), id).stream()
                .filter(link -> visibleItems.contains(link.agendaItem())).toList());
    }

    /** The topics an agenda item can be linked to: the active ones of the matrix. */
    @PreAuthorize(MeetingPermissions.READ)
    @Transactional(readOnly = true)
    public List<Topic> linkableTopics() {
        return responsibilities.topics().stream().filter(Topic::active).toList();
    }

    /** Links a report, given by its public number ("2026-000123") or its id. */
    @PreAuthorize(MeetingPermissions.PLAN)
    public void linkReport(MeetingId id, UUID agendaItem, String numberOrId) {
        if (numberOrId == null || numberOrId.isBlank()) {
            throw new RuleViolationException("agenda.link.report.required");
        }
        var report = reports.lookUp(numberOrId)
                .orElseThrow(() -> new RuleViolationException("agenda.link.report.unknown", numberOrId.strip()));
        link(id, agendaItem, AgendaLinkKind.REPORT, report.value());
    }

    @PreAuthorize(MeetingPermissions.PLAN)
    public void linkTopic(MeetingId id, UUID agendaItem, TopicId topic) {
        if (topic == null) {
            throw new RuleViolationException("agenda.link.topic.required");
        }
        if (responsibilities.topics().stream().noneMatch(t -> t.id().equals(topic))) {
            throw new RuleViolationException("agenda.link.topic.unknown");
        }
        link(id, agendaItem, AgendaLinkKind.TOPIC, topic.value());
    }

    @PreAuthorize(MeetingPermissions.PLAN)
    public void unlink(MeetingId id, UUID link) {
        var stored = links.ofMeeting(CurrentUser.partnership(), id).stream().filter(l -> l.id().equals(link))
                .findFirst().orElseThrow(() -> new NotFoundException("AgendaLink", link));
        var item = itemToChange(id, stored.agendaItem());
        var described = shown(List.of(stored)).stream().map(this::describe).findFirst()
                .orElse(label(stored.kind()) + " " + stored.target());
        links.delete(link);
        auditTrail.record(AuditAction.DELETED, "AgendaLink", link,
                "Tagesordnungspunkt „" + item.title() + "“ verweist nicht mehr auf " + described);
    }

    /** The link as text for documents and the audit trail, e.g. "Anliegen 2026-000123 · Müll". */
    String describe(AgendaLink link) {
        return label(link.kind()) + " " + link.title();
    }

    private void link(MeetingId id, UUID agendaItem, AgendaLinkKind kind, UUID target) {
        var item = itemToChange(id, agendaItem);
        var stored = new AgendaLinkRepository.Stored(UUID.randomUUID(), item.id(), kind, target);
        if (!links.insert(stored, CurrentUser.get().username(), clock.instant())) {
            throw new RuleViolationException("agenda.link.duplicate");
        }
        auditTrail.record(AuditAction.CREATED, "AgendaLink", stored.id(), "Tagesordnungspunkt „" + item.title()
                + "“ verweist auf " + describe(shown(List.of(stored)).get(0)));
    }

    /** The item, once its meeting is locked and still takes records (the agenda is closed with approved minutes). */
    private AgendaItem itemToChange(MeetingId id, UUID agendaItem) {
        var meeting = meetingRepository.lock(CurrentUser.partnership(), id)
                .orElseThrow(() -> new NotFoundException("Meeting", id));
        if (!meeting.status().takesRecords()) {
            throw new RuleViolationException("meeting.closed");
        }
        return meetingRepository.agenda(id).stream().filter(item -> item.id().equals(agendaItem)).findFirst()
                .orElseThrow(() -> new NotFoundException("AgendaItem", agendaItem));
    }

    /** The links whose records the reader may see, with the records' titles, asked from their modules once per kind. */
    private List<AgendaLink> shown(List<AgendaLinkRepository.Stored> stored) {
        var titles = new EnumMap<AgendaLinkKind, Map<UUID, String>>(AgendaLinkKind.class);
        for (var kind : AgendaLinkKind.values()) {
            var targets = new HashSet<UUID>();
            stored.stream().filter(link -> link.kind() == kind).forEach(link -> targets.add(link.target()));
            titles.put(kind, targets.isEmpty() ? Map.of() : titles(kind, targets));
        }
        return stored.stream().filter(link -> titles.get(link.kind()).containsKey(link.target()))
                .map(link -> new AgendaLink(link.id(), link.agendaItem(), link.kind(), link.target(),
                        titles.get(link.kind()).get(link.target())))
                .toList();
    }

    private Map<UUID, String> titles(AgendaLinkKind kind, Set<UUID> targets) {
        switch (kind) {
            case REPORT:
                return reports.titles(targets.stream().map(ReportId::new).toList()).entrySet().stream()
                        .collect(Collectors.toMap(entry -> entry.getKey().value(), Map.Entry::getValue));
            case TOPIC:
                return responsibilities.topics().stream().filter(topic -> targets.contains(topic.id().value()))
                        .collect(Collectors.toMap(topic -> topic.id().value(), Topic::name));
            default:
                throw new IllegalStateException("No titles for links of kind " + kind);
        }
    }

    private String label(AgendaLinkKind kind) {
        return messages.getMessage("agenda.link.kind." + kind, null, Locale.GERMANY);
    }
}

package de.sipa.places;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.meetings.AgendaItemChoices;
import de.sipa.meetings.Decision;
import de.sipa.meetings.FollowUp;
import de.sipa.meetings.FollowUpBoard;
import de.sipa.meetings.FollowUpQuery;
import de.sipa.meetings.MeetingId;
import de.sipa.meetings.Meetings;
import de.sipa.operations.Patrols;
import de.sipa.partners.Bodies;
import de.sipa.partners.Body;
import de.sipa.responsibilities.Responsibilities;
import de.sipa.responsibilities.Topic;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.RuleViolationException;

/**
 * What a place's measures are tied to elsewhere: the bodies' decisions and action items, topics of the responsibility
 * matrix, patrol areas and joint patrol plans; and the agenda items of meetings that deal with the place. Kept here,
 * so that the meetings, the matrix and the patrols need not know places; a reader sees a link only where the linked
 * record is visible to them (confidential agenda items and decisions stay with the body's members).
 */
@Service
@Transactional
public class MeasureLinks {

    /** How far back decisions and meetings are offered for linking. */
    static final int YEARS_BACK = 3;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final int LABEL_LENGTH = 90;

    private final MeasureLinkRepository links;
    private final SafetyConcepts concepts;
    private final Places places;
    private final Meetings meetings;
    private final AgendaItemChoices agendaItemChoices;
    private final FollowUpBoard followUps;
    private final Bodies bodies;
    private final Responsibilities responsibilities;
    private final Patrols patrols;
    private final AuditTrail auditTrail;
    private final Clock clock;

    MeasureLinks(MeasureLinkRepository links, SafetyConcepts concepts, Places places, Meetings meetings,
            AgendaItemChoices agendaItemChoices, FollowUpBoard followUps, Bodies bodies, Responsibilities responsibilities, Patrols patrols,
            AuditTrail auditTrail, Clock clock) {
        this.links = links;
        this.concepts = concepts;
        this.places = places;
        this.meetings = meetings;
        this.agendaItemChoices = agendaItemChoices;
        this.followUps = followUps;
        this.bodies = bodies;
        this.responsibilities = responsibilities;
        this.patrols = patrols;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /** The links of the place's measures the reader may see, with the linked records' titles, by measure. */
    @PreAuthorize(PlacePermissions.READ)
    @Transactional(readOnly = true)
    public Map<MeasureId, List<MeasureLink>> ofPlace(PlaceId place) {
        places.place(place);
        var stored = links.ofPlace(CurrentUser.partnership(), place);
        var shown = new LinkedHashMap<MeasureId, List<MeasureLink>>();
        var titles = titles(stored);
        for (var link : stored) {
            var found = titles.get(link.kind()).get(link.target());
            if (found != null) {
                shown.computeIfAbsent(link.measure(), m -> new ArrayList<>()).add(new MeasureLink(link.id(),
                        link.measure(), link.kind(), link.target(), link.meeting(), found[0], found[1]));
            }
        }
        return shown;
    }

    @PreAuthorize(PlacePermissions.READ)
    @Transactional(readOnly = true)
    public List<MeasureLink> ofMeasure(PlaceId place, MeasureId measure) {
        return ofPlace(place).getOrDefault(measure, List.of());
    }

    /** Links a measure to a record, given by the value of its {@link LinkChoice}. */
    @PreAuthorize(PlacePermissions.EDIT)
    public void link(PlaceId placeId, MeasureId measureId, MeasureLinkKind kind, String value) {
        var place = places.place(placeId);
        var measure = concepts.measure(placeId, measureId);
        if (kind == null || value == null || value.isBlank()) {
            throw new RuleViolationException("measureLink.required");
        }
        var choice = choices(kind).stream().filter(c -> c.value().equals(value.strip())).findFirst()
                .orElseThrow(() -> new RuleViolationException("measureLink.unknown"));
        UUID target;
        UUID meeting = null;
        if (kind == MeasureLinkKind.DECISION) {
            var parts = choice.value().split(":");
            meeting = UUID.fromString(parts[0]);
            target = UUID.fromString(parts[1]);
        } else {
            target = UUID.fromString(choice.value());
        }
        var stored = new MeasureLinkRepository.Stored(UUID.randomUUID(), measureId, kind, target, meeting);
        if (!links.insert(stored, clock.instant())) {
            throw new RuleViolationException("measureLink.duplicate");
        }
        auditTrail.record(AuditAction.CREATED, "MeasureLink", stored.id(), auditTrail.summary("audit.measureLink.added",
                place.name(), measure.title(), auditTrail.label("measureLink.kind.", kind), choice.label()));
    }

    @PreAuthorize(PlacePermissions.EDIT)
    public void unlink(PlaceId placeId, MeasureId measureId, UUID link) {
        var place = places.place(placeId);
        var measure = concepts.measure(placeId, measureId);
        links.delete(measureId, link);
        auditTrail.record(AuditAction.DELETED, "MeasureLink", link,
                auditTrail.summary("audit.measureLink.removed", place.name(), measure.title()));
    }

    /**
     * What a measure can be linked to: decisions of the last years ("meeting:decision"), action items, the active
     * topics, patrol areas and patrol plans, newest first where there is a date.
     */
    @PreAuthorize(PlacePermissions.READ)
    @Transactional(readOnly = true)
    public List<LinkChoice> choices(MeasureLinkKind kind) {
        return switch (kind) {
            case DECISION -> decisions().stream().map(d -> new LinkChoice(d.meeting() + ":" + d.id(),
                    d.reference() + " · " + shortened(d.wording()))).toList();
            case ACTION_ITEM -> allFollowUps().stream().map(f -> new LinkChoice(f.item().id().toString(),
                    shortened(f.item().title()) + " · " + DAY.format(f.item().dueOn()))).toList();
            case TOPIC -> responsibilities.topics().stream().filter(Topic::active)
                    .map(t -> new LinkChoice(t.id().toString(), t.name())).toList();
            case PATROL_AREA -> patrols.areas().stream().map(a -> new LinkChoice(a.id().toString(), a.name()))
                    .toList();
            case PATROL_PLAN -> patrols.plans().stream().map(p -> new LinkChoice(p.id().toString(), p.name()))
                    .toList();
        };
    }

    /** The agenda items of meetings that deal with the place, where the reader may see them. */
    @PreAuthorize(PlacePermissions.READ)
    @Transactional(readOnly = true)
    public List<PlaceAgendaLink> agendaItems(PlaceId place) {
        places.place(place);
        var shown = new ArrayList<PlaceAgendaLink>();
        for (var link : links.agendaLinks(CurrentUser.partnership(), place)) {
            agendaItemChoices.item(link.meeting(), link.agendaItem()).ifPresent(item -> shown.add(new PlaceAgendaLink(
                    link.id(), place, item.meeting(), item.item(), item.meetingTitle(), item.meetingStartsAt(),
                    item.itemTitle())));
        }
        shown.sort(Comparator.comparing(PlaceAgendaLink::meetingStartsAt));
        return shown;
    }

    /** Agenda items of the meetings of the last twelve months and the next ones, as "meeting:item". */
    @PreAuthorize(PlacePermissions.READ)
    @Transactional(readOnly = true)
    public List<AgendaItemChoices.Choice> agendaChoices() {
        return agendaItemChoices.recent();
    }

    /** Links an agenda item of a meeting ("meeting:item") to the place: the meeting dealt with it. */
    @PreAuthorize(PlacePermissions.EDIT)
    public void linkAgendaItem(PlaceId placeId, String value) {
        var place = places.place(placeId);
        if (value == null || value.isBlank()) {
            throw new RuleViolationException("measureLink.required");
        }
        var found = agendaItemChoices.chosen(value)
                .orElseThrow(() -> new RuleViolationException("measureLink.unknown"));
        var stored = new MeasureLinkRepository.StoredAgendaLink(UUID.randomUUID(), placeId, found.meeting(),
                found.item());
        if (!links.insertAgendaLink(stored, clock.instant())) {
            throw new RuleViolationException("measureLink.duplicate");
        }
        auditTrail.record(AuditAction.CREATED, "PlaceAgendaLink", stored.id(),
                auditTrail.summary("audit.placeAgendaLink.added", place.name(), found.itemTitle()));
    }

    @PreAuthorize(PlacePermissions.EDIT)
    public void unlinkAgendaItem(PlaceId placeId, UUID link) {
        var place = places.place(placeId);
        links.deleteAgendaLink(placeId, link);
        auditTrail.record(AuditAction.DELETED, "PlaceAgendaLink", link,
                auditTrail.summary("audit.placeAgendaLink.removed", place.name()));
    }

    /** The decisions of all bodies of the last years the reader may see, newest first. */
    List<Decision> decisions() {
        var today = LocalDate.now(clock);
        var zone = clock.getZone();
        var from = today.minusYears(YEARS_BACK).atStartOfDay(zone).toInstant();
        var to = today.plusYears(1).atStartOfDay(zone).toInstant();
        var all = new ArrayList<Decision>();
        for (Body body : bodies.all()) {
            all.addAll(meetings.decisionsOf(body.id(), from, to));
        }
        all.sort(Comparator.comparing(Decision::decidedAt).reversed());
        return all;
    }

    List<FollowUp> allFollowUps() {
        return followUps.followUps(new FollowUpQuery(null, null, "all", null));
    }

    /** Title and page of each linked record the reader may see, by kind and id. */
    private Map<MeasureLinkKind, Map<UUID, String[]>> titles(List<MeasureLinkRepository.Stored> stored) {
        var titles = new HashMap<MeasureLinkKind, Map<UUID, String[]>>();
        for (var kind : MeasureLinkKind.values()) {
            titles.put(kind, new HashMap<>());
        }
        var kinds = stored.stream().map(MeasureLinkRepository.Stored::kind).collect(Collectors.toSet());
        if (kinds.contains(MeasureLinkKind.DECISION)) {
            var meetingIds = stored.stream().filter(l -> l.kind() == MeasureLinkKind.DECISION)
                    .map(MeasureLinkRepository.Stored::meeting).distinct().toList();
            for (var meeting : meetingIds) {
                try {
                    for (var decision : meetings.decisions(new MeetingId(meeting))) {
                        titles.get(MeasureLinkKind.DECISION).put(decision.id().value(), new String[] {
                            decision.reference() + " · " + shortened(decision.wording()), "/meetings/" + meeting});
                    }
                } catch (NotFoundException e) {
                    // not the reader's meeting
                }
            }
        }
        if (kinds.contains(MeasureLinkKind.ACTION_ITEM)) {
            allFollowUps().forEach(f -> titles.get(MeasureLinkKind.ACTION_ITEM).put(f.item().id().value(),
                    new String[] {f.item().title(), f.item().link()}));
        }
        if (kinds.contains(MeasureLinkKind.TOPIC)) {
            responsibilities.topics().forEach(t -> titles.get(MeasureLinkKind.TOPIC).put(t.id().value(),
                    new String[] {t.name(), "/topics/" + t.id()}));
        }
        if (kinds.contains(MeasureLinkKind.PATROL_AREA)) {
            patrols.areas().forEach(a -> titles.get(MeasureLinkKind.PATROL_AREA).put(a.id().value(),
                    new String[] {a.name(), "/patrols/areas/" + a.id()}));
        }
        if (kinds.contains(MeasureLinkKind.PATROL_PLAN)) {
            patrols.plans().forEach(p -> titles.get(MeasureLinkKind.PATROL_PLAN).put(p.id().value(),
                    new String[] {p.name(), "/patrols/plans/" + p.id()}));
        }
        return titles;
    }

    private static String shortened(String text) {
        return text.length() <= LABEL_LENGTH ? text : text.substring(0, LABEL_LENGTH - 1).strip() + "…";
    }

}

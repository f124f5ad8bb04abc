package de.sipa.places;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.CurrentUser;
import de.sipa.meetings.ActionItemStatus;
import de.sipa.meetings.MeetingId;
import de.sipa.meetings.Meetings;
import de.sipa.operations.PatrolAreaId;
import de.sipa.operations.PatrolPlan;
import de.sipa.operations.Patrols;
import de.sipa.reports.Categories;
import de.sipa.reports.Category;
import de.sipa.reports.ReportLocations;
import de.sipa.shared.NotFoundException;

/**
 * Everything at a place in one chronological list: its measures starting and ending, the linked decisions and
 * action items (due and done), the agenda items that dealt with it, the patrols walked by the linked plans or in the
 * linked areas, and the reports made inside its outline. Read through the other modules' APIs with the reader's
 * rights, so a confidential decision appears only for the body's members.
 */
@Service
@Transactional(readOnly = true)
public class PlaceTimeline {

    /** How far back the time line reaches. */
    static final int YEARS = 3;

    private final Places places;
    private final SafetyConcepts concepts;
    private final MeasureLinks links;
    private final MeasureLinkRepository stored;
    private final Meetings meetings;
    private final Patrols patrols;
    private final ReportLocations reports;
    private final Categories categories;
    private final MessageSource messages;
    private final Clock clock;

    PlaceTimeline(Places places, SafetyConcepts concepts, MeasureLinks links, MeasureLinkRepository stored,
            Meetings meetings, Patrols patrols, ReportLocations reports, Categories categories, MessageSource messages,
            Clock clock) {
        this.places = places;
        this.concepts = concepts;
        this.links = links;
        this.stored = stored;
        this.meetings = meetings;
        this.patrols = patrols;
        this.reports = reports;
        this.categories = categories;
        this.messages = messages;
        this.clock = clock;
    }

    /** The place's time line, newest first. */
    @PreAuthorize(PlacePermissions.READ)
    public List<TimelineEntry> entries(PlaceId id) {
        var place = places.place(id);
        var today = LocalDate.now(clock);
        var since = today.minusYears(YEARS);
        var entries = new ArrayList<TimelineEntry>();
        var concept = concepts.concept(id);
        var path = "/orte/" + id + "/konzept/massnahmen/";
        for (var measure : concept.measures()) {
            var status = label("measure.status." + measure.status());
            if (measure.startsOn() != null) {
                entries.add(new TimelineEntry(measure.startsOn(), TimelineKind.MEASURE, "timeline.measureStarts",
                        measure.title(), status, path + measure.id()));
            }
            if (measure.endsOn() != null) {
                entries.add(new TimelineEntry(measure.endsOn(), TimelineKind.MEASURE, "timeline.measureEnds",
                        measure.title(), status, path + measure.id()));
            }
        }
        var links = stored.ofPlace(CurrentUser.partnership(), id);
        addDecisions(entries, links);
        addActionItems(entries, links);
        for (var item : this.links.agendaItems(id)) {
            entries.add(new TimelineEntry(item.meetingStartsAt().atZone(clock.getZone()).toLocalDate(),
                    TimelineKind.AGENDA_ITEM, "timeline.agendaItem", item.itemTitle(), item.meetingTitle(),
                    item.path()));
        }
        addPatrols(entries, links, since);
        addReports(entries, place, since, today);
        entries.sort(Comparator.comparing(TimelineEntry::day).reversed()
                .thenComparing(e -> e.kind().ordinal()));
        return entries;
    }

    /** How many entries of each kind, for the filter. */
    public static Map<TimelineKind, Long> counts(List<TimelineEntry> entries) {
        var counts = new EnumMap<TimelineKind, Long>(TimelineKind.class);
        for (var kind : TimelineKind.values()) {
            counts.put(kind, 0L);
        }
        entries.forEach(e -> counts.merge(e.kind(), 1L, Long::sum));
        return counts;
    }

    private void addDecisions(List<TimelineEntry> entries, List<MeasureLinkRepository.Stored> links) {
        var wanted = links.stream().filter(l -> l.kind() == MeasureLinkKind.DECISION)
                .map(MeasureLinkRepository.Stored::target).collect(Collectors.toSet());
        var meetingIds = links.stream().filter(l -> l.kind() == MeasureLinkKind.DECISION)
                .map(MeasureLinkRepository.Stored::meeting).collect(Collectors.toSet());
        for (var meetingId : meetingIds) {
            try {
                var meeting = meetings.get(new MeetingId(meetingId));
                var day = meeting.startsAt().atZone(clock.getZone()).toLocalDate();
                meetings.decisions(meeting.id()).stream().filter(d -> wanted.contains(d.id().value()))
                        .forEach(d -> entries.add(new TimelineEntry(day, TimelineKind.DECISION, "timeline.decision",
                                d.reference() + " · " + d.wording(), meeting.title(), "/meetings/" + meetingId)));
            } catch (NotFoundException e) {
                // not the reader's meeting
            }
        }
    }

    private void addActionItems(List<TimelineEntry> entries, List<MeasureLinkRepository.Stored> links) {
        var wanted = links.stream().filter(l -> l.kind() == MeasureLinkKind.ACTION_ITEM)
                .map(MeasureLinkRepository.Stored::target).collect(Collectors.toSet());
        if (wanted.isEmpty()) {
            return;
        }
        for (var followUp : this.links.allFollowUps()) {
            var item = followUp.item();
            if (!wanted.contains(item.id().value())) {
                continue;
            }
            var status = label("actionItem.status." + item.status());
            entries.add(new TimelineEntry(item.dueOn(), TimelineKind.ACTION_ITEM, "timeline.actionItemDue",
                    item.title(), status, item.link()));
            if (item.status() == ActionItemStatus.DONE && followUp.lastNoteAt() != null) {
                entries.add(new TimelineEntry(followUp.lastNoteAt().atZone(clock.getZone()).toLocalDate(),
                        TimelineKind.ACTION_ITEM, "timeline.actionItemDone", item.title(), followUp.lastNote(),
                        item.link()));
            }
        }
    }

    /** Patrols of the linked plans and of the plans that walk a linked area, walked (not cancelled) until now. */
    private void addPatrols(List<TimelineEntry> entries, List<MeasureLinkRepository.Stored> links, LocalDate since) {
        var planIds = new HashSet<UUID>();
        var areaIds = new HashSet<UUID>();
        links.forEach(l -> {
            if (l.kind() == MeasureLinkKind.PATROL_PLAN) {
                planIds.add(l.target());
            } else if (l.kind() == MeasureLinkKind.PATROL_AREA) {
                areaIds.add(l.target());
            }
        });
        if (planIds.isEmpty() && areaIds.isEmpty()) {
            return;
        }
        for (PatrolPlan plan : patrols.plans()) {
            if (plan.areas().stream().map(PatrolAreaId::value).anyMatch(areaIds::contains)) {
                planIds.add(plan.id().value());
            }
        }
        var now = clock.instant();
        var from = since.atStartOfDay(clock.getZone()).toInstant();
        for (var entry : patrols.roster(from, now, null)) {
            var patrol = entry.patrol();
            if (patrol.cancelled() || !planIds.contains(patrol.plan().value()) || patrol.startsAt().isAfter(now)) {
                continue;
            }
            entries.add(new TimelineEntry(patrol.day(), TimelineKind.PATROL, "timeline.patrol", entry.plan(),
                    entry.areaNames(), "/patrols/" + patrol.id()));
        }
    }

    private void addReports(List<TimelineEntry> entries, Place place, LocalDate since, LocalDate today) {
        var area = place.shape().area();
        Map<de.sipa.reports.CategoryId, String> names = categories.all().stream()
                .collect(Collectors.toMap(Category::id, Category::name));
        for (var report : reports.within(area.bounds(), since, today)) {
            if (!area.contains(report.latitude(), report.longitude())) {
                continue;
            }
            entries.add(new TimelineEntry(report.submittedAt().atZone(clock.getZone()).toLocalDate(),
                    TimelineKind.REPORT, "timeline.report",
                    names.getOrDefault(report.category(), "?") + (report.publicId() == null ? ""
                            : " · " + report.publicId()),
                    label("report.status." + report.status()), report.readable() ? "/reports/" + report.id() : null));
        }
    }

    private String label(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

}

package de.sipa.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.reports.Categories;
import de.sipa.reports.CategoryId;
import de.sipa.reports.NewReport;
import de.sipa.reports.ReportId;
import de.sipa.reports.ReportSource;
import de.sipa.reports.Reports;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.RuleViolationException;

/**
 * What patrols report afterwards: time actually on patrol, places, contacts, observations, incidents and measures.
 * An observation becomes a report of the central contact point, routed by the matrix, with one tap.
 */
@Service
@Transactional
public class PatrolReports {

    /** Longer than this is a typo in the times, not a patrol. */
    static final Duration LONGEST = Duration.ofHours(16);
    static final int MAX_TEXT = 4000;

    private final PatrolReportRepository reports;
    private final PatrolRepository patrolRepository;
    private final Patrols patrols;
    private final Reports contactPoint;
    private final Categories categories;
    private final AuditTrail auditTrail;
    private final Clock clock;

    PatrolReports(PatrolReportRepository reports, PatrolRepository patrolRepository, Patrols patrols,
            Reports contactPoint, Categories categories, AuditTrail auditTrail, Clock clock) {
        this.reports = reports;
        this.patrolRepository = patrolRepository;
        this.patrols = patrols;
        this.contactPoint = contactPoint;
        this.categories = categories;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    @PreAuthorize(OperationPermissions.READ)
    @Transactional(readOnly = true)
    public Optional<PatrolReport> report(PatrolId patrol) {
        return reports.report(patrols.patrol(patrol).id());
    }

    /**
     * Files (or corrects) the patrol's report. The times are local clock times: the start is taken on the patrol's day
     * or the next, whichever is nearer the planned start; the end is the next such time after the start.
     */
    @PreAuthorize(OperationPermissions.STAFF)
    public void file(PatrolId id, LocalTime startedAt, LocalTime endedAt, String places, int citizenContacts,
            String incidents, String measures) {
        var patrol = participating(id);
        if (patrol.startsAt().isAfter(clock.instant())) {
            throw new RuleViolationException("patrolReport.tooEarly");
        }
        if (startedAt == null || endedAt == null) {
            throw new RuleViolationException("patrolReport.times.required");
        }
        if (citizenContacts < 0) {
            throw new RuleViolationException("patrolReport.contacts.invalid");
        }
        var zone = clock.getZone();
        var sameDay = ZonedDateTime.of(patrol.day(), startedAt, zone);
        var nextDay = ZonedDateTime.of(patrol.day().plusDays(1), startedAt, zone);
        var start = Duration.between(sameDay.toInstant(), patrol.startsAt()).abs()
                .compareTo(Duration.between(nextDay.toInstant(), patrol.startsAt()).abs()) <= 0 ? sameDay : nextDay;
        var end = ZonedDateTime.of(start.toLocalDate(), endedAt, zone);
        if (!end.isAfter(start)) {
            end = ZonedDateTime.of(start.toLocalDate().plusDays(1), endedAt, zone);
        }
        if (Duration.between(start, end).compareTo(LONGEST) > 0) {
            throw new RuleViolationException("patrolReport.tooLong", LONGEST.toHours());
        }
        reports.save(new PatrolReport(id, start.toInstant(), end.toInstant(), text(places), citizenContacts,
                text(incidents), text(measures), CurrentUser.get().username(), clock.instant()));
        auditTrail.record(AuditAction.CHANGED, "Patrol", id, "Streifenbericht: " + patrols.describe(patrol,
                Map.of(patrol.plan(), patrols.plan(patrol.plan()).name())));
    }

    @PreAuthorize(OperationPermissions.READ)
    @Transactional(readOnly = true)
    public List<PatrolObservation> observations(PatrolId patrol) {
        return reports.observations(patrols.patrol(patrol).id());
    }

    /**
     * Notes an observation in one of the contact point's categories, optionally in one of the plan's areas, with the
     * answers to the category's extra questions: those the contact point requires are required here already, so that
     * the observation can become a report later.
     */
    @PreAuthorize(OperationPermissions.STAFF)
    public UUID observe(PatrolId id, CategoryId category, PatrolAreaId area, String place, String description,
            Map<String, String> answers) {
        var patrol = participating(id);
        categories.get(category);
        if (area != null && !patrols.plan(patrol.plan()).areas().contains(area)) {
            throw new NotFoundException("PatrolArea", area);
        }
        var what = text(description);
        if (what == null) {
            throw new RuleViolationException("observation.description.required");
        }
        var observation = new PatrolObservation(UUID.randomUUID(), id, category, area, text(place), what,
                contactPoint.checkAnswers(category, answers), null);
        reports.insertObservation(observation, CurrentUser.get().username(), clock.instant());
        return observation.id();
    }

    /**
     * Turns an observation into a report of the central contact point (source: patrol), where the matrix routes it.
     * Its location is the observation's place and the area's district; {@code answers} add to or replace the noted
     * answers to the category's questions (for observations noted before the category asked them).
     */
    @PreAuthorize(OperationPermissions.STAFF)
    public ReportId toReport(PatrolId id, UUID observationId, Map<String, String> answers) {
        participating(id);
        var observation = reports.lockObservation(id, observationId)
                .orElseThrow(() -> new NotFoundException("PatrolObservation", observationId));
        if (observation.reported()) {
            throw new RuleViolationException("observation.alreadyReported");
        }
        var area = observation.area() == null ? null : patrols.area(observation.area());
        var address = observation.place() == null ? (area == null ? null : area.name())
                : area == null ? observation.place() : observation.place() + ", " + area.name();
        var given = new HashMap<>(observation.attributes());
        if (answers != null) {
            answers.forEach((code, answer) -> {
                if (answer != null && !answer.isBlank()) {
                    given.put(code, answer);
                }
            });
        }
        var receipt = contactPoint.submit(new NewReport(CurrentUser.partnership(), observation.category(),
                observation.description(), null, null, address, area == null ? null : area.district(), given, null,
                ReportSource.PATROL));
        reports.markReported(observation.id(), receipt.report(), given);
        auditTrail.record(AuditAction.CREATED, "Report", receipt.report(),
                "Anliegen aus Streifenbeobachtung " + receipt.publicId());
        return receipt.report();
    }

    /** Per month of the year: planned patrols (up to now), those that took place, and hours per area. */
    @PreAuthorize(OperationPermissions.READ)
    @Transactional(readOnly = true)
    public List<PatrolMonth> statistics(Year year) {
        var zone = clock.getZone();
        var from = year.atDay(1).atStartOfDay(zone).toInstant();
        var to = year.plusYears(1).atDay(1).atStartOfDay(zone).toInstant();
        var now = clock.instant();
        var partnership = CurrentUser.partnership();
        var filed = reports.reports(partnership, from, to);
        var plans = patrols.plans().stream().collect(Collectors.toMap(PatrolPlan::id, Function.identity()));
        var areaNames = patrols.areas().stream().collect(Collectors.toMap(PatrolArea::id, PatrolArea::name));
        var months = new TreeMap<YearMonth, Tally>();
        for (var patrol : patrolRepository.patrols(partnership, from, to.isBefore(now) ? to : now)) {
            var tally = months.computeIfAbsent(YearMonth.from(patrol.day()), m -> new Tally());
            tally.planned++;
            var report = filed.get(patrol.id());
            if (report == null) {
                continue;
            }
            tally.tookPlace++;
            var areas = plans.get(patrol.plan()).areas();
            var hours = report.duration().toMinutes() / 60.0 / areas.size();
            areas.forEach(area -> tally.hours.merge(areaNames.get(area), hours, Double::sum));
        }
        var result = new ArrayList<PatrolMonth>();
        months.forEach((month, tally) -> result.add(new PatrolMonth(month, tally.planned, tally.tookPlace,
                new TreeMap<>(tally.hours))));
        return result;
    }

    /** Whether the current user reports for the patrol: the coordination and the staff of organisations taking part. */
    @PreAuthorize(OperationPermissions.READ)
    @Transactional(readOnly = true)
    public boolean mayReport(PatrolId id) {
        var patrol = patrols.patrol(id);
        var user = CurrentUser.get();
        return user.coordinates() || patrols.plan(patrol.plan()).staffing().stream()
                .anyMatch(s -> user.belongsTo(s.organisation()));
    }

    private Patrol participating(PatrolId id) {
        var patrol = patrols.patrol(id);
        if (!mayReport(id)) {
            throw new AccessDeniedException("Only organisations taking part report on the patrol");
        }
        if (patrol.cancelled()) {
            throw new RuleViolationException("patrol.cancelled.refused");
        }
        return patrol;
    }

    private static String text(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        var clean = value.strip();
        return clean.length() <= MAX_TEXT ? clean : clean.substring(0, MAX_TEXT - 1) + "…";
    }

    private static final class Tally {
        int planned;
        int tookPlace;
        final Map<String, Double> hours = new TreeMap<>();
    }
}

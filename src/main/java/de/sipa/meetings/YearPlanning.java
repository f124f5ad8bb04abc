package de.sipa.meetings;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.partners.Bodies;
import de.sipa.partners.BodyId;
import de.sipa.partners.Partnerships;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.RuleViolationException;

/**
 * A body's regular meetings planned for a year in one step (Jahresplanung): the preview lists the dates the rule
 * gives, with the public holidays of the partnership's Land moved, kept or left out; confirming schedules each
 * date as a meeting of its own, the same way as a single meeting, and remembers the series.
 */
@Service
@Transactional
public class YearPlanning {

    /** How many years ahead a year can be planned. */
    public static final int YEARS_AHEAD = 2;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
            .withLocale(Locale.GERMANY);

    private final Meetings meetings;
    private final MeetingSeriesRepository series;
    private final Bodies bodies;
    private final Partnerships partnerships;
    private final AuditTrail auditTrail;
    private final Clock clock;

    YearPlanning(Meetings meetings, MeetingSeriesRepository series, Bodies bodies, Partnerships partnerships,
            AuditTrail auditTrail, Clock clock) {
        this.meetings = meetings;
        this.series = series;
        this.bodies = bodies;
        this.partnerships = partnerships;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /** The dates the plan gives, before anything is stored; refuses a plan that gives no meeting. */
    @PreAuthorize(MeetingPermissions.PLAN)
    @Transactional(readOnly = true)
    public List<SeriesDate> preview(YearPlan plan) {
        bodies.get(new BodyId(plan.bodyId()));
        return dates(plan);
    }

    /** The days of the year on which the body already has a meeting (not cancelled): a warning in the preview. */
    @PreAuthorize(MeetingPermissions.PLAN)
    @Transactional(readOnly = true)
    public Set<LocalDate> daysWithMeetings(BodyId body, int year) {
        var zone = clock.getZone();
        return series.meetingDays(CurrentUser.partnership(), body, LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant(),
                LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant(), zone);
    }

    /** Schedules every date of the plan as its own meeting, all or none; returns the series. */
    @PreAuthorize(MeetingPermissions.PLAN)
    public MeetingSeriesId plan(YearPlan plan) {
        var body = bodies.get(new BodyId(plan.bodyId()));
        var dates = dates(plan).stream().filter(SeriesDate::planned).toList();
        var planned = new MeetingSeries(MeetingSeriesId.random(), body.id(), plan.year(), plan.title().strip(),
                plan.rule(), plan.holidays());
        series.insert(CurrentUser.partnership(), planned, CurrentUser.get().username(), clock.instant());
        for (var date : dates) {
            var startsAt = date.day().atTime(plan.time());
            meetings.schedule(new MeetingDetails(plan.bodyId(), planned.title() + " " + DAY.format(date.day()),
                    startsAt, startsAt.plusMinutes(plan.durationMinutes()), plan.location(), null), planned.id());
        }
        auditTrail.record(AuditAction.CREATED, "MeetingSeries", planned.id(),
                auditTrail.summary("audit.meetingSeries.planned", body.name(), String.valueOf(plan.year()),
                        dates.size(), DAY.format(dates.get(0).day()), DAY.format(dates.get(dates.size() - 1).day())));
        return planned.id();
    }

    @PreAuthorize(MeetingPermissions.READ)
    @Transactional(readOnly = true)
    public MeetingSeries get(MeetingSeriesId id) {
        return series.find(CurrentUser.partnership(), id).orElseThrow(() -> new NotFoundException("MeetingSeries", id));
    }

    /** The series' meetings in order, the cancelled and moved ones included. */
    @PreAuthorize(MeetingPermissions.READ)
    @Transactional(readOnly = true)
    public List<Meeting> meetings(MeetingSeriesId id) {
        return series.meetings(CurrentUser.partnership(), get(id).id());
    }

    private List<SeriesDate> dates(YearPlan plan) {
        var today = LocalDate.now(clock);
        if (plan.year() < today.getYear() || plan.year() > today.getYear() + YEARS_AHEAD) {
            throw new RuleViolationException("series.year.range", String.valueOf(today.getYear()),
                    String.valueOf(today.getYear() + YEARS_AHEAD));
        }
        if (plan.durationMinutes() < YearPlan.MIN_MINUTES || plan.durationMinutes() > YearPlan.MAX_MINUTES) {
            throw new RuleViolationException("series.duration.invalid", YearPlan.MIN_MINUTES, YearPlan.MAX_MINUTES / 60);
        }
        var holidays = partnerships.holidays(CurrentUser.partnership());
        var dates = plan.rule().datesIn(plan.year()).stream()
                .map(day -> plan.holidays().place(day, holidays, today)).toList();
        if (dates.stream().noneMatch(SeriesDate::planned)) {
            throw new RuleViolationException("series.noDates", String.valueOf(plan.year()));
        }
        return dates;
    }
}

package de.sipa.reports;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.CurrentUser;
import de.sipa.partners.DistrictId;

/**
 * The contact point's figures for the start pages: how many reports a queue holds (counted by the very query the
 * queue page runs, so a count and its link never disagree), and a month's key figures for the steering group.
 */
@Service
@Transactional(readOnly = true)
public class ReportFigures {

    /** The upper ends (in days) of the classes of the time-to-close chart; the last class is open. */
    static final int[] CLOSURE_CLASSES = {1, 3, 7, 14, 30};

    private final Reports reports;
    private final JdbcClient jdbc;
    private final Clock clock;

    private final de.sipa.partners.Partnerships partnerships;

    ReportFigures(Reports reports, JdbcClient jdbc, Clock clock, de.sipa.partners.Partnerships partnerships) {
        this.reports = reports;
        this.jdbc = jdbc;
        this.clock = clock;
        this.partnerships = partnerships;
    }

    /** How many reports the work queue lists for this query (for a partner: within its own organisation's). */
    @PreAuthorize(ReportPermissions.READ)
    public long count(ReportQuery query) {
        return reports.count(query);
    }

    /**
     * Reports the moderation page lists: waiting for approval (moderated categories) or with a citizen's text nobody
     * has looked at yet; a report in both lists counts once.
     */
    @PreAuthorize(ReportPermissions.COORDINATE)
    public long awaitingModeration() {
        return jdbc.sql("""
                SELECT count(*) FROM reports_report WHERE partnership_id = ?
                AND (status = 'MODERATION' OR text_moderation = 'PENDING')""")
                .param(CurrentUser.partnership().value()).query(Long.class).single();
    }

    /**
     * A month's key figures: received and closed in it, the median time to close of those closed in it (to a tenth of
     * a day), the share of the month's reports that ran (or run) past their deadline, and the share the matrix routed
     * straight to an organisation that kept them (never handed back, rerouted or left with the coordinator).
     */
    @PreAuthorize(ReportPermissions.FIGURES)
    public MonthFigures month(YearMonth month) {
        var zone = clock.getZone();
        var partnership = CurrentUser.partnership().value();
        // the day figures (V122; the views add the change lines not folded yet) and the month's reports still open
        // past their deadline, which change with the clock
        var received = jdbc.sql("""
                SELECT coalesce(sum(f.received), 0) AS received, coalesce(sum(f.direct), 0) AS direct,
                       coalesce(sum(f.closed_late), 0)
                       + (SELECT count(*) FROM reports_report r WHERE r.partnership_id = :p AND r.closed_at IS NULL
                            AND r.status <> 'MODERATION' AND r.deadline < :now
                            AND r.submitted_at >= :start AND r.submitted_at < :end) AS overdue
                FROM reports_day_figures_now f WHERE f.partnership_id = :p AND f.day BETWEEN :first AND :last""")
                .param("p", partnership).param("first", month.atDay(1)).param("last", month.atEndOfMonth())
                .param("start", Timestamp.from(month.atDay(1).atStartOfDay(zone).toInstant()))
                .param("end", Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant()))
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> new long[] {rs.getLong("received"), rs.getLong("direct"), rs.getLong("overdue")})
                .single();
        var closing = closing(month.atDay(1), month.atEndOfMonth());
        return new MonthFigures(month, received[0], closing.closed(), closing.median(), share(received[2], received[0]),
                share(received[1], received[0]), closing.classes());
    }

    /** Reports received per month and category, from the first month to the last (both included), oldest first. */
    @PreAuthorize(ReportPermissions.FIGURES)
    public List<CategoryMonth> receivedPerMonth(YearMonth first, YearMonth last) {
        return perMonth(null, first, last);
    }

    /**
     * A district's reports for its profile: received per month and category from the first month to the last (both
     * included, oldest first), and how many are open and overdue now (reports waiting for moderation not counted).
     */
    @PreAuthorize(ReportPermissions.DISTRICT_FIGURES)
    public DistrictFigures district(DistrictId district, YearMonth first, YearMonth last) {
        var partnership = CurrentUser.partnership().value();
        var perMonth = perMonth(district, first, last);
        return jdbc.sql("""
                SELECT count(*) AS open,
                       count(*) FILTER (WHERE r.deadline IS NOT NULL AND r.deadline < :now) AS overdue
                FROM reports_report r WHERE r.partnership_id = :p AND r.district_id = :district
                  AND r.closed_at IS NULL AND r.status <> 'MODERATION'""")
                .param("p", partnership).param("district", district.value())
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> new DistrictFigures(rs.getLong("open"), rs.getLong("overdue"), perMonth))
                .single();
    }

    /**
     * How many reports came in from the first day to the last (both included), of a category and in a district
     * ({@code null} for all); reports waiting for moderation not counted. For indicators of prevention projects.
     */
    @PreAuthorize(ReportPermissions.DISTRICT_FIGURES)
    public long received(CategoryId category, DistrictId district, LocalDate first, LocalDate last) {
        return jdbc.sql("""
                SELECT coalesce(sum(f.received), 0) FROM reports_day_figures_now f
                WHERE f.partnership_id = :p AND f.day BETWEEN :first AND :last
                  AND (CAST(:category AS uuid) IS NULL OR f.category_id = :category)
                  AND (CAST(:district AS uuid) IS NULL OR f.district_id = :district)""")
                .param("p", CurrentUser.partnership().value()).param("first", first).param("last", last)
                .param("category", category == null ? null : category.value())
                .param("district", district == null ? null : district.value())
                .query(Long.class).single();
    }

    /**
     * How many reports received from the first day to the last (both included) were answered within {@code days}
     * working days of the partnership's Land (the first answer as the dashboard counts it: a status change, a
     * hand-back, a rerouting, a new category or a merge). A report still unanswered whose time has not run out yet is
     * not counted; reports waiting for moderation neither. For yearly goals.
     */
    @PreAuthorize(ReportPermissions.DISTRICT_FIGURES)
    public Responses answeredWithin(int days, LocalDate first, LocalDate last) {
        var zone = clock.getZone();
        var now = clock.instant().atZone(zone);
        var today = now.toLocalDate();
        var holidays = partnerships.holidays(CurrentUser.partnership());
        var partnership = CurrentUser.partnership().value();
        var dueDays = new java.util.HashMap<LocalDate, LocalDate>();
        long[] counts = new long[2];
        var dueToday = new java.util.ArrayList<LocalDate>();
        // the answer figures (V122): per day of arrival, the day of the first answer and whether it came at or before
        // the time of day the report arrived; the due moment is the due day at that time of day
        jdbc.sql("""
                SELECT f.day, f.answered_day, f.answered_by_time, sum(f.reports) AS reports
                FROM reports_answer_figures_now f WHERE f.partnership_id = :p AND f.day BETWEEN :first AND :last
                GROUP BY 1, 2, 3""")
                .param("p", partnership).param("first", first).param("last", last)
                .query(rs -> {
                    var day = rs.getDate("day").toLocalDate();
                    var due = dueDays.computeIfAbsent(day, d -> WorkingDays.add(d, days, holidays));
                    var answered = rs.getDate("answered_day");
                    long reports = rs.getLong("reports");
                    if (answered != null) {
                        var on = answered.toLocalDate();
                        boolean inTime = on.isBefore(due) || on.equals(due) && rs.getBoolean("answered_by_time");
                        counts[0] += reports;
                        counts[1] += inTime ? reports : 0;
                    } else if (due.isBefore(today)) {
                        counts[0] += reports;
                    } else if (due.equals(today)) {
                        dueToday.add(day);
                    }
                });
        // unanswered reports due today are due if they arrived earlier in the day than it is now
        for (var day : dueToday) {
            counts[0] += jdbc.sql("""
                    SELECT count(*) FROM reports_report r WHERE r.partnership_id = :p AND r.status <> 'MODERATION'
                      AND r.first_response_at IS NULL AND r.submitted_at >= :start AND r.submitted_at < :until""")
                    .param("p", partnership)
                    .param("start", Timestamp.from(day.atStartOfDay(zone).toInstant()))
                    .param("until", Timestamp.from(day.atTime(now.toLocalTime()).atZone(zone).toInstant()))
                    .query(Long.class).single();
        }
        return new Responses(counts[0], counts[1]);
    }

    /**
     * Reports received from the first day to the last (both included) per category, district and month, as counts
     * without anything else; reports waiting for moderation not counted, reports without a district under
     * {@code null}. For the open data.
     */
    @PreAuthorize(ReportPermissions.DISTRICT_FIGURES)
    public List<Cell> receivedPerCategoryDistrictMonth(LocalDate first, LocalDate last) {
        return jdbc.sql("""
                SELECT to_char(m.month, 'YYYY-MM') AS month, c.name AS category, d.name AS district, sum(m.n) AS n
                FROM (SELECT date_trunc('month', f.day) AS month, f.category_id, f.district_id, sum(f.received) AS n
                      FROM reports_day_figures_now f WHERE f.partnership_id = :p AND f.day BETWEEN :first AND :last
                      GROUP BY 1, 2, 3 HAVING sum(f.received) > 0) m
                JOIN reports_category c ON c.id = m.category_id LEFT JOIN partners_district d ON d.id = m.district_id
                GROUP BY 1, 2, 3 ORDER BY 1, 2, 3""")
                .param("p", CurrentUser.partnership().value()).param("first", first).param("last", last)
                .query((rs, n) -> new Cell(YearMonth.parse(rs.getString("month")), rs.getString("category"),
                        rs.getString("district"), rs.getLong("n")))
                .list();
    }

    /** Reports received per month and category in a district ({@code null}: all), oldest first. */
    private List<CategoryMonth> perMonth(DistrictId district, YearMonth first, YearMonth last) {
        return jdbc.sql("""
                SELECT to_char(m.month, 'YYYY-MM') AS month, c.name AS category, sum(m.n) AS n
                FROM (SELECT date_trunc('month', f.day) AS month, f.category_id, sum(f.received) AS n
                      FROM reports_day_figures_now f WHERE f.partnership_id = :p AND f.day BETWEEN :first AND :last
                        AND (CAST(:district AS uuid) IS NULL OR f.district_id = :district)
                      GROUP BY 1, 2 HAVING sum(f.received) > 0) m
                JOIN reports_category c ON c.id = m.category_id GROUP BY 1, 2 ORDER BY 1, 2""")
                .param("p", CurrentUser.partnership().value()).param("first", first.atDay(1))
                .param("last", last.atEndOfMonth()).param("district", district == null ? null : district.value())
                .query((rs, n) -> new CategoryMonth(YearMonth.parse(rs.getString("month")), rs.getString("category"),
                        rs.getLong("n")))
                .list();
    }

    /**
     * The reports closed from the first day to the last by their time to close in tenths of a day (V122), with their
     * number and median (the median of the tenths, as percentile_cont would give it; {@code null} if none).
     */
    private Closing closing(LocalDate first, LocalDate last) {
        var tenths = jdbc.sql("""
                SELECT f.tenths, sum(f.closed) AS closed FROM reports_closing_figures_now f
                WHERE f.partnership_id = :p AND f.day BETWEEN :first AND :last
                GROUP BY 1 HAVING sum(f.closed) > 0 ORDER BY 1""")
                .param("p", CurrentUser.partnership().value()).param("first", first).param("last", last)
                .query((rs, n) -> new Tenths(rs.getInt("tenths"), rs.getLong("closed")))
                .list();
        long closed = tenths.stream().mapToLong(Tenths::closed).sum();
        return new Closing(tenths, closed, closed == 0 ? null
                : Duration.ofSeconds(Math.round((nth(tenths, (closed - 1) / 2) + nth(tenths, closed / 2)) * 4320.0)));
    }

    /** The tenths of the n-th report (from 0) in the order of its time to close. */
    private static int nth(List<Tenths> tenths, long n) {
        long seen = 0;
        for (var t : tenths) {
            seen += t.closed();
            if (n < seen) {
                return t.tenths();
            }
        }
        throw new IllegalArgumentException("Only " + seen + " reports closed");
    }

    private record Tenths(int tenths, long closed) {
    }

    private record Closing(List<Tenths> tenths, long closed, Duration median) {

        /** How long they took, in classes: up to 1 day, 1–3, 3–7, 7–14, 14–30 days and longer. */
        List<ClosureClass> classes() {
            var counts = new long[CLOSURE_CLASSES.length + 1];
            for (var t : tenths) {
                counts[closureClass(t.tenths() / 10.0)] += t.closed();
            }
            var classes = new java.util.ArrayList<ClosureClass>();
            for (int i = 0; i < counts.length; i++) {
                classes.add(new ClosureClass(i == 0 ? 0 : CLOSURE_CLASSES[i - 1],
                        i < CLOSURE_CLASSES.length ? CLOSURE_CLASSES[i] : null, counts[i]));
            }
            return classes;
        }
    }

    /** Now, as the figures see it (the application's clock). */
    public Instant now() {
        return clock.instant();
    }

    static int closureClass(double days) {
        for (int i = 0; i < CLOSURE_CLASSES.length; i++) {
            if (days <= CLOSURE_CLASSES[i]) {
                return i;
            }
        }
        return CLOSURE_CLASSES.length;
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    /**
     * @param medianTimeToClose {@code null} if nothing was closed in the month
     * @param overdueShare of the month's reports, the share past its deadline (closed late or still open and late);
     *     {@code null} without reports
     * @param directShare of the month's reports, the share the matrix routed to an organisation that kept it
     * @param timeToClose how long the reports closed in the month took: up to 1 day, 1–3, 3–7, 7–14, 14–30 days, longer
     */
    public record MonthFigures(YearMonth month, long received, long closed, Duration medianTimeToClose,
            Double overdueShare, Double directShare, List<ClosureClass> timeToClose) {

        public MonthFigures {
            timeToClose = List.copyOf(timeToClose);
        }

        /** The median in days, to a tenth ({@code 2.5}); {@code null} if nothing was closed. */
        public Double medianDays() {
            return medianTimeToClose == null ? null : Math.round(medianTimeToClose.toMinutes() / 144.0) / 10.0;
        }
    }

    public record CategoryMonth(YearMonth month, String category, long count) {
    }

    /** Reports of a category in a district ({@code null}: none) and month. */
    public record Cell(YearMonth month, String category, String district, long count) {
    }

    /** @param due the reports whose time to answer ran out or that were answered; {@code inTime} of them in time */
    public record Responses(long due, long inTime) {

        /** The share answered in time in percent; {@code null} without reports. */
        public Double percent() {
            return due == 0 ? null : 100.0 * inTime / due;
        }
    }

    /** A district's open and overdue reports now, and its reports per month and category. */
    public record DistrictFigures(long open, long overdue, List<CategoryMonth> perMonth) {

        public DistrictFigures {
            perMonth = List.copyOf(perMonth);
        }
    }

    /** @param toDays {@code null}: open-ended */
    public record ClosureClass(int fromDays, Integer toDays, long count) {
    }
}

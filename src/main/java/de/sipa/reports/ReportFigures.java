package de.sipa.reports;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.springframework.data.domain.PageRequest;
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
        return reports.queue(query, PageRequest.of(0, 1)).getTotalElements();
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
     * A month's key figures: received and closed in it, the median time to close of those closed in it, the share of
     * the month's reports that ran (or run) past their deadline, and the share the matrix routed straight to an
     * organisation that kept them (never handed back, rerouted or left with the coordinator).
     */
    @PreAuthorize(ReportPermissions.FIGURES)
    public MonthFigures month(YearMonth month) {
        var zone = clock.getZone();
        var start = Timestamp.from(month.atDay(1).atStartOfDay(zone).toInstant());
        var end = Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
        var partnership = CurrentUser.partnership().value();
        var now = Timestamp.from(clock.instant());
        // one pass over the month's reports and one over those closed in it (V117 keeps the routing on the report)
        return jdbc.sql("""
                SELECT received.*, closed.* FROM
                  (SELECT count(*) AS received,
                          count(*) FILTER (WHERE r.deadline IS NOT NULL AND coalesce(r.closed_at, :now) > r.deadline)
                              AS overdue,
                          count(*) FILTER (WHERE r.routed_to_organisation AND NOT r.rerouted) AS direct
                   FROM reports_report r WHERE r.partnership_id = :p AND r.submitted_at >= :start
                     AND r.submitted_at < :end AND r.status <> 'MODERATION') received,
                  (SELECT count(*) AS closed,
                          percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM (r.closed_at - r.submitted_at)))
                              AS median_close
                   FROM reports_report r WHERE r.partnership_id = :p AND r.closed_at >= :start
                     AND r.closed_at < :end) closed""")
                .param("p", partnership).param("start", start).param("end", end).param("now", now)
                .query((rs, n) -> {
                    long received = rs.getLong("received");
                    var median = rs.getObject("median_close");
                    return new MonthFigures(month, received, rs.getLong("closed"),
                            median == null ? null : Duration.ofSeconds(Math.round(((Number) median).doubleValue())),
                            share(rs.getLong("overdue"), received), share(rs.getLong("direct"), received));
                })
                .single();
    }

    /** Reports received per month and category, from the first month to the last (both included), oldest first. */
    @PreAuthorize(ReportPermissions.FIGURES)
    public List<CategoryMonth> receivedPerMonth(YearMonth first, YearMonth last) {
        var zone = clock.getZone();
        return jdbc.sql("""
                SELECT to_char(r.submitted_at AT TIME ZONE :zone, 'YYYY-MM') AS month, c.name AS category,
                       count(*) AS n
                FROM reports_report r JOIN reports_category c ON c.id = r.category_id
                WHERE r.partnership_id = :p AND r.submitted_at >= :start AND r.submitted_at < :end
                  AND r.status <> 'MODERATION'
                GROUP BY 1, 2 ORDER BY 1, 2""")
                .param("zone", zone.getId()).param("p", CurrentUser.partnership().value())
                .param("start", Timestamp.from(first.atDay(1).atStartOfDay(zone).toInstant()))
                .param("end", Timestamp.from(last.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant()))
                .query((rs, n) -> new CategoryMonth(YearMonth.parse(rs.getString("month")), rs.getString("category"),
                        rs.getLong("n")))
                .list();
    }

    /**
     * A district's reports for its profile: received per month and category from the first month to the last (both
     * included, oldest first), and how many are open and overdue now (reports waiting for moderation not counted).
     */
    @PreAuthorize(ReportPermissions.DISTRICT_FIGURES)
    public DistrictFigures district(DistrictId district, YearMonth first, YearMonth last) {
        var zone = clock.getZone();
        var partnership = CurrentUser.partnership().value();
        var perMonth = jdbc.sql("""
                SELECT to_char(r.submitted_at AT TIME ZONE :zone, 'YYYY-MM') AS month, c.name AS category,
                       count(*) AS n
                FROM reports_report r JOIN reports_category c ON c.id = r.category_id
                WHERE r.partnership_id = :p AND r.district_id = :district AND r.submitted_at >= :start
                  AND r.submitted_at < :end AND r.status <> 'MODERATION'
                GROUP BY 1, 2 ORDER BY 1, 2""")
                .param("zone", zone.getId()).param("p", partnership).param("district", district.value())
                .param("start", Timestamp.from(first.atDay(1).atStartOfDay(zone).toInstant()))
                .param("end", Timestamp.from(last.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant()))
                .query((rs, n) -> new CategoryMonth(YearMonth.parse(rs.getString("month")), rs.getString("category"),
                        rs.getLong("n")))
                .list();
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
     * How long the reports closed in the period took, in classes: up to 1 day, 1–3, 3–7, 7–14, 14–30 days and longer.
     */
    @PreAuthorize(ReportPermissions.FIGURES)
    public List<ClosureClass> timeToClose(YearMonth first, YearMonth last) {
        var zone = clock.getZone();
        var counts = new long[CLOSURE_CLASSES.length + 1];
        jdbc.sql("""
                SELECT extract(epoch FROM (r.closed_at - r.submitted_at)) / 86400 AS days FROM reports_report r
                WHERE r.partnership_id = :p AND r.closed_at >= :start AND r.closed_at < :end""")
                .param("p", CurrentUser.partnership().value())
                .param("start", Timestamp.from(first.atDay(1).atStartOfDay(zone).toInstant()))
                .param("end", Timestamp.from(last.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant()))
                .query(rs -> {
                    counts[closureClass(rs.getDouble("days"))]++;
                });
        var classes = new java.util.ArrayList<ClosureClass>();
        for (int i = 0; i < counts.length; i++) {
            classes.add(new ClosureClass(i == 0 ? 0 : CLOSURE_CLASSES[i - 1],
                    i < CLOSURE_CLASSES.length ? CLOSURE_CLASSES[i] : null, counts[i]));
        }
        return classes;
    }

    /**
     * How many reports came in from the first day to the last (both included), of a category and in a district
     * ({@code null} for all); reports waiting for moderation not counted. For indicators of prevention projects.
     */
    @PreAuthorize(ReportPermissions.DISTRICT_FIGURES)
    public long received(CategoryId category, DistrictId district, LocalDate first, LocalDate last) {
        var zone = clock.getZone();
        return jdbc.sql("""
                SELECT count(*) FROM reports_report r
                WHERE r.partnership_id = :p AND r.submitted_at >= :start AND r.submitted_at < :end
                  AND r.status <> 'MODERATION'
                  AND (CAST(:category AS uuid) IS NULL OR r.category_id = :category)
                  AND (CAST(:district AS uuid) IS NULL OR r.district_id = :district)""")
                .param("p", CurrentUser.partnership().value())
                .param("start", Timestamp.from(first.atStartOfDay(zone).toInstant()))
                .param("end", Timestamp.from(last.plusDays(1).atStartOfDay(zone).toInstant()))
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
        var now = clock.instant();
        var holidays = partnerships.holidays(CurrentUser.partnership());
        long[] counts = new long[2];
        jdbc.sql("""
                SELECT r.submitted_at, r.first_response_at AS answered_at FROM reports_report r
                WHERE r.partnership_id = :p AND r.submitted_at >= :start AND r.submitted_at < :end
                  AND r.status <> 'MODERATION'""")
                .param("p", CurrentUser.partnership().value())
                .param("start", Timestamp.from(first.atStartOfDay(zone).toInstant()))
                .param("end", Timestamp.from(last.plusDays(1).atStartOfDay(zone).toInstant()))
                .query(rs -> {
                    var due = WorkingDays.add(rs.getTimestamp("submitted_at").toInstant(), days, zone, holidays);
                    var answered = rs.getTimestamp("answered_at");
                    boolean inTime = answered != null && !answered.toInstant().isAfter(due);
                    if (inTime || due.isBefore(now)) {
                        counts[0]++;
                        counts[1] += inTime ? 1 : 0;
                    }
                });
        return new Responses(counts[0], counts[1]);
    }

    /**
     * Reports received from the first day to the last (both included) per category, district and month, as counts
     * without anything else; reports waiting for moderation not counted, reports without a district under
     * {@code null}. For the open data.
     */
    @PreAuthorize(ReportPermissions.DISTRICT_FIGURES)
    public List<Cell> receivedPerCategoryDistrictMonth(LocalDate first, LocalDate last) {
        var zone = clock.getZone();
        return jdbc.sql("""
                SELECT to_char(r.submitted_at AT TIME ZONE :zone, 'YYYY-MM') AS month, c.name AS category,
                       d.name AS district, count(*) AS n
                FROM reports_report r JOIN reports_category c ON c.id = r.category_id
                LEFT JOIN partners_district d ON d.id = r.district_id
                WHERE r.partnership_id = :p AND r.submitted_at >= :start AND r.submitted_at < :end
                  AND r.status <> 'MODERATION'
                GROUP BY 1, 2, 3 ORDER BY 1, 2, 3""")
                .param("zone", zone.getId()).param("p", CurrentUser.partnership().value())
                .param("start", Timestamp.from(first.atStartOfDay(zone).toInstant()))
                .param("end", Timestamp.from(last.plusDays(1).atStartOfDay(zone).toInstant()))
                .query((rs, n) -> new Cell(YearMonth.parse(rs.getString("month")), rs.getString("category"),
                        rs.getString("district"), rs.getLong("n")))
                .list();
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
     */
    public record MonthFigures(YearMonth month, long received, long closed, Duration medianTimeToClose,
            Double overdueShare, Double directShare) {

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

package de.sipa.reports;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.CurrentUser;
import de.sipa.shared.OrganisationId;
import de.sipa.shared.RuleViolationException;

/** Figures for the coordinator: what comes in, where it lies, how fast it is answered and closed. */
@Service
@Transactional(readOnly = true)
public class ReportDashboard {

    static final int MAX_DAYS = 366;

    private final JdbcClient jdbc;
    private final Clock clock;

    ReportDashboard(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR','STEERING')")
    public ReportStatistics statistics(LocalDate from, LocalDate to) {
        if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new RuleViolationException("dashboard.period.invalid", MAX_DAYS);
        }
        var partnership = CurrentUser.partnership().value();
        var zone = clock.getZone();
        var start = Timestamp.from(from.atStartOfDay(zone).toInstant());
        var end = Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant());

        var counts = new HashMap<LocalDate, Long>();
        jdbc.sql("""
                SELECT CAST(submitted_at AT TIME ZONE :zone AS DATE) AS day, count(*) AS n FROM reports_report
                WHERE partnership_id = :partnership AND submitted_at >= :start AND submitted_at < :end
                GROUP BY day""")
                .param("zone", zone.getId()).param("partnership", partnership).param("start", start).param("end", end)
                .query(rs -> {
                    counts.put(rs.getDate("day").toLocalDate(), rs.getLong("n"));
                });
        var perDay = new ArrayList<ReportStatistics.DayCount>();
        for (var day = from; !day.isAfter(to); day = day.plusDays(1)) {
            perDay.add(new ReportStatistics.DayCount(day, counts.getOrDefault(day, 0L)));
        }

        var workload = jdbc.sql("""
                SELECT assignee_id, count(*) AS open, count(*) FILTER (WHERE deadline < :now) AS overdue
                FROM reports_report WHERE partnership_id = :partnership AND closed_at IS NULL AND status <> 'MODERATION'
                GROUP BY assignee_id ORDER BY open DESC""")
                .param("partnership", partnership).param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> {
                    var organisation = rs.getObject("assignee_id", UUID.class);
                    return new ReportStatistics.Workload(organisation == null ? null : new OrganisationId(organisation),
                            rs.getLong("open"), rs.getLong("overdue"));
                })
                .list();

        return new ReportStatistics(from, to, perDay, workload,
                times("SELECT c.name AS name", "JOIN reports_category c ON c.id = r.category_id", partnership, start, end),
                times("SELECT coalesce(d.name, '–') AS name", "LEFT JOIN partners_district d ON d.id = r.district_id",
                        partnership, start, end));
    }

    private List<ReportStatistics.Times> times(String select, String join, UUID partnership, Timestamp start,
            Timestamp end) {
        // Text blocks drop trailing spaces, so the pieces are joined with explicit ones.
        var sql = String.join(" ", select + ", count(*) AS reports,",
                // the first step someone took on a report after it was routed (V117 keeps it on the report)
                "percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM (r.first_response_at - r.submitted_at)))",
                "AS first_response,",
                "percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM (r.closed_at - r.submitted_at))) AS closure",
                "FROM reports_report r", join,
                "WHERE r.partnership_id = :partnership AND r.submitted_at >= :start AND r.submitted_at < :end",
                "GROUP BY 1 ORDER BY 2 DESC, 1");
        return jdbc.sql(sql)
                .param("partnership", partnership).param("start", start).param("end", end)
                .query((rs, n) -> new ReportStatistics.Times(rs.getString("name"), rs.getLong("reports"),
                        seconds(rs.getObject("first_response")), seconds(rs.getObject("closure"))))
                .list();
    }

    private static Duration seconds(Object value) {
        return value == null ? null : Duration.ofSeconds(Math.round(((Number) value).doubleValue()));
    }
}

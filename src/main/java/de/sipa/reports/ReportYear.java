package de.sipa.reports;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Year;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.CurrentUser;
import de.sipa.shared.YearlyFigures;

/**
 * The contact point's year for the annual report: reports received and closed, the median days to the first answer
 * (the first status change or comment the reporter sees) and to closing, the share the matrix routed without the
 * coordinator, the share past its deadline (as of the year's end, or now within the year), and the reports by
 * category, district and month. Reports waiting for moderation are not counted.
 */
@Service
@Transactional(readOnly = true)
public class ReportYear implements YearlyFigures {

    private final JdbcClient jdbc;
    private final Clock clock;

    ReportYear(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String key() {
        return "reports";
    }

    @Override
    public int position() {
        return 30;
    }

    @Override
    public List<String> followedFigures() {
        return List.of("annualreport.reports.received", "annualreport.reports.medianAnswer");
    }

    @Override
    public Chapter of(Year year) {
        var zone = clock.getZone();
        var bounds = YearlyFigures.bounds(year, zone);
        var now = Timestamp.from(clock.instant());
        var asOf = now.before(bounds[1]) ? now : bounds[1];
        var p = CurrentUser.partnership().value();
        var figures = jdbc.sql("""
                WITH year AS (SELECT r.* FROM reports_report r WHERE r.partnership_id = :p
                   AND r.submitted_at >= :start AND r.submitted_at < :end AND r.status <> 'MODERATION')
                SELECT
                  (SELECT count(*) FROM year) AS received,
                  (SELECT count(*) FROM reports_report r WHERE r.partnership_id = :p AND r.closed_at >= :start
                     AND r.closed_at < :end) AS closed,
                  (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM (a.first - y.submitted_at)))
                     FROM year y JOIN LATERAL (SELECT min(e.occurred_at) AS first FROM reports_event e
                       WHERE e.report_id = y.id AND e.public AND e.kind IN ('STATUS_CHANGED', 'COMMENTED')) a
                     ON a.first IS NOT NULL) AS median_answer,
                  (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM (r.closed_at - r.submitted_at)))
                     FROM reports_report r WHERE r.partnership_id = :p AND r.closed_at >= :start
                     AND r.closed_at < :end) AS median_close,
                  (SELECT count(*) FROM year y WHERE y.deadline IS NOT NULL
                     AND coalesce(y.closed_at, :asOf) > y.deadline) AS overdue,
                  (SELECT count(*) FROM year y
                     WHERE EXISTS (SELECT 1 FROM reports_event e WHERE e.report_id = y.id AND e.kind = 'ROUTED'
                                 AND e.organisation_id IS NOT NULL)
                     AND NOT EXISTS (SELECT 1 FROM reports_event e WHERE e.report_id = y.id
                                 AND (e.kind IN ('HANDED_BACK', 'REROUTED', 'RECATEGORISED')
                                      OR e.kind = 'ROUTED' AND e.organisation_id IS NULL))) AS direct""")
                .param("p", p).param("start", bounds[0]).param("end", bounds[1]).param("asOf", asOf)
                .query((rs, n) -> {
                    long received = rs.getLong("received");
                    return List.of(KeyFigure.count("annualreport.reports.received", received),
                            KeyFigure.count("annualreport.reports.closed", rs.getLong("closed")),
                            new KeyFigure("annualreport.reports.medianAnswer", days(rs.getObject("median_answer")),
                                    Unit.DAYS),
                            new KeyFigure("annualreport.reports.medianClose", days(rs.getObject("median_close")),
                                    Unit.DAYS),
                            new KeyFigure("annualreport.reports.direct", share(rs.getLong("direct"), received),
                                    Unit.PERCENT),
                            new KeyFigure("annualreport.reports.overdue", share(rs.getLong("overdue"), received),
                                    Unit.PERCENT));
                })
                .single();
        var byCategory = jdbc.sql("""
                SELECT c.name, count(*) AS n FROM reports_report r JOIN reports_category c ON c.id = r.category_id
                WHERE r.partnership_id = :p AND r.submitted_at >= :start AND r.submitted_at < :end
                  AND r.status <> 'MODERATION'
                GROUP BY c.name ORDER BY n DESC, c.name""")
                .param("p", p).param("start", bounds[0]).param("end", bounds[1])
                .query((rs, n) -> List.<Object>of(rs.getString(1), rs.getLong(2))).list();
        var byDistrict = jdbc.sql("""
                SELECT d.name, count(*) AS n FROM reports_report r JOIN partners_district d ON d.id = r.district_id
                WHERE r.partnership_id = :p AND r.submitted_at >= :start AND r.submitted_at < :end
                  AND r.status <> 'MODERATION'
                GROUP BY d.name, d.position ORDER BY d.position, d.name""")
                .param("p", p).param("start", bounds[0]).param("end", bounds[1])
                .query((rs, n) -> List.<Object>of(rs.getString(1), rs.getLong(2))).list();
        var months = new long[12];
        jdbc.sql("""
                SELECT extract(month FROM r.submitted_at AT TIME ZONE :zone)::int AS m, count(*) AS n
                FROM reports_report r WHERE r.partnership_id = :p AND r.submitted_at >= :start
                  AND r.submitted_at < :end AND r.status <> 'MODERATION' GROUP BY 1""")
                .param("zone", zone.getId()).param("p", p).param("start", bounds[0]).param("end", bounds[1])
                .query(rs -> {
                    months[rs.getInt("m") - 1] = rs.getLong("n");
                });
        return new Chapter(figures,
                List.of(new Table("annualreport.reports.byCategory",
                        List.of("annualreport.column.category", "annualreport.column.reports"), byCategory),
                        new Table("annualreport.reports.byDistrict",
                                List.of("annualreport.column.district", "annualreport.column.reports"), byDistrict)),
                List.of(Bars.perMonth("annualreport.reports.byMonth", months)));
    }

    private static Double days(Object seconds) {
        return seconds == null ? null : Math.round(((Number) seconds).doubleValue() / 8640.0) / 10.0;
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}

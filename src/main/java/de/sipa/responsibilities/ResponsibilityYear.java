package de.sipa.responsibilities;

import java.time.Clock;
import java.time.Year;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.CurrentUser;
import de.sipa.shared.YearlyFigures;

/**
 * The responsibility matrix's year for the annual report: the changes made to it, those decided in a review
 * (Aufgabenkritik), and each change with its day and reason.
 */
@Service
@Transactional(readOnly = true)
public class ResponsibilityYear implements YearlyFigures {

    private final JdbcClient jdbc;
    private final Clock clock;

    ResponsibilityYear(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String key() {
        return "responsibilities";
    }

    @Override
    public int position() {
        return 40;
    }

    @Override
    public Chapter of(Year year) {
        var b = YearlyFigures.bounds(year, clock.getZone());
        var p = CurrentUser.partnership().value();
        var figures = jdbc.sql("""
                SELECT count(*) AS changes, count(*) FILTER (WHERE c.review_id IS NOT NULL) AS reviewed
                FROM responsibilities_change c WHERE c.partnership_id = :p AND c.changed_at >= :start
                  AND c.changed_at < :end""")
                .param("p", p).param("start", b[0]).param("end", b[1])
                .query((rs, n) -> List.of(KeyFigure.count("annualreport.responsibilities.changes",
                        rs.getLong("changes")),
                        KeyFigure.count("annualreport.responsibilities.reviewed", rs.getLong("reviewed"))))
                .single();
        var changes = jdbc.sql("""
                SELECT (c.changed_at AT TIME ZONE :zone)::date AS day, c.reason FROM responsibilities_change c
                WHERE c.partnership_id = :p AND c.changed_at >= :start AND c.changed_at < :end
                ORDER BY c.changed_at""")
                .param("zone", clock.getZone().getId()).param("p", p).param("start", b[0]).param("end", b[1])
                .query((rs, n) -> List.<Object>of(rs.getObject(1, java.time.LocalDate.class), rs.getString(2)))
                .list();
        return new Chapter(figures, List.of(new Table("annualreport.responsibilities.list",
                List.of("annualreport.column.date", "annualreport.column.reason"), changes)), List.of());
    }
}

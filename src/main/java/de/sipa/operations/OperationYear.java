package de.sipa.operations;

import java.time.Clock;
import java.time.Year;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.CurrentUser;
import de.sipa.shared.YearlyFigures;

/**
 * The operations' year for the annual report: joint patrols walked (not cancelled), also per month, their hours and
 * reports as the patrol reports record them, citizen contacts, events and the lessons learnt from them.
 */
@Service
@Transactional(readOnly = true)
public class OperationYear implements YearlyFigures {

    private final JdbcClient jdbc;
    private final Clock clock;

    OperationYear(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String key() {
        return "operations";
    }

    @Override
    public int position() {
        return 60;
    }

    @Override
    public List<String> followedFigures() {
        return List.of("annualreport.operations.hours");
    }

    @Override
    public Chapter of(Year year) {
        var b = YearlyFigures.bounds(year, clock.getZone());
        var p = CurrentUser.partnership().value();
        var first = year.atDay(1);
        var last = year.atDay(year.length());
        var figures = jdbc.sql("""
                SELECT
                  (SELECT count(*) FROM operations_patrol t WHERE t.partnership_id = :p AND t.day BETWEEN :first
                     AND :last AND NOT t.cancelled) AS patrols,
                  (SELECT coalesce(sum(extract(epoch FROM (r.ended_at - r.started_at))), 0) / 3600.0
                     FROM operations_patrol t JOIN operations_patrol_report r ON r.patrol_id = t.id
                     WHERE t.partnership_id = :p AND t.day BETWEEN :first AND :last) AS hours,
                  (SELECT count(*) FROM operations_patrol t JOIN operations_patrol_report r ON r.patrol_id = t.id
                     WHERE t.partnership_id = :p AND t.day BETWEEN :first AND :last) AS reports,
                  (SELECT coalesce(sum(r.citizen_contacts), 0) FROM operations_patrol t
                     JOIN operations_patrol_report r ON r.patrol_id = t.id
                     WHERE t.partnership_id = :p AND t.day BETWEEN :first AND :last) AS contacts,
                  (SELECT count(*) FROM operations_event e WHERE e.partnership_id = :p AND e.starts_at >= :start
                     AND e.starts_at < :end) AS events,
                  (SELECT count(*) FROM operations_event e JOIN operations_lesson l ON l.event_id = e.id
                     WHERE e.partnership_id = :p AND e.starts_at >= :start AND e.starts_at < :end) AS lessons""")
                .param("p", p).param("first", first).param("last", last).param("start", b[0]).param("end", b[1])
                .query((rs, n) -> List.of(KeyFigure.count("annualreport.operations.patrols", rs.getLong("patrols")),
                        new KeyFigure("annualreport.operations.hours",
                                Math.round(rs.getDouble("hours") * 10) / 10.0, Unit.HOURS),
                        KeyFigure.count("annualreport.operations.reports", rs.getLong("reports")),
                        KeyFigure.count("annualreport.operations.contacts", rs.getLong("contacts")),
                        KeyFigure.count("annualreport.operations.events", rs.getLong("events")),
                        KeyFigure.count("annualreport.operations.lessons", rs.getLong("lessons"))))
                .single();
        var events = jdbc.sql("""
                SELECT e.name, (e.starts_at AT TIME ZONE :zone)::date AS day,
                       (SELECT count(*) FROM operations_lesson l WHERE l.event_id = e.id) AS lessons
                FROM operations_event e WHERE e.partnership_id = :p AND e.starts_at >= :start AND e.starts_at < :end
                ORDER BY e.starts_at""")
                .param("zone", clock.getZone().getId()).param("p", p).param("start", b[0]).param("end", b[1])
                .query((rs, n) -> List.<Object>of(rs.getString(1), rs.getObject(2, java.time.LocalDate.class),
                        rs.getLong(3)))
                .list();
        var months = new long[12];
        jdbc.sql("""
                SELECT extract(month FROM t.day)::int AS m, count(*) AS n FROM operations_patrol t
                WHERE t.partnership_id = :p AND t.day BETWEEN :first AND :last AND NOT t.cancelled GROUP BY 1""")
                .param("p", p).param("first", first).param("last", last)
                .query(rs -> {
                    months[rs.getInt("m") - 1] = rs.getLong("n");
                });
        return new Chapter(figures, List.of(new Table("annualreport.operations.eventList",
                List.of("annualreport.column.event", "annualreport.column.date", "annualreport.column.lessons"),
                events)), List.of(Bars.perMonth("annualreport.operations.patrolsByMonth", months)));
    }
}

package de.sipa.meetings;

import java.time.Clock;
import java.time.Year;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.CurrentUser;
import de.sipa.shared.YearlyFigures;

/**
 * The bodies' year for the annual report: meetings held (held or with approved minutes), decisions taken, and the
 * action items set in the year, done and still open; per body its meetings and decisions. The report is published:
 * a confidential body's meetings count in the totals, but the body is not named.
 */
@Service
@Transactional(readOnly = true)
public class MeetingYear implements YearlyFigures {

    private final JdbcClient jdbc;
    private final Clock clock;

    MeetingYear(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String key() {
        return "meetings";
    }

    @Override
    public int position() {
        return 50;
    }

    @Override
    public Chapter of(Year year) {
        var b = YearlyFigures.bounds(year, clock.getZone());
        var p = CurrentUser.partnership().value();
        var figures = jdbc.sql("""
                SELECT
                  (SELECT count(*) FROM meetings_meeting m WHERE m.partnership_id = :p AND m.starts_at >= :start
                     AND m.starts_at < :end AND m.status IN ('HELD', 'MINUTES_APPROVED')) AS meetings,
                  (SELECT count(*) FROM meetings_decision d WHERE d.partnership_id = :p AND d.decided_at >= :start
                     AND d.decided_at < :end) AS decisions,
                  (SELECT count(*) FROM meetings_action_item a WHERE a.partnership_id = :p AND a.created_at >= :start
                     AND a.created_at < :end AND a.status = 'DONE') AS done,
                  (SELECT count(*) FROM meetings_action_item a WHERE a.partnership_id = :p AND a.created_at >= :start
                     AND a.created_at < :end AND a.status IN ('OPEN', 'IN_PROGRESS')) AS open""")
                .param("p", p).param("start", b[0]).param("end", b[1])
                .query((rs, n) -> List.of(KeyFigure.count("annualreport.meetings.meetings", rs.getLong("meetings")),
                        KeyFigure.count("annualreport.meetings.decisions", rs.getLong("decisions")),
                        KeyFigure.count("annualreport.meetings.actionsDone", rs.getLong("done")),
                        KeyFigure.count("annualreport.meetings.actionsOpen", rs.getLong("open"))))
                .single();
        var perBody = jdbc.sql("""
                SELECT b.name,
                  (SELECT count(*) FROM meetings_meeting m WHERE m.body_id = b.id AND m.starts_at >= :start
                     AND m.starts_at < :end AND m.status IN ('HELD', 'MINUTES_APPROVED')) AS meetings,
                  (SELECT count(*) FROM meetings_decision d WHERE d.body_id = b.id AND d.decided_at >= :start
                     AND d.decided_at < :end) AS decisions
                FROM partners_body b WHERE b.partnership_id = :p AND NOT b.confidential ORDER BY b.name""")
                .param("p", p).param("start", b[0]).param("end", b[1])
                .query((rs, n) -> List.<Object>of(rs.getString(1), rs.getLong(2), rs.getLong(3))).list()
                .stream().filter(r -> (long) r.get(1) + (long) r.get(2) > 0).toList();
        return new Chapter(figures, List.of(new Table("annualreport.meetings.perBody",
                List.of("annualreport.column.body", "annualreport.column.meetings", "annualreport.column.decisions"),
                perBody)), List.of());
    }
}

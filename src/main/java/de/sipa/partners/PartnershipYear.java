package de.sipa.partners;

import java.time.Clock;
import java.time.Year;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.CurrentUser;
import de.sipa.shared.YearlyFigures;

/**
 * The partnership at the end of a year for the annual report: its bodies, its active partner organisations, the
 * members who joined a body in the year, and per body its members during the year. The report is published: a
 * confidential body counts among the bodies but is not named.
 */
@Service
@Transactional(readOnly = true)
public class PartnershipYear implements YearlyFigures {

    private final JdbcClient jdbc;
    private final Clock clock;

    PartnershipYear(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String key() {
        return "partners";
    }

    @Override
    public int position() {
        return 10;
    }

    @Override
    public Chapter of(Year year) {
        var b = YearlyFigures.bounds(year, clock.getZone());
        var p = CurrentUser.partnership().value();
        var first = year.atDay(1);
        var last = year.atDay(year.length());
        var figures = jdbc.sql("""
                SELECT
                  (SELECT count(*) FROM partners_body x WHERE x.partnership_id = :p AND x.created_at < :end) AS bodies,
                  (SELECT count(*) FROM partners_organisation o WHERE o.partnership_id = :p AND o.active
                     AND o.created_at < :end) AS partners,
                  (SELECT count(*) FROM partners_membership m WHERE m.partnership_id = :p
                     AND m.starts_on BETWEEN :first AND :last) AS joined""")
                .param("p", p).param("end", b[1]).param("first", first).param("last", last)
                .query((rs, n) -> List.of(KeyFigure.count("annualreport.partners.bodies", rs.getLong("bodies")),
                        KeyFigure.count("annualreport.partners.partners", rs.getLong("partners")),
                        KeyFigure.count("annualreport.partners.joined", rs.getLong("joined"))))
                .single();
        var bodies = jdbc.sql("""
                SELECT x.name, (SELECT count(*) FROM partners_membership m WHERE m.body_id = x.id
                    AND m.starts_on <= :last AND (m.ends_on IS NULL OR m.ends_on >= :first)) AS members
                FROM partners_body x WHERE x.partnership_id = :p AND x.created_at < :end AND NOT x.confidential
                ORDER BY x.name""")
                .param("p", p).param("end", b[1]).param("first", first).param("last", last)
                .query((rs, n) -> List.<Object>of(rs.getString(1), rs.getLong(2))).list();
        return new Chapter(figures, List.of(new Table("annualreport.partners.bodyList",
                List.of("annualreport.column.body", "annualreport.column.members"), bodies)), List.of());
    }
}

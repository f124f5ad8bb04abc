package de.sipa.situation;

import java.time.Year;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.CurrentUser;
import de.sipa.shared.YearlyFigures;

/**
 * The situation picture's year for the annual report: the police crime statistics (PKS) of the year over all
 * districts, cases and the share solved, per offence group.
 */
@Service
@Transactional(readOnly = true)
public class SituationYear implements YearlyFigures {

    private final JdbcClient jdbc;

    SituationYear(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String key() {
        return "situation";
    }

    @Override
    public int position() {
        return 20;
    }

    @Override
    public Chapter of(Year year) {
        var p = CurrentUser.partnership().value();
        var figures = jdbc.sql("""
                SELECT coalesce(sum(f.cases), 0) AS cases, coalesce(sum(f.solved), 0) AS solved
                FROM situation_crime_figure f WHERE f.partnership_id = :p AND f.year = :year""")
                .param("p", p).param("year", year.getValue())
                .query((rs, n) -> {
                    long cases = rs.getLong("cases");
                    return List.of(KeyFigure.count("annualreport.situation.cases", cases),
                            new KeyFigure("annualreport.situation.solved",
                                    cases == 0 ? null : (double) rs.getLong("solved") / cases, Unit.PERCENT));
                })
                .single();
        var groups = jdbc.sql("""
                SELECT f.offence_name, sum(f.cases) AS cases, sum(f.solved) AS solved
                FROM situation_crime_figure f WHERE f.partnership_id = :p AND f.year = :year
                GROUP BY f.offence_key, f.offence_name ORDER BY f.offence_key""")
                .param("p", p).param("year", year.getValue())
                .query((rs, n) -> List.<Object>of(rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
        return new Chapter(figures, List.of(new Table("annualreport.situation.groups",
                List.of("annualreport.column.offence", "annualreport.column.cases", "annualreport.column.solved"),
                groups)), List.of());
    }
}

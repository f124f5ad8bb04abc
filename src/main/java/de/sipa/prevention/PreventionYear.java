package de.sipa.prevention;

import java.time.Year;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.CurrentUser;
import de.sipa.shared.YearlyFigures;

/**
 * The prevention projects' year for the annual report: the projects under way in the year (begun, not a mere idea
 * or stopped before, and not ended before it), their indicators, and those evaluated; each with status and
 * indicators, and the projects per field of action.
 */
@Service
@Transactional(readOnly = true)
public class PreventionYear implements YearlyFigures {

    private static final String IN_YEAR = """
            x.partnership_id = :p AND x.status <> 'IDEA' AND x.starts_on IS NOT NULL AND x.starts_on <= :last
            AND (x.ends_on IS NULL OR x.ends_on >= :first)""";

    private final JdbcClient jdbc;

    PreventionYear(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String key() {
        return "prevention";
    }

    @Override
    public int position() {
        return 80;
    }

    @Override
    public List<String> followedFigures() {
        return List.of("annualreport.prevention.projects");
    }

    @Override
    public Chapter of(Year year) {
        var p = CurrentUser.partnership().value();
        var first = year.atDay(1);
        var last = year.atDay(year.length());
        var figures = jdbc.sql("SELECT count(*) AS projects,"
                + " count(*) FILTER (WHERE x.status IN ('EVALUATED', 'FINISHED')) AS evaluated,"
                + " (SELECT count(*) FROM prevention_indicator i JOIN prevention_project x ON x.id = i.project_id"
                + "   WHERE " + IN_YEAR + ") AS indicators"
                + " FROM prevention_project x WHERE " + IN_YEAR)
                .param("p", p).param("first", first).param("last", last)
                .query((rs, n) -> List.of(KeyFigure.count("annualreport.prevention.projects", rs.getLong("projects")),
                        KeyFigure.count("annualreport.prevention.indicators", rs.getLong("indicators")),
                        KeyFigure.count("annualreport.prevention.evaluated", rs.getLong("evaluated"))))
                .single();
        var projects = jdbc.sql("SELECT x.title, x.status,"
                + " (SELECT count(*) FROM prevention_indicator i WHERE i.project_id = x.id) AS indicators"
                + " FROM prevention_project x WHERE " + IN_YEAR + " ORDER BY x.title")
                .param("p", p).param("first", first).param("last", last)
                .query((rs, n) -> List.<Object>of(rs.getString(1), new Label("prevention.status." + rs.getString(2)),
                        rs.getLong(3)))
                .list();
        var fields = new java.util.ArrayList<String>();
        var counts = new java.util.ArrayList<Long>();
        jdbc.sql("SELECT x.field, count(*) AS n FROM prevention_project x WHERE " + IN_YEAR
                + " GROUP BY x.field ORDER BY n DESC, x.field")
                .param("p", p).param("first", first).param("last", last)
                .query(rs -> {
                    fields.add("prevention.field." + rs.getString("field"));
                    counts.add(rs.getLong("n"));
                });
        return new Chapter(figures, List.of(new Table("annualreport.prevention.list",
                List.of("annualreport.column.project", "annualreport.column.status",
                        "annualreport.column.indicators"), projects)),
                fields.isEmpty() ? List.of() : List.of(new Bars("annualreport.prevention.byField", fields, counts)));
    }
}

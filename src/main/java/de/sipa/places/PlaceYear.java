package de.sipa.places;

import java.time.Year;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.CurrentUser;
import de.sipa.shared.YearlyFigures;

/**
 * The places' year for the annual report: the places with a measure in the year (one not dropped whose period
 * touches the year; without a start it counts from its creation), the measures and those done, and the places
 * evaluated, each place with its status and measures.
 */
@Service
@Transactional(readOnly = true)
public class PlaceYear implements YearlyFigures {

    private static final String IN_YEAR = """
            m.partnership_id = :p AND m.status <> 'DROPPED'
            AND coalesce(m.starts_on, CAST(m.created_at AS date)) <= :last
            AND (m.ends_on IS NULL OR m.ends_on >= :first)""";

    private final JdbcClient jdbc;

    PlaceYear(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String key() {
        return "places";
    }

    @Override
    public int position() {
        return 70;
    }

    @Override
    public Chapter of(Year year) {
        var p = CurrentUser.partnership().value();
        var first = year.atDay(1);
        var last = year.atDay(year.length());
        var figures = jdbc.sql("SELECT count(DISTINCT m.place_id) AS places, count(*) AS measures,"
                + " count(*) FILTER (WHERE m.status = 'DONE') AS done,"
                + " count(DISTINCT m.place_id) FILTER (WHERE x.status IN ('EVALUATED', 'CLOSED')) AS evaluated"
                + " FROM places_measure m JOIN places_place x ON x.id = m.place_id WHERE " + IN_YEAR)
                .param("p", p).param("first", first).param("last", last)
                .query((rs, n) -> List.of(KeyFigure.count("annualreport.places.places", rs.getLong("places")),
                        KeyFigure.count("annualreport.places.measures", rs.getLong("measures")),
                        KeyFigure.count("annualreport.places.done", rs.getLong("done")),
                        KeyFigure.count("annualreport.places.evaluated", rs.getLong("evaluated"))))
                .single();
        var places = jdbc.sql("SELECT x.name, x.status, count(*) AS measures FROM places_measure m"
                + " JOIN places_place x ON x.id = m.place_id WHERE " + IN_YEAR
                + " GROUP BY x.name, x.status ORDER BY x.name")
                .param("p", p).param("first", first).param("last", last)
                .query((rs, n) -> List.<Object>of(rs.getString(1), new Label("place.status." + rs.getString(2)),
                        rs.getLong(3)))
                .list();
        return new Chapter(figures, List.of(new Table("annualreport.places.list",
                List.of("annualreport.column.place", "annualreport.column.status", "annualreport.column.measures"),
                places)), List.of());
    }
}

package de.sipa.situation;

import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.CurrentUser;
import de.sipa.partners.District;
import de.sipa.partners.Partnerships;
import de.sipa.shared.YearlyFigures;

/**
 * The situation picture's year for the annual report: the police crime statistics (PKS) of the year over all
 * districts, cases and the share solved, per offence group; and the year's hotspots of the reports.
 */
@Service
@Transactional(readOnly = true)
public class SituationYear implements YearlyFigures {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    /** The most hotspots the chapter names. */
    static final int HOTSPOTS = 10;

    private final JdbcClient jdbc;
    private final HotspotAnalysis hotspots;
    private final Partnerships partnerships;

    SituationYear(JdbcClient jdbc, HotspotAnalysis hotspots, Partnerships partnerships) {
        this.jdbc = jdbc;
        this.hotspots = hotspots;
        this.partnerships = partnerships;
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
                groups), hotspots(year)), List.of());
    }

    /**
     * The year's strongest significant hotspots of all reports with a place (Gi* at the default cell size): the
     * district holding the cell's centre, the reports in the cell, z and the class. The report is published, and the
     * analysis counts internal reports (partners', patrols') too, so it names the district and never the cell's
     * place; the hotspot map stays with those allowed to analyse. When there are none the chapter says so, and also
     * when no district has a boundary to lay the grid over.
     */
    private Table hotspots(Year year) {
        var map = hotspots.analyseUnchecked(new HotspotQuery(year.atDay(1), year.atDay(year.length()), List.of(),
                HotspotSource.ALL, HotspotQuery.DEFAULT_CELL_SIZE, null));
        var districts = new ArrayList<Map.Entry<String, Geometry>>();
        for (District district : partnerships.districts()) {
            if (district.hasBoundary()) {
                districts.add(Map.entry(district.name(), HotspotAnalysis.geometry(district.boundary())));
            }
        }
        var rows = new ArrayList<List<Object>>();
        for (var cell : map.hotCells().stream().limit(HOTSPOTS).toList()) {
            var centre = GEOMETRY.createPoint(new Coordinate(cell.longitude(), cell.latitude()));
            var district = districts.stream().filter(d -> d.getValue().covers(centre)).map(Map.Entry::getKey)
                    .findFirst().orElse("–");
            rows.add(List.of(district, (long) cell.count(), Math.round(cell.z() * 10) / 10.0,
                    new Label("hotspots.class." + cell.giClass().code())));
        }
        return new Table("annualreport.situation.hotspots", List.of("annualreport.column.district",
                "annualreport.column.reports", "annualreport.column.z",
                "annualreport.column.hotspotClass"), rows,
                map.hasArea() ? "annualreport.situation.hotspots.none" : "annualreport.situation.hotspots.noArea");
    }
}

package de.sipa.prevention;

import java.sql.Date;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.sipa.partners.DistrictId;
import de.sipa.reports.CategoryId;

@Repository
class IndicatorRepository {

    private final JdbcClient jdbc;

    IndicatorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The project's indicators in the order they were added, each with its values oldest first. */
    List<Indicator> of(ProjectId project) {
        var indicators = new LinkedHashMap<UUID, Indicator>();
        jdbc.sql("SELECT * FROM prevention_indicator WHERE project_id = ? ORDER BY position").param(project.value())
                .query(rs -> {
                    var category = rs.getObject("category_id", UUID.class);
                    var district = rs.getObject("district_id", UUID.class);
                    var id = rs.getObject("id", UUID.class);
                    indicators.put(id, new Indicator(new IndicatorId(id), project, rs.getString("name"),
                            rs.getString("unit"), rs.getBigDecimal("baseline"), rs.getBigDecimal("target"),
                            IndicatorSource.valueOf(rs.getString("source")),
                            category == null ? null : new CategoryId(category),
                            district == null ? null : new DistrictId(district),
                            rs.getObject("offence_group_id", UUID.class), new ArrayList<>(),
                            rs.getString("survey_key")));
                });
        jdbc.sql("""
                SELECT v.* FROM prevention_indicator_value v JOIN prevention_indicator i ON i.id = v.indicator_id
                WHERE i.project_id = ? ORDER BY v.period_to, v.period_from""").param(project.value())
                .query(rs -> {
                    var indicator = indicators.get(rs.getObject("indicator_id", UUID.class));
                    indicator.values().add(new IndicatorValue(rs.getObject("id", UUID.class),
                            rs.getDate("period_from").toLocalDate(), rs.getDate("period_to").toLocalDate(),
                            rs.getBigDecimal("value")));
                });
        return new ArrayList<>(indicators.values());
    }

    void insert(Indicator indicator) {
        jdbc.sql("""
                INSERT INTO prevention_indicator (id, project_id, name, unit, baseline, target, source, category_id,
                    district_id, offence_group_id, survey_key, position)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                    (SELECT coalesce(max(position), 0) + 1 FROM prevention_indicator WHERE project_id = ?))""")
                .params(indicator.id().value(), indicator.project().value(), indicator.name(), indicator.unit(),
                        indicator.baseline(), indicator.target(), indicator.source().name(),
                        indicator.category() == null ? null : indicator.category().value(),
                        indicator.district() == null ? null : indicator.district().value(), indicator.offenceGroup(),
                        indicator.surveyKey(), indicator.project().value())
                .update();
    }

    void insertValue(IndicatorId indicator, IndicatorValue value) {
        jdbc.sql("INSERT INTO prevention_indicator_value (id, indicator_id, period_from, period_to, value) VALUES (?, ?, ?, ?, ?)")
                .params(value.id(), indicator.value(), Date.valueOf(value.from()), Date.valueOf(value.to()),
                        value.typed())
                .update();
    }

    void deleteValue(IndicatorId indicator, UUID value) {
        jdbc.sql("DELETE FROM prevention_indicator_value WHERE indicator_id = ? AND id = ?")
                .params(indicator.value(), value).update();
    }

    void delete(ProjectId project, IndicatorId indicator) {
        jdbc.sql("DELETE FROM prevention_indicator WHERE project_id = ? AND id = ?")
                .params(project.value(), indicator.value()).update();
    }

    /** Whether any indicator of the project has a measured value. */
    boolean anyValue(ProjectId project) {
        return jdbc.sql("""
                SELECT count(*) FROM prevention_indicator_value v JOIN prevention_indicator i ON i.id = v.indicator_id
                WHERE i.project_id = ?""").param(project.value()).query(Long.class).single() > 0;
    }
}

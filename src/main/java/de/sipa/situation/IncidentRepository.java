package de.sipa.situation;

import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.sipa.reports.ReportLocations;
import de.sipa.shared.PartnershipId;

/** The police's incidents with their places, scoped to a partnership. */
@Repository
class IncidentRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    IncidentRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    int count(PartnershipId partnership, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT count(*) FROM situation_incident
                WHERE partnership_id = ? AND occurred_on BETWEEN ? AND ?""")
                .params(partnership.value(), Date.valueOf(from), Date.valueOf(to)).query(Integer.class).single();
    }

    /** Replaces the incidents of the period (both days included) by the given ones; returns how many were there. */
    int replace(PartnershipId partnership, LocalDate from, LocalDate to, List<Incident> incidents, Instant at) {
        int before = jdbc.sql("DELETE FROM situation_incident WHERE partnership_id = ? AND occurred_on BETWEEN ? AND ?")
                .params(partnership.value(), Date.valueOf(from), Date.valueOf(to)).update();
        template.batchUpdate("""
                INSERT INTO situation_incident (partnership_id, occurred_on, occurred_at, offence_group, latitude,
                    longitude, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?)""", incidents, 1000, (statement, incident) -> {
                    statement.setObject(1, partnership.value());
                    statement.setDate(2, Date.valueOf(incident.day()));
                    if (incident.time() == null) {
                        statement.setNull(3, Types.TIME);
                    } else {
                        statement.setTime(3, Time.valueOf(incident.time()));
                    }
                    statement.setString(4, incident.offenceGroup());
                    statement.setDouble(5, incident.latitude());
                    statement.setDouble(6, incident.longitude());
                    statement.setTimestamp(7, Timestamp.from(at));
                });
        return before;
    }

    /** The offence groups the stored incidents name, alphabetically. */
    List<String> groups(PartnershipId partnership) {
        return jdbc.sql("""
                SELECT DISTINCT offence_group FROM situation_incident WHERE partnership_id = ? ORDER BY offence_group""")
                .param(partnership.value()).query(String.class).list();
    }

    /** Hands the place of every incident of the period (of one offence group, or all with {@code null}) to the sink. */
    void forEach(PartnershipId partnership, LocalDate from, LocalDate to, String offenceGroup,
            ReportLocations.Sink sink) {
        jdbc.sql("""
                SELECT latitude, longitude FROM situation_incident
                WHERE partnership_id = ? AND occurred_on BETWEEN ? AND ?
                  AND (CAST(? AS VARCHAR) IS NULL OR offence_group = ?)""")
                .withFetchSize(10_000)
                .params(partnership.value(), Date.valueOf(from), Date.valueOf(to), offenceGroup, offenceGroup)
                .query(rs -> {
                    sink.accept(rs.getDouble(1), rs.getDouble(2));
                });
    }
}

package de.sipa.operations;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import de.sipa.reports.CategoryId;
import de.sipa.reports.ReportId;
import de.sipa.shared.PartnershipId;

/** Patrol reports and observations; always reached through a patrol already checked against the partnership. */
@Repository
class PatrolReportRepository {

    private static final RowMapper<PatrolReport> REPORT = (rs, n) -> new PatrolReport(
            new PatrolId(rs.getObject("patrol_id", UUID.class)), rs.getTimestamp("started_at").toInstant(),
            rs.getTimestamp("ended_at").toInstant(), rs.getString("places"), rs.getInt("citizen_contacts"),
            rs.getString("incidents"), rs.getString("measures"), rs.getString("written_by"),
            rs.getTimestamp("written_at").toInstant());

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> ANSWERS = new TypeReference<>() {
    };

    private static final RowMapper<PatrolObservation> OBSERVATION = (rs, n) -> {
        var area = rs.getObject("area_id", UUID.class);
        var report = rs.getObject("report_id", UUID.class);
        return new PatrolObservation(rs.getObject("id", UUID.class), new PatrolId(rs.getObject("patrol_id", UUID.class)),
                new CategoryId(rs.getObject("category_id", UUID.class)), area == null ? null : new PatrolAreaId(area),
                rs.getString("place"), rs.getString("description"), JSON.readValue(rs.getString("attributes"), ANSWERS),
                report == null ? null : new ReportId(report));
    };

    private final JdbcClient jdbc;

    PatrolReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<PatrolReport> report(PatrolId patrol) {
        return jdbc.sql("SELECT * FROM operations_patrol_report WHERE patrol_id = ?").param(patrol.value())
                .query(REPORT).optional();
    }

    /** Writes the report; a second one for the same patrol replaces the first (corrections after the fact). */
    void save(PatrolReport report) {
        jdbc.sql("""
                INSERT INTO operations_patrol_report (patrol_id, started_at, ended_at, places, citizen_contacts,
                                                      incidents, measures, written_by, written_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (patrol_id) DO UPDATE SET started_at = EXCLUDED.started_at, ended_at = EXCLUDED.ended_at,
                    places = EXCLUDED.places, citizen_contacts = EXCLUDED.citizen_contacts,
                    incidents = EXCLUDED.incidents, measures = EXCLUDED.measures, written_by = EXCLUDED.written_by,
                    written_at = EXCLUDED.written_at""")
                .params(report.patrol().value(), Timestamp.from(report.startedAt()), Timestamp.from(report.endedAt()),
                        report.places(), report.citizenContacts(), report.incidents(), report.measures(),
                        report.writtenBy(), Timestamp.from(report.writtenAt()))
                .update();
    }

    /** The reports of the partnership's patrols that start in [from, to), by patrol. */
    Map<PatrolId, PatrolReport> reports(PartnershipId partnership, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT r.* FROM operations_patrol_report r JOIN operations_patrol p ON p.id = r.patrol_id
                WHERE p.partnership_id = ? AND p.starts_at >= ? AND p.starts_at < ?""")
                .params(partnership.value(), Timestamp.from(from), Timestamp.from(to)).query(REPORT).stream()
                .collect(Collectors.toMap(PatrolReport::patrol, r -> r));
    }

    List<PatrolObservation> observations(PatrolId patrol) {
        return jdbc.sql("SELECT * FROM operations_patrol_observation WHERE patrol_id = ? ORDER BY written_at, id")
                .param(patrol.value()).query(OBSERVATION).list();
    }

    void insertObservation(PatrolObservation observation, String by, Instant now) {
        jdbc.sql("""
                INSERT INTO operations_patrol_observation (id, patrol_id, category_id, area_id, place, description,
                                                           attributes, written_by, written_at)
                VALUES (?, ?, ?, ?, ?, ?, CAST(? AS JSONB), ?, ?)""")
                .params(observation.id(), observation.patrol().value(), observation.category().value(),
                        observation.area() == null ? null : observation.area().value(), observation.place(),
                        observation.description(), JSON.writeValueAsString(observation.attributes()), by,
                        Timestamp.from(now))
                .update();
    }

    /** The observation, locked until the transaction ends, so that a double tap makes one report only. */
    Optional<PatrolObservation> lockObservation(PatrolId patrol, UUID id) {
        return jdbc.sql("SELECT * FROM operations_patrol_observation WHERE patrol_id = ? AND id = ? FOR UPDATE")
                .params(patrol.value(), id).query(OBSERVATION).optional();
    }

    /** Notes the report the observation became, with the answers it went with. */
    void markReported(UUID observation, ReportId report, Map<String, String> answers) {
        jdbc.sql("UPDATE operations_patrol_observation SET report_id = ?, attributes = CAST(? AS JSONB) WHERE id = ?")
                .params(report.value(), JSON.writeValueAsString(answers), observation).update();
    }
}

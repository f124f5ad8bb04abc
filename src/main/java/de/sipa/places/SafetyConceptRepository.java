package de.sipa.places;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.sipa.shared.OrganisationId;
import de.sipa.shared.PartnershipId;

@Repository
class SafetyConceptRepository {

    private static final RowMapper<Measure> MEASURE = (rs, n) -> {
        var starts = rs.getDate("starts_on");
        var ends = rs.getDate("ends_on");
        return new Measure(new MeasureId(rs.getObject("id", UUID.class)),
                new PlaceId(rs.getObject("place_id", UUID.class)), MeasureKind.valueOf(rs.getString("kind")),
                rs.getString("title"), rs.getString("description"), rs.getString("legal_basis"),
                new OrganisationId(rs.getObject("organisation_id", UUID.class)), rs.getObject("cost_euros", Long.class),
                starts == null ? null : starts.toLocalDate(), ends == null ? null : ends.toLocalDate(),
                MeasureStatus.valueOf(rs.getString("status")));
    };

    private final JdbcClient jdbc;

    SafetyConceptRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<String> goals(PlaceId place) {
        return jdbc.sql("SELECT text FROM places_goal WHERE place_id = ? ORDER BY position")
                .param(place.value()).query(String.class).list();
    }

    void replaceGoals(PlaceId place, List<String> goals) {
        jdbc.sql("DELETE FROM places_goal WHERE place_id = ?").param(place.value()).update();
        for (int i = 0; i < goals.size(); i++) {
            jdbc.sql("INSERT INTO places_goal (place_id, position, text) VALUES (?, ?, ?)")
                    .params(place.value(), i, goals.get(i)).update();
        }
    }

    /** The place's measures by start (undated last), then title. */
    List<Measure> measures(PartnershipId partnership, PlaceId place) {
        return jdbc.sql("""
                SELECT * FROM places_measure WHERE partnership_id = ? AND place_id = ?
                ORDER BY starts_on NULLS LAST, title""")
                .params(partnership.value(), place.value()).query(MEASURE).list();
    }

    Optional<Measure> measure(PartnershipId partnership, MeasureId id) {
        return jdbc.sql("SELECT * FROM places_measure WHERE partnership_id = ? AND id = ?")
                .params(partnership.value(), id.value()).query(MEASURE).optional();
    }

    void insert(PartnershipId partnership, Measure measure, Instant now) {
        jdbc.sql("""
                INSERT INTO places_measure (id, partnership_id, place_id, kind, title, description, legal_basis,
                    organisation_id, cost_euros, starts_on, ends_on, status, created_at, changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(measure.id().value(), partnership.value(), measure.place().value(), measure.kind().name(),
                        measure.title(), measure.description(), measure.legalBasis(), measure.organisation().value(),
                        measure.costEuros(), date(measure.startsOn()), date(measure.endsOn()), measure.status().name(),
                        Timestamp.from(now), Timestamp.from(now))
                .update();
    }

    void update(PartnershipId partnership, Measure measure, Instant now) {
        jdbc.sql("""
                UPDATE places_measure SET kind = ?, title = ?, description = ?, legal_basis = ?, organisation_id = ?,
                    cost_euros = ?, starts_on = ?, ends_on = ?, status = ?, changed_at = ?
                WHERE partnership_id = ? AND id = ?""")
                .params(measure.kind().name(), measure.title(), measure.description(), measure.legalBasis(),
                        measure.organisation().value(), measure.costEuros(), date(measure.startsOn()),
                        date(measure.endsOn()), measure.status().name(), Timestamp.from(now), partnership.value(),
                        measure.id().value())
                .update();
    }

    private static Date date(java.time.LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }
}

package de.sipa.operations;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.sipa.partners.DistrictId;
import de.sipa.shared.PartnershipId;

@Repository
class EventRepository {

    private static final RowMapper<Event> EVENT = (rs, n) -> {
        var district = rs.getObject("district_id", UUID.class);
        var attendance = rs.getObject("expected_attendance", Integer.class);
        return new Event(new EventId(rs.getObject("id", UUID.class)), EventType.valueOf(rs.getString("type")),
                rs.getString("name"), rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
                district == null ? null : new DistrictId(district), rs.getString("area"), attendance,
                RiskLevel.valueOf(rs.getString("risk_level")), rs.getString("risk_assessment"));
    };

    private final JdbcClient jdbc;

    EventRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Upcoming (not yet ended) events from the earliest, or past ones from the latest; optionally of one kind. */
    Page<Event> page(PartnershipId partnership, EventKind kind, boolean upcoming, Instant now, Pageable pageable) {
        var where = new StringBuilder(" WHERE partnership_id = :partnership AND ends_at ")
                .append(upcoming ? "> :now" : "<= :now");
        var params = new HashMap<String, Object>();
        params.put("partnership", partnership.value());
        params.put("now", Timestamp.from(now));
        if (kind != null) {
            where.append(" AND kind = :kind");
            params.put("kind", kind.name());
        }
        long total = jdbc.sql("SELECT count(*) FROM operations_event" + where).params(params).query(Long.class)
                .single();
        params.put("limit", pageable.getPageSize());
        params.put("offset", pageable.getOffset());
        var events = jdbc.sql("SELECT * FROM operations_event" + where + " ORDER BY starts_at "
                + (upcoming ? "ASC" : "DESC") + " LIMIT :limit OFFSET :offset").params(params).query(EVENT).list();
        return new PageImpl<>(events, pageable, total);
    }

    List<Event> all(PartnershipId partnership) {
        return jdbc.sql("SELECT * FROM operations_event WHERE partnership_id = ? ORDER BY starts_at DESC")
                .param(partnership.value()).query(EVENT).list();
    }

    Optional<Event> find(PartnershipId partnership, EventId id) {
        return jdbc.sql("SELECT * FROM operations_event WHERE partnership_id = ? AND id = ?")
                .params(partnership.value(), id.value()).query(EVENT).optional();
    }

    void insert(PartnershipId partnership, Event event, Instant now) {
        jdbc.sql("""
                INSERT INTO operations_event (id, partnership_id, type, kind, name, starts_at, ends_at, district_id,
                                              area, expected_attendance, risk_level, risk_assessment, created_at,
                                              updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(event.id().value(), partnership.value(), event.type().name(), event.kind().name(), event.name(),
                        Timestamp.from(event.startsAt()), Timestamp.from(event.endsAt()),
                        event.district() == null ? null : event.district().value(), event.area(),
                        event.expectedAttendance(), event.riskLevel().name(), event.riskAssessment(),
                        Timestamp.from(now), Timestamp.from(now))
                .update();
    }

    void update(PartnershipId partnership, Event event, Instant now) {
        jdbc.sql("""
                UPDATE operations_event SET type = ?, kind = ?, name = ?, starts_at = ?, ends_at = ?, district_id = ?,
                       area = ?, expected_attendance = ?, risk_level = ?, risk_assessment = ?, updated_at = ?
                WHERE partnership_id = ? AND id = ?""")
                .params(event.type().name(), event.kind().name(), event.name(), Timestamp.from(event.startsAt()),
                        Timestamp.from(event.endsAt()), event.district() == null ? null : event.district().value(),
                        event.area(), event.expectedAttendance(), event.riskLevel().name(), event.riskAssessment(),
                        Timestamp.from(now), partnership.value(), event.id().value())
                .update();
    }
}

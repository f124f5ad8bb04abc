package de.sipa.responsibilities;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import de.sipa.partners.DistrictId;
import de.sipa.shared.OrganisationId;
import de.sipa.shared.PartnershipId;

@Repository
class MatrixRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Resource>> RESOURCES = new TypeReference<>() {
    };

    private static final RowMapper<Topic> TOPIC = (rs, n) -> new Topic(new TopicId(rs.getObject("id", UUID.class)),
            rs.getString("name"), rs.getString("description"), rs.getString("legal_basis"), rs.getBoolean("active"));

    private static final RowMapper<TimeWindow> WINDOW = (rs, n) -> new TimeWindow(
            new TimeWindowId(rs.getObject("id", UUID.class)), rs.getString("name"),
            rs.getTime("starts_at").toLocalTime(), rs.getTime("ends_at").toLocalTime());

    private static final RowMapper<MatrixEntry> ENTRY = (rs, n) -> {
        var district = rs.getObject("district_id", UUID.class);
        var window = rs.getObject("time_window_id", UUID.class);
        return new MatrixEntry(new EntryId(rs.getObject("entry_id", UUID.class)),
                new TopicId(rs.getObject("topic_id", UUID.class)), district == null ? null : new DistrictId(district),
                window == null ? null : new TimeWindowId(window),
                new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                Responsibility.valueOf(rs.getString("responsibility")),
                JSON.readValue(rs.getString("resources"), RESOURCES), rs.getString("note"));
    };

    private static final RowMapper<MatrixChange> CHANGE = (rs, n) -> new MatrixChange(rs.getLong("id"),
            rs.getTimestamp("changed_at").toInstant(), rs.getString("actor"), rs.getString("reason"),
            rs.getObject("review_id", UUID.class));

    private final JdbcClient jdbc;

    MatrixRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Topic> topics(PartnershipId partnership) {
        return jdbc.sql("SELECT * FROM responsibilities_topic WHERE partnership_id = ? ORDER BY lower(name)")
                .param(partnership.value()).query(TOPIC).list();
    }

    Optional<Topic> topic(PartnershipId partnership, TopicId id) {
        return jdbc.sql("SELECT * FROM responsibilities_topic WHERE partnership_id = ? AND id = ?")
                .params(partnership.value(), id.value()).query(TOPIC).optional();
    }

    boolean topicNameTaken(PartnershipId partnership, String name, TopicId except) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM responsibilities_topic WHERE partnership_id = ? AND lower(name) = lower(?) AND id <> ?)")
                .params(partnership.value(), name.strip(), except.value()).query(Boolean.class).single();
    }

    void insertTopic(PartnershipId partnership, TopicId id, TopicDetails details) {
        jdbc.sql("INSERT INTO responsibilities_topic (id, partnership_id, name, description, legal_basis, active) VALUES (?, ?, ?, ?, ?, ?)")
                .params(id.value(), partnership.value(), details.name().strip(), blankToNull(details.description()),
                        blankToNull(details.legalBasis()), details.active())
                .update();
    }

    void updateTopic(PartnershipId partnership, TopicId id, TopicDetails details) {
        jdbc.sql("UPDATE responsibilities_topic SET name = ?, description = ?, legal_basis = ?, active = ? WHERE partnership_id = ? AND id = ?")
                .params(details.name().strip(), blankToNull(details.description()), blankToNull(details.legalBasis()),
                        details.active(), partnership.value(), id.value())
                .update();
    }

    List<TimeWindow> timeWindows(PartnershipId partnership) {
        return jdbc.sql("SELECT * FROM responsibilities_time_window WHERE partnership_id = ? ORDER BY starts_at, name")
                .param(partnership.value()).query(WINDOW).list();
    }

    void insertTimeWindow(PartnershipId partnership, TimeWindow window) {
        jdbc.sql("INSERT INTO responsibilities_time_window (id, partnership_id, name, starts_at, ends_at) VALUES (?, ?, ?, ?, ?)")
                .params(window.id().value(), partnership.value(), window.name().strip(),
                        java.sql.Time.valueOf(window.startsAt()), java.sql.Time.valueOf(window.endsAt()))
                .update();
    }

    long insertChange(PartnershipId partnership, Instant at, String actor, String reason, UUID review) {
        return jdbc.sql("""
                INSERT INTO responsibilities_change (partnership_id, changed_at, actor, reason, review_id)
                VALUES (?, ?, ?, ?, ?) RETURNING id""")
                .params(partnership.value(), Timestamp.from(at), actor, reason, review).query(Long.class).single();
    }

    /** The entries valid at the instant; the current ones for {@code null}. */
    List<MatrixEntry> entries(PartnershipId partnership, Instant asOf) {
        if (asOf == null) {
            return jdbc.sql("SELECT * FROM responsibilities_entry WHERE partnership_id = ? AND valid_to IS NULL ORDER BY id")
                    .param(partnership.value()).query(ENTRY).list();
        }
        return jdbc.sql("""
                SELECT * FROM responsibilities_entry WHERE partnership_id = ? AND valid_from <= ?
                   AND (valid_to IS NULL OR valid_to > ?) ORDER BY id""")
                .params(partnership.value(), Timestamp.from(asOf), Timestamp.from(asOf)).query(ENTRY).list();
    }

    Optional<MatrixEntry> currentEntry(PartnershipId partnership, EntryId id) {
        return jdbc.sql("SELECT * FROM responsibilities_entry WHERE partnership_id = ? AND entry_id = ? AND valid_to IS NULL")
                .params(partnership.value(), id.value()).query(ENTRY).optional();
    }

    void startEntry(PartnershipId partnership, MatrixEntry entry, Instant at, long change) {
        jdbc.sql("""
                INSERT INTO responsibilities_entry (entry_id, partnership_id, topic_id, district_id, time_window_id,
                       organisation_id, responsibility, resources, note, valid_from, started_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS JSONB), ?, ?, ?)""")
                .params(entry.id().value(), partnership.value(), entry.topic().value(),
                        entry.district() == null ? null : entry.district().value(),
                        entry.timeWindow() == null ? null : entry.timeWindow().value(),
                        entry.organisation().value(), entry.responsibility().name(),
                        JSON.writeValueAsString(entry.resources()), blankToNull(entry.note()), Timestamp.from(at), change)
                .update();
    }

    void endEntry(PartnershipId partnership, EntryId id, Instant at, long change) {
        jdbc.sql("UPDATE responsibilities_entry SET valid_to = ?, ended_by = ? WHERE partnership_id = ? AND entry_id = ? AND valid_to IS NULL")
                .params(Timestamp.from(at), change, partnership.value(), id.value()).update();
    }

    List<MatrixChange> changes(PartnershipId partnership, int limit, long offset) {
        return jdbc.sql("SELECT * FROM responsibilities_change WHERE partnership_id = ? ORDER BY changed_at DESC, id DESC LIMIT ? OFFSET ?")
                .params(partnership.value(), limit, offset).query(CHANGE).list();
    }

    long changeCount(PartnershipId partnership) {
        return jdbc.sql("SELECT count(*) FROM responsibilities_change WHERE partnership_id = ?")
                .param(partnership.value()).query(Long.class).single();
    }

    /** The entry versions a change started and ended, to show what it did. */
    List<MatrixEntry> startedBy(PartnershipId partnership, long change) {
        return jdbc.sql("SELECT * FROM responsibilities_entry WHERE partnership_id = ? AND started_by = ? ORDER BY id")
                .params(partnership.value(), change).query(ENTRY).list();
    }

    List<MatrixEntry> endedBy(PartnershipId partnership, long change) {
        return jdbc.sql("SELECT * FROM responsibilities_entry WHERE partnership_id = ? AND ended_by = ? ORDER BY id")
                .params(partnership.value(), change).query(ENTRY).list();
    }

    /** The newest change of every partnership, to notice changes made by other instances. */
    java.util.Map<UUID, Long> latestChanges() {
        var latest = new java.util.HashMap<UUID, Long>();
        jdbc.sql("SELECT partnership_id, max(id) AS latest FROM responsibilities_change GROUP BY partnership_id")
                .query(rs -> {
                    latest.put(rs.getObject("partnership_id", UUID.class), rs.getLong("latest"));
                });
        return latest;
    }

    void insertFlag(PartnershipId partnership, ReviewFlag flag) {
        jdbc.sql("""
                INSERT INTO responsibilities_flag (partnership_id, topic_id, district_id, organisation_id, reason, source, flagged_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(partnership.value(), flag.topic().value(), flag.district() == null ? null : flag.district().value(),
                        flag.organisation() == null ? null : flag.organisation().value(), flag.reason(), flag.source(),
                        Timestamp.from(flag.flaggedAt()))
                .update();
    }

    List<ReviewFlag> flags(PartnershipId partnership) {
        return jdbc.sql("SELECT * FROM responsibilities_flag WHERE partnership_id = ? ORDER BY flagged_at DESC LIMIT 200")
                .param(partnership.value())
                .query((rs, n) -> {
                    var district = rs.getObject("district_id", UUID.class);
                    var organisation = rs.getObject("organisation_id", UUID.class);
                    return new ReviewFlag(new TopicId(rs.getObject("topic_id", UUID.class)),
                            district == null ? null : new DistrictId(district),
                            organisation == null ? null : new OrganisationId(organisation), rs.getString("reason"),
                            rs.getString("source"), rs.getTimestamp("flagged_at").toInstant());
                })
                .list();
    }

    Optional<PartnershipId> partnershipOf(TopicId topic) {
        return jdbc.sql("SELECT partnership_id FROM responsibilities_topic WHERE id = ?").param(topic.value())
                .query((rs, n) -> new PartnershipId(rs.getObject(1, UUID.class))).optional();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

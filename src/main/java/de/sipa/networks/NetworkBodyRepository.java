package de.sipa.networks;

import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.sipa.shared.PartnershipId;

/**
 * The networks' bodies and meetings. No query names a partnership: row-level security (V114) shows the acting
 * partnership its own bodies and, read-only, those of the networks it is a member of, and lets only the host write.
 */
@Repository
class NetworkBodyRepository {

    private static final RowMapper<NetworkBody> BODY = (rs, n) -> new NetworkBody(rs.getObject("id", UUID.class),
            new PartnershipId(rs.getObject("partnership_id", UUID.class)),
            new NetworkId(rs.getObject("network_id", UUID.class)), rs.getString("name"), rs.getString("purpose"));
    private static final RowMapper<NetworkMeeting> MEETING = (rs, n) -> new NetworkMeeting(
            rs.getObject("id", UUID.class), rs.getObject("body_id", UUID.class),
            rs.getTimestamp("starts_at").toInstant(), rs.getString("location"),
            Arrays.stream(rs.getString("agenda").split("\n")).map(String::strip).filter(l -> !l.isEmpty()).toList(),
            rs.getString("minutes"));

    private final JdbcClient jdbc;

    NetworkBodyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<NetworkBody> bodies() {
        return jdbc.sql("SELECT * FROM networks_body ORDER BY name, id").query(BODY).list();
    }

    Optional<NetworkBody> body(UUID id) {
        return jdbc.sql("SELECT * FROM networks_body WHERE id = ?").param(id).query(BODY).optional();
    }

    Optional<String> networkName(NetworkId network) {
        return jdbc.sql("SELECT name FROM networks_network WHERE id = ?").param(network.value()).query(String.class)
                .optional();
    }

    void insert(NetworkBody body) {
        jdbc.sql("INSERT INTO networks_body (id, partnership_id, network_id, name, purpose) VALUES (?, ?, ?, ?, ?)")
                .params(body.id(), body.host().value(), body.network().value(), body.name(), body.purpose()).update();
    }

    List<NetworkMeeting> meetings(UUID body) {
        return jdbc.sql("SELECT * FROM networks_meeting WHERE body_id = ? ORDER BY starts_at DESC").param(body)
                .query(MEETING).list();
    }

    Optional<NetworkMeeting> meeting(UUID id) {
        return jdbc.sql("SELECT * FROM networks_meeting WHERE id = ?").param(id).query(MEETING).optional();
    }

    void insert(PartnershipId host, NetworkMeeting meeting) {
        jdbc.sql("""
                INSERT INTO networks_meeting (id, partnership_id, body_id, starts_at, location, agenda, minutes)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(meeting.id(), host.value(), meeting.body(), Timestamp.from(meeting.startsAt()),
                        meeting.location(), String.join("\n", meeting.agenda()), meeting.minutes())
                .update();
    }

    void minutes(UUID meeting, String minutes) {
        jdbc.sql("UPDATE networks_meeting SET minutes = ? WHERE id = ?").params(minutes, meeting).update();
    }
}

package de.sipa.reports.open311;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.sipa.shared.PartnershipId;

@Repository
class ApiClientRepository {

    private static final RowMapper<ApiClient> CLIENT = (rs, n) -> new ApiClient(rs.getObject("id", UUID.class),
            rs.getString("name"), rs.getBoolean("active"), rs.getTimestamp("created_at").toInstant());

    private final JdbcClient jdbc;

    ApiClientRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(PartnershipId partnership, UUID id, String name, String keyHash, Instant now) {
        jdbc.sql("""
                INSERT INTO reports_api_client (id, partnership_id, name, key_hash, active, created_at)
                VALUES (?, ?, ?, ?, TRUE, ?)""")
                .params(id, partnership.value(), name, keyHash, Timestamp.from(now)).update();
    }

    List<ApiClient> all(PartnershipId partnership) {
        return jdbc.sql("SELECT * FROM reports_api_client WHERE partnership_id = ? ORDER BY active DESC, created_at DESC")
                .param(partnership.value()).query(CLIENT).list();
    }

    boolean exists(String keyHash) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM reports_api_client WHERE key_hash = ?)").param(keyHash)
                .query(Boolean.class).single();
    }

    Optional<ApiClient> findActive(PartnershipId partnership, String keyHash) {
        return jdbc.sql("SELECT * FROM reports_api_client WHERE partnership_id = ? AND key_hash = ? AND active")
                .params(partnership.value(), keyHash).query(CLIENT).optional();
    }

    int deactivate(PartnershipId partnership, UUID id) {
        return jdbc.sql("UPDATE reports_api_client SET active = FALSE WHERE partnership_id = ? AND id = ?")
                .params(partnership.value(), id).update();
    }
}

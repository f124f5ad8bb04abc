package de.sipa.partners;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.sipa.shared.PartnershipId;

@Repository
class PartnershipRepository {

    private static final RowMapper<Partnership> PARTNERSHIP = (rs, n) -> new Partnership(
            new PartnershipId(rs.getObject("id", UUID.class)), rs.getString("slug"), rs.getString("name"));
    private static final RowMapper<District> DISTRICT = (rs, n) -> new District(
            new DistrictId(rs.getObject("id", UUID.class)), rs.getString("name"), rs.getInt("position"),
            rs.getString("boundary"));

    private final JdbcClient jdbc;

    PartnershipRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Partnership partnership) {
        jdbc.sql("INSERT INTO partners_partnership (id, slug, name) VALUES (?, ?, ?)")
                .params(partnership.id().value(), partnership.slug(), partnership.name()).update();
    }

    Optional<Partnership> find(PartnershipId id) {
        return jdbc.sql("SELECT * FROM partners_partnership WHERE id = ?").param(id.value()).query(PARTNERSHIP)
                .optional();
    }

    Optional<Partnership> findBySlug(String slug) {
        return jdbc.sql("SELECT * FROM partners_partnership WHERE slug = ?").param(slug).query(PARTNERSHIP).optional();
    }

    List<Partnership> all() {
        return jdbc.sql("SELECT * FROM partners_partnership ORDER BY name").query(PARTNERSHIP).list();
    }

    List<Published<Partnership>> published() {
        return jdbc.sql("SELECT * FROM partners_partnership ORDER BY created_at, id")
                .query((rs, n) -> new Published<>(PARTNERSHIP.mapRow(rs, n), rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("updated_at").toInstant()))
                .list();
    }

    void insertDistrict(PartnershipId partnership, District district) {
        jdbc.sql("INSERT INTO partners_district (id, partnership_id, name, position, boundary) VALUES (?, ?, ?, ?, CAST(? AS JSONB))")
                .params(district.id().value(), partnership.value(), district.name(), district.position(),
                        district.boundary())
                .update();
    }

    List<District> districts(PartnershipId partnership) {
        return jdbc.sql("SELECT * FROM partners_district WHERE partnership_id = ? ORDER BY position, name")
                .param(partnership.value()).query(DISTRICT).list();
    }

    Optional<District> district(PartnershipId partnership, DistrictId id) {
        return jdbc.sql("SELECT * FROM partners_district WHERE partnership_id = ? AND id = ?")
                .params(partnership.value(), id.value()).query(DISTRICT).optional();
    }

    void updateBoundary(PartnershipId partnership, DistrictId id, String boundary) {
        jdbc.sql("UPDATE partners_district SET boundary = CAST(? AS JSONB) WHERE partnership_id = ? AND id = ?")
                .params(boundary, partnership.value(), id.value()).update();
    }
}

package de.sipa.partners;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.sipa.shared.FederalState;
import de.sipa.shared.Images;
import de.sipa.shared.PartnershipId;
import de.sipa.shared.ShortLivedCache;

@Repository
class PartnershipRepository {

    private static final RowMapper<Partnership> PARTNERSHIP = (rs, n) -> new Partnership(
            new PartnershipId(rs.getObject("id", UUID.class)), rs.getString("slug"), rs.getString("name"),
            FederalState.valueOf(rs.getString("federal_state")));
    private static final RowMapper<District> DISTRICT = (rs, n) -> new District(
            new DistrictId(rs.getObject("id", UUID.class)), rs.getString("name"), rs.getInt("position"),
            rs.getString("boundary"));

    /**
     * How long another instance's change of a partnership or its districts may go unseen here: public intake reads
     * both on every report (the Open311 POST three times), and they change a few times a year.
     */
    static final Duration CACHED = Duration.ofSeconds(5);
    private static final String ALL = "all";

    private final JdbcClient jdbc;
    private final ShortLivedCache<String, List<Partnership>> partnerships = new ShortLivedCache<>(CACHED);
    private final ShortLivedCache<PartnershipId, List<District>> districts = new ShortLivedCache<>(CACHED);

    PartnershipRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Partnership partnership) {
        jdbc.sql("INSERT INTO partners_partnership (id, slug, name, federal_state) VALUES (?, ?, ?, ?)")
                .params(partnership.id().value(), partnership.slug(), partnership.name(),
                        partnership.federalState().name())
                .update();
        partnerships.changed(ALL);
    }

    Optional<FederalState> federalState(PartnershipId id) {
        return jdbc.sql("SELECT federal_state FROM partners_partnership WHERE id = ?").param(id.value())
                .query((rs, n) -> FederalState.valueOf(rs.getString(1))).optional();
    }

    /** {@link #federalState} as it was at most {@link #CACHED} ago, for public intake. */
    Optional<FederalState> federalStateCached(PartnershipId id) {
        return cachedAll().stream().filter(p -> p.id().equals(id)).map(Partnership::federalState).findFirst();
    }

    void updateFederalState(PartnershipId id, FederalState state) {
        jdbc.sql("UPDATE partners_partnership SET federal_state = ? WHERE id = ?").params(state.name(), id.value())
                .update();
        partnerships.changed(ALL);
    }

    Optional<Partnership> find(PartnershipId id) {
        return jdbc.sql("SELECT * FROM partners_partnership WHERE id = ?").param(id.value()).query(PARTNERSHIP)
                .optional();
    }

    Optional<Partnership> findBySlug(String slug) {
        return jdbc.sql("SELECT * FROM partners_partnership WHERE slug = ?").param(slug).query(PARTNERSHIP).optional();
    }

    /** {@link #findBySlug} as it was at most {@link #CACHED} ago, for public requests naming their partnership. */
    Optional<Partnership> findBySlugCached(String slug) {
        return cachedAll().stream().filter(p -> p.slug().equals(slug)).findFirst();
    }

    List<Partnership> all() {
        return jdbc.sql("SELECT * FROM partners_partnership ORDER BY name").query(PARTNERSHIP).list();
    }

    /** {@link #all} as it was at most {@link #CACHED} ago. */
    List<Partnership> cachedAll() {
        return partnerships.get(ALL, key -> List.copyOf(all()));
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
        districts.changed(partnership);
    }

    List<District> districts(PartnershipId partnership) {
        return jdbc.sql("SELECT * FROM partners_district WHERE partnership_id = ? ORDER BY position, name")
                .param(partnership.value()).query(DISTRICT).list();
    }

    /** {@link #districts} as they were at most {@link #CACHED} ago, for public intake (locating a report). */
    List<District> districtsCached(PartnershipId partnership) {
        return districts.get(partnership, p -> List.copyOf(districts(p)));
    }

    Optional<District> district(PartnershipId partnership, DistrictId id) {
        return jdbc.sql("SELECT * FROM partners_district WHERE partnership_id = ? AND id = ?")
                .params(partnership.value(), id.value()).query(DISTRICT).optional();
    }

    Optional<Images.Image> logo(PartnershipId partnership) {
        return jdbc.sql("SELECT content_type, data FROM partners_partnership_logo WHERE partnership_id = ?")
                .param(partnership.value())
                .query((rs, n) -> new Images.Image(rs.getString("content_type"), rs.getBytes("data"))).optional();
    }

    void saveLogo(PartnershipId partnership, Images.Image logo, String uploadedBy, Instant at) {
        jdbc.sql("""
                INSERT INTO partners_partnership_logo (partnership_id, content_type, data, uploaded_by, uploaded_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (partnership_id) DO UPDATE SET content_type = EXCLUDED.content_type, data = EXCLUDED.data,
                    uploaded_by = EXCLUDED.uploaded_by, uploaded_at = EXCLUDED.uploaded_at""")
                .params(partnership.value(), logo.contentType(), logo.data(), uploadedBy, Timestamp.from(at)).update();
    }

    boolean removeLogo(PartnershipId partnership) {
        return jdbc.sql("DELETE FROM partners_partnership_logo WHERE partnership_id = ?").param(partnership.value())
                .update() > 0;
    }

    void updateBoundary(PartnershipId partnership, DistrictId id, String boundary) {
        jdbc.sql("UPDATE partners_district SET boundary = CAST(? AS JSONB) WHERE partnership_id = ? AND id = ?")
                .params(boundary, partnership.value(), id.value()).update();
        districts.changed(partnership);
    }
}

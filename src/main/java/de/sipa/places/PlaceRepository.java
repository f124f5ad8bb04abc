package de.sipa.places;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.sipa.partners.DistrictId;
import de.sipa.shared.OrganisationId;
import de.sipa.shared.PartnershipId;

@Repository
class PlaceRepository {

    private static final RowMapper<Place> PLACE = (rs, n) -> {
        var district = rs.getObject("district_id", UUID.class);
        var owner = rs.getObject("owner_organisation_id", UUID.class);
        return new Place(new PlaceId(rs.getObject("id", UUID.class)), rs.getString("name"),
                district == null ? null : new DistrictId(district), Deficit.valueOf(rs.getString("deficit")),
                rs.getString("description"), owner == null ? null : new OrganisationId(owner),
                rs.getString("owner_name"), PlaceStatus.valueOf(rs.getString("status")),
                PlaceOrigin.valueOf(rs.getString("origin")),
                PlaceShape.of(rs.getString("geometry"), rs.getObject("radius_metres", Integer.class)),
                rs.getBoolean("published"), rs.getTimestamp("created_at").toInstant());
    };

    private final JdbcClient jdbc;

    PlaceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Place> all(PartnershipId partnership) {
        return jdbc.sql("SELECT * FROM places_place WHERE partnership_id = ? ORDER BY name")
                .param(partnership.value()).query(PLACE).list();
    }

    /** The places whose area's bounding box meets the box {west, south, east, north}. */
    List<Place> within(PartnershipId partnership, double[] box) {
        return jdbc.sql("""
                SELECT * FROM places_place
                WHERE partnership_id = ? AND east >= ? AND west <= ? AND north >= ? AND south <= ?
                ORDER BY name""")
                .params(partnership.value(), box[0], box[2], box[1], box[3]).query(PLACE).list();
    }

    Optional<Place> find(PartnershipId partnership, PlaceId id) {
        return jdbc.sql("SELECT * FROM places_place WHERE partnership_id = ? AND id = ?")
                .params(partnership.value(), id.value()).query(PLACE).optional();
    }

    boolean nameTaken(PartnershipId partnership, String name, PlaceId except) {
        return jdbc.sql("SELECT count(*) FROM places_place WHERE partnership_id = ? AND lower(name) = lower(?) AND id <> ?")
                .params(partnership.value(), name, except.value()).query(Long.class).single() > 0;
    }

    void insert(PartnershipId partnership, Place place, Instant now) {
        double[] box = place.shape().area().bounds();
        jdbc.sql("""
                INSERT INTO places_place (id, partnership_id, name, district_id, deficit, description,
                    owner_organisation_id, owner_name, status, origin, geometry, radius_metres,
                    west, south, east, north, published, created_at, changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(place.id().value(), partnership.value(), place.name(),
                        place.district() == null ? null : place.district().value(), place.deficit().name(),
                        place.description(), place.ownerOrganisation() == null ? null : place.ownerOrganisation().value(),
                        place.ownerName(), place.status().name(), place.origin().name(), place.shape().geometry(),
                        place.shape().radiusMetres(), box[0], box[1], box[2], box[3], place.published(),
                        Timestamp.from(now), Timestamp.from(now))
                .update();
    }

    void update(PartnershipId partnership, Place place, Instant now) {
        double[] box = place.shape().area().bounds();
        jdbc.sql("""
                UPDATE places_place SET name = ?, district_id = ?, deficit = ?, description = ?,
                    owner_organisation_id = ?, owner_name = ?, status = ?, geometry = ?, radius_metres = ?,
                    west = ?, south = ?, east = ?, north = ?, published = ?, changed_at = ?
                WHERE partnership_id = ? AND id = ?""")
                .params(place.name(), place.district() == null ? null : place.district().value(),
                        place.deficit().name(), place.description(),
                        place.ownerOrganisation() == null ? null : place.ownerOrganisation().value(),
                        place.ownerName(), place.status().name(), place.shape().geometry(),
                        place.shape().radiusMetres(), box[0], box[1], box[2], box[3], place.published(),
                        Timestamp.from(now), partnership.value(), place.id().value())
                .update();
    }
}

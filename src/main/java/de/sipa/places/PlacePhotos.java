package de.sipa.places;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.shared.Images;
import de.sipa.shared.NotFoundException;

/**
 * Photos of a place and of its site audits: JPEG or PNG up to {@link #MAX_BYTES}, re-encoded by {@link Images} (no
 * EXIF, no GPS position) and scaled down to {@link #MAX_SIDE} pixels, as report photos are.
 */
@Service
@Transactional
public class PlacePhotos {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    static final int MAX_SIDE = 2048;

    private final Places places;
    private final JdbcClient jdbc;
    private final AuditTrail auditTrail;
    private final Clock clock;

    PlacePhotos(Places places, JdbcClient jdbc, AuditTrail auditTrail, Clock clock) {
        this.places = places;
        this.jdbc = jdbc;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    public record Photo(UUID id, String contentType, byte[] data) {
    }

    /** One photo's place in a list: who took it in and when, and the audit criterion it belongs to, if any. */
    public record PhotoInfo(UUID id, String createdBy, java.time.Instant createdAt, UUID audit, String criterion) {
    }

    /** Adds a photo to the place itself. */
    @PreAuthorize(PlacePermissions.EDIT)
    public UUID attach(PlaceId place, byte[] image) {
        return attach(place, null, null, image);
    }

    /** Adds a photo taken on a site audit for one criterion (or for the place when both are {@code null}). */
    @PreAuthorize(PlacePermissions.EDIT)
    UUID attach(PlaceId place, SiteAuditId audit, AuditCriterion criterion, byte[] image) {
        var found = places.place(place); // refuses another partnership's place
        var checked = Images.reencoded(image, MAX_BYTES, MAX_SIDE, MAX_SIDE, "place.photo");
        var id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO places_photo (id, place_id, audit_id, criterion, content_type, data, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, place.value(), audit == null ? null : audit.value(),
                        criterion == null ? null : criterion.name(), checked.contentType(), checked.data(),
                        CurrentUser.get().displayName(), Timestamp.from(clock.instant()))
                .update();
        auditTrail.record(AuditAction.CHANGED, "Place", place,
                auditTrail.summary("audit.place.photoAdded", found.name()));
        return id;
    }

    /** The photos of the place itself (not those of its audits), oldest first. */
    @PreAuthorize(PlacePermissions.READ)
    @Transactional(readOnly = true)
    public List<PhotoInfo> photos(PlaceId place) {
        places.place(place);
        return jdbc.sql("""
                SELECT id, created_by, created_at, audit_id, criterion FROM places_photo
                WHERE place_id = ? AND audit_id IS NULL ORDER BY created_at, id""")
                .param(place.value()).query(PlacePhotos::info).list();
    }

    /** The photos of one site audit, oldest first. */
    @PreAuthorize(PlacePermissions.READ)
    @Transactional(readOnly = true)
    List<PhotoInfo> photosOf(PlaceId place, SiteAuditId audit) {
        places.place(place);
        return jdbc.sql("""
                SELECT id, created_by, created_at, audit_id, criterion FROM places_photo
                WHERE place_id = ? AND audit_id = ? ORDER BY created_at, id""")
                .params(place.value(), audit.value()).query(PlacePhotos::info).list();
    }

    @PreAuthorize(PlacePermissions.READ)
    @Transactional(readOnly = true)
    public Optional<Photo> photo(PlaceId place, UUID id) {
        places.place(place);
        return jdbc.sql("SELECT id, content_type, data FROM places_photo WHERE id = ? AND place_id = ?")
                .params(id, place.value())
                .query((rs, n) -> new Photo(rs.getObject("id", UUID.class), rs.getString("content_type"),
                        rs.getBytes("data")))
                .optional();
    }

    @PreAuthorize(PlacePermissions.EDIT)
    public void delete(PlaceId place, UUID id) {
        var found = places.place(place);
        if (jdbc.sql("DELETE FROM places_photo WHERE id = ? AND place_id = ?").params(id, place.value()).update() == 0) {
            throw new NotFoundException("Photo", id);
        }
        auditTrail.record(AuditAction.CHANGED, "Place", place,
                auditTrail.summary("audit.place.photoDeleted", found.name()));
    }

    private static PhotoInfo info(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new PhotoInfo(rs.getObject("id", UUID.class), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getObject("audit_id", UUID.class),
                rs.getString("criterion"));
    }
}

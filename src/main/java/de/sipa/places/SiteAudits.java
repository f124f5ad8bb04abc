package de.sipa.places;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.RuleViolationException;

/**
 * The site audits of a place: one is started with its day and participants, then each criterion is saved on its
 * own as it is walked, so that a dropped connection costs at most the criterion being typed.
 */
@Service
@Transactional
public class SiteAudits {

    static final int MAX_NOTE = 4000;
    static final int MAX_PARTICIPANTS = 500;

    private final Places places;
    private final JdbcClient jdbc;
    private final AuditTrail auditTrail;
    private final Clock clock;

    SiteAudits(Places places, JdbcClient jdbc, AuditTrail auditTrail, Clock clock) {
        this.places = places;
        this.jdbc = jdbc;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    @PreAuthorize(PlacePermissions.EDIT)
    public SiteAuditId start(PlaceId place, LocalDate walkedOn, String participants) {
        var found = places.place(place);
        if (walkedOn == null || walkedOn.isAfter(LocalDate.now(clock))) {
            throw new RuleViolationException("siteAudit.walkedOn.invalid");
        }
        String who = participants == null ? "" : participants.strip();
        if (who.length() > MAX_PARTICIPANTS) {
            throw new RuleViolationException("siteAudit.participants.tooLong", MAX_PARTICIPANTS);
        }
        var id = SiteAuditId.random();
        jdbc.sql("""
                INSERT INTO places_site_audit (id, place_id, walked_on, participants, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(id.value(), place.value(), walkedOn, who, CurrentUser.get().displayName(),
                        Timestamp.from(clock.instant()))
                .update();
        auditTrail.record(AuditAction.CREATED, "SiteAudit", id,
                auditTrail.summary("audit.siteAudit.started", found.name(), walkedOn));
        return id;
    }

    /** Saves one criterion's rating and note; saving it again replaces it. */
    @PreAuthorize(PlacePermissions.EDIT)
    public void rate(PlaceId place, SiteAuditId audit, AuditCriterion criterion, AuditRating rating, String note) {
        audit(place, audit);
        if (criterion == null || rating == null) {
            throw new RuleViolationException("siteAudit.rating.required");
        }
        String text = note == null ? "" : note.strip();
        if (text.length() > MAX_NOTE) {
            throw new RuleViolationException("siteAudit.note.tooLong", MAX_NOTE);
        }
        jdbc.sql("""
                INSERT INTO places_audit_rating (audit_id, criterion, rating, note, rated_by, rated_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (audit_id, criterion) DO UPDATE SET rating = EXCLUDED.rating, note = EXCLUDED.note,
                    rated_by = EXCLUDED.rated_by, rated_at = EXCLUDED.rated_at""")
                .params(audit.value(), criterion.name(), rating.name(), text, CurrentUser.get().displayName(),
                        Timestamp.from(clock.instant()))
                .update();
    }

    /** The place's audits, the earliest first, as the comparison shows them side by side. */
    @PreAuthorize(PlacePermissions.READ)
    @Transactional(readOnly = true)
    public List<SiteAudit> audits(PlaceId place) {
        places.place(place); // refuses another partnership's place
        var audits = new LinkedHashMap<UUID, SiteAudit>();
        jdbc.sql("SELECT * FROM places_site_audit WHERE place_id = ? ORDER BY walked_on, created_at")
                .param(place.value())
                .query(rs -> {
                    var id = rs.getObject("id", UUID.class);
                    audits.put(id, new SiteAudit(new SiteAuditId(id), place, rs.getObject("walked_on", LocalDate.class),
                            rs.getString("participants"), rs.getString("created_by"),
                            rs.getTimestamp("created_at").toInstant(), new EnumMap<>(AuditCriterion.class)));
                });
        if (!audits.isEmpty()) {
            jdbc.sql("SELECT * FROM places_audit_rating WHERE audit_id = ANY (?)")
                    .param(audits.keySet().toArray(UUID[]::new))
                    .query(rs -> {
                        audits.get(rs.getObject("audit_id", UUID.class)).ratings().put(
                                AuditCriterion.valueOf(rs.getString("criterion")),
                                new SiteAudit.Rated(AuditRating.valueOf(rs.getString("rating")), rs.getString("note"),
                                        rs.getString("rated_by"), rs.getTimestamp("rated_at").toInstant()));
                    });
        }
        return new ArrayList<>(audits.values());
    }

    @PreAuthorize(PlacePermissions.READ)
    @Transactional(readOnly = true)
    public SiteAudit audit(PlaceId place, SiteAuditId id) {
        return audits(place).stream().filter(a -> a.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("SiteAudit", id));
    }
}

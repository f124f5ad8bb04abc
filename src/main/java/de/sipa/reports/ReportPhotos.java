package de.sipa.reports;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.CurrentUser;
import de.sipa.shared.Images;
import de.sipa.shared.RuleViolationException;

/**
 * Photos citizens send with a report: JPEG or PNG up to {@link #MAX_BYTES}, re-encoded by {@link Images} so that
 * nothing of the original file but its pixels is kept (no EXIF, no GPS position, no hidden payload), and scaled down
 * to {@link #MAX_SIDE} pixels on the longer side.
 */
@Service
@Transactional
public class ReportPhotos {

    public static final int MAX_BYTES = 5 * 1024 * 1024;

    /** Photos are kept at most this wide and high: enough to see a defect, a fraction of a camera's original. */
    static final int MAX_SIDE = 2048;

    private final JdbcClient jdbc;
    private final Clock clock;

    ReportPhotos(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Photo(UUID id, String contentType, byte[] data) {
    }

    /**
     * Adds a photo to a report just taken in, in the same transaction as {@link Reports#submit}.
     *
     * @throws RuleViolationException {@code report.photo.tooLarge} or {@code report.photo.invalid}
     */
    public UUID attach(ReportId report, byte[] image) {
        var photo = reencoded(image);
        var id = UUID.randomUUID();
        jdbc.sql("INSERT INTO reports_photo (id, report_id, content_type, data, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(id, report.value(), photo.contentType(), photo.data(), Timestamp.from(clock.instant()))
                .update();
        return id;
    }

    /** A photo of a report the public may see: not waiting for moderation, and approved for the public. */
    @Transactional(readOnly = true)
    public Optional<Photo> publicPhoto(UUID id) {
        return jdbc.sql("""
                SELECT p.id, p.content_type, p.data FROM reports_photo p JOIN reports_report r ON r.id = p.report_id
                WHERE p.id = ? AND r.public_id IS NOT NULL AND r.status <> 'MODERATION'
                  AND r.text_moderation = 'APPROVED'""")
                .param(id)
                .query((rs, n) -> new Photo(rs.getObject("id", UUID.class), rs.getString("content_type"),
                        rs.getBytes("data")))
                .optional();
    }

    /**
     * The photos of reports of the current partnership by report, oldest first: for the staff, who see them before
     * the public does (the coordinator approves them with the text).
     */
    @PreAuthorize(ReportPermissions.READ)
    @Transactional(readOnly = true)
    public Map<ReportId, List<UUID>> idsOf(Collection<ReportId> reports) {
        var ids = new LinkedHashMap<ReportId, List<UUID>>();
        if (reports.isEmpty()) {
            return ids;
        }
        jdbc.sql("""
                SELECT p.report_id, p.id FROM reports_photo p JOIN reports_report r ON r.id = p.report_id
                WHERE r.partnership_id = ? AND p.report_id = ANY (?) ORDER BY p.created_at, p.id""")
                .params(CurrentUser.partnership().value(),
                        reports.stream().map(ReportId::value).toArray(UUID[]::new))
                .query(rs -> {
                    ids.computeIfAbsent(new ReportId(rs.getObject(1, UUID.class)), k -> new ArrayList<>())
                            .add(rs.getObject(2, UUID.class));
                });
        return ids;
    }

    /** A photo of a report of the current partnership, for the staff whom {@link Reports#get} lets see the report. */
    @PreAuthorize(ReportPermissions.READ)
    @Transactional(readOnly = true)
    public Optional<Photo> photo(ReportId report, UUID id) {
        return jdbc.sql("""
                SELECT p.id, p.content_type, p.data FROM reports_photo p JOIN reports_report r ON r.id = p.report_id
                WHERE p.id = ? AND p.report_id = ? AND r.partnership_id = ?""")
                .params(id, report.value(), CurrentUser.partnership().value())
                .query((rs, n) -> new Photo(rs.getObject("id", UUID.class), rs.getString("content_type"),
                        rs.getBytes("data")))
                .optional();
    }

    /** Checks and re-encodes an image; the result carries a placeholder id. */
    static Photo reencoded(byte[] image) {
        var checked = Images.reencoded(image, MAX_BYTES, MAX_SIDE, MAX_SIDE, "report.photo");
        return new Photo(null, checked.contentType(), checked.data());
    }
}

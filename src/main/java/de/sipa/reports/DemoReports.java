package de.sipa.reports;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import de.sipa.shared.PartnershipId;

/**
 * What the Musterstadt demo's contact point holds, for the demos of later modules: the patrol links its nights to
 * the reports it filed, the meetings link their agenda items to reports of the story. Demo profile only.
 */
@Component
@Profile("demo")
public class DemoReports {

    /** A report the joint patrol filed: where ("Pavillon, Palastgarten"), when and by whom. */
    public record FiledByPatrol(ReportId id, CategoryId category, Instant submittedAt, String address,
            String description, String submittedBy) {
    }

    /** The contact point's figures of a period: received, closed by their deadline, and the three top categories. */
    public record Summary(long received, long closedInTime, List<String> topCategories) {
    }

    private final JdbcClient jdbc;

    DemoReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Moves the reports with this description to the given time, as if received then: for the demos of smaller towns
     * (the county's network), whose reports are submitted through {@link Reports#submit} today.
     */
    public int backdate(PartnershipId partnership, String description, Instant receivedAt) {
        return jdbc.sql("UPDATE reports_report SET submitted_at = ?, updated_at = ? WHERE partnership_id = ? AND description = ?")
                .params(Timestamp.from(receivedAt), Timestamp.from(receivedAt), partnership.value(), description)
                .update();
    }

    /** The reports of source "patrol", oldest first. */
    public List<FiledByPatrol> filedByPatrols(PartnershipId partnership) {
        return jdbc.sql("""
                SELECT id, category_id, submitted_at, address, description, submitted_by FROM reports_report
                WHERE partnership_id = ? AND source = 'PATROL' ORDER BY submitted_at""")
                .param(partnership.value())
                .query((rs, n) -> new FiledByPatrol(new ReportId(rs.getObject(1, UUID.class)),
                        new CategoryId(rs.getObject(2, UUID.class)), rs.getTimestamp(3).toInstant(), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .list();
    }

    /**
     * A report of the category whose description or address mentions the text, received in [from, to): the one
     * nearest the end of the period.
     */
    public Optional<ReportId> example(PartnershipId partnership, String categoryCode, String text, Instant from,
            Instant to) {
        return jdbc.sql("""
                SELECT r.id FROM reports_report r JOIN reports_category c ON c.id = r.category_id
                WHERE r.partnership_id = ? AND c.code = ? AND r.public_id IS NOT NULL
                  AND (r.description LIKE ? OR coalesce(r.address, '') LIKE ?)
                  AND r.submitted_at >= ? AND r.submitted_at < ?
                ORDER BY r.submitted_at DESC LIMIT 1""")
                .params(partnership.value(), categoryCode, "%" + text + "%", "%" + text + "%", Timestamp.from(from),
                        Timestamp.from(to))
                .query((rs, n) -> new ReportId(rs.getObject(1, UUID.class))).optional();
    }

    /** What came in during [from, to), for the figures a meeting looks at. */
    public Summary summary(PartnershipId partnership, Instant from, Instant to) {
        var figures = jdbc.sql("""
                SELECT count(*), count(*) FILTER (WHERE closed_at IS NOT NULL AND closed_at <= deadline)
                FROM reports_report WHERE partnership_id = ? AND submitted_at >= ? AND submitted_at < ?""")
                .params(partnership.value(), Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        var top = jdbc.sql("""
                SELECT c.name || ' (' || count(*) || ')' FROM reports_report r JOIN reports_category c ON c.id = r.category_id
                WHERE r.partnership_id = ? AND r.submitted_at >= ? AND r.submitted_at < ?
                GROUP BY c.name ORDER BY count(*) DESC, c.name LIMIT 3""")
                .params(partnership.value(), Timestamp.from(from), Timestamp.from(to)).query(String.class).list();
        return new Summary(figures[0], figures[1], top);
    }
}

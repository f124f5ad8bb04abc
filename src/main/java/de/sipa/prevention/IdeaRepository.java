package de.sipa.prevention;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.sipa.partners.DistrictId;
import de.sipa.shared.PartnershipId;

@Repository
class IdeaRepository {

    private final JdbcClient jdbc;

    IdeaRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The ideas, open ones first (new, then in review), each group newest first. */
    List<ProjectIdea> all(PartnershipId partnership) {
        return jdbc.sql("""
                SELECT * FROM prevention_idea WHERE partnership_id = ?
                ORDER BY CASE status WHEN 'NEW' THEN 0 WHEN 'IN_REVIEW' THEN 1 ELSE 2 END, created_at DESC, id""")
                .param(partnership.value()).query((rs, n) -> idea(rs)).list();
    }

    Optional<ProjectIdea> find(PartnershipId partnership, IdeaId id) {
        return jdbc.sql("SELECT * FROM prevention_idea WHERE partnership_id = ? AND id = ? FOR UPDATE")
                .params(partnership.value(), id.value()).query((rs, n) -> idea(rs)).optional();
    }

    Optional<ProjectIdea> ofProject(PartnershipId partnership, ProjectId project) {
        return jdbc.sql("SELECT * FROM prevention_idea WHERE partnership_id = ? AND project_id = ? LIMIT 1")
                .params(partnership.value(), project.value()).query((rs, n) -> idea(rs)).optional();
    }

    void insert(PartnershipId partnership, ProjectIdea idea) {
        jdbc.sql("""
                INSERT INTO prevention_idea (id, partnership_id, title, description, field, district_id, origin,
                    submitted_by, contact_email, consented_at, status, answer, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?)""")
                .params(idea.id().value(), partnership.value(), idea.title(), idea.description(),
                        idea.field() == null ? null : idea.field().name(),
                        idea.district() == null ? null : idea.district().value(), idea.origin().name(),
                        idea.submittedBy(), idea.contactEmail(),
                        idea.contactEmail() == null ? null : Timestamp.from(idea.createdAt()), idea.status().name(),
                        Timestamp.from(idea.createdAt()))
                .update();
    }

    void decide(PartnershipId partnership, IdeaId id, IdeaStatus status, String answer, ProjectId project,
            Instant at) {
        jdbc.sql("""
                UPDATE prevention_idea SET status = ?, answer = ?, project_id = ?, decided_at = ?
                WHERE partnership_id = ? AND id = ?""")
                .params(status.name(), answer, project == null ? null : project.value(),
                        status.decided() ? Timestamp.from(at) : null, partnership.value(), id.value())
                .update();
    }

    /**
     * Clears the contact e-mails of ideas answered before the cut-off, and of ideas submitted a year before it and
     * still unanswered; returns how many per partnership.
     */
    List<Count> clearContactsBefore(Instant answeredBefore, Instant submittedBefore, Instant now) {
        return jdbc.sql("""
                WITH gone AS (
                    UPDATE prevention_idea SET contact_email = NULL, contact_cleared_at = ?
                    WHERE contact_email IS NOT NULL AND (decided_at < ? OR created_at < ?)
                    RETURNING partnership_id)
                SELECT partnership_id, count(*) AS n FROM gone GROUP BY partnership_id""")
                .params(Timestamp.from(now), Timestamp.from(answeredBefore), Timestamp.from(submittedBefore))
                .query((rs, n) -> new Count(new PartnershipId(rs.getObject("partnership_id", UUID.class)),
                        rs.getInt("n")))
                .list();
    }

    record Count(PartnershipId partnership, int count) {
    }

    private static ProjectIdea idea(ResultSet rs) throws SQLException {
        var field = rs.getString("field");
        var district = rs.getObject("district_id", UUID.class);
        var project = rs.getObject("project_id", UUID.class);
        var decided = rs.getTimestamp("decided_at");
        return new ProjectIdea(new IdeaId(rs.getObject("id", UUID.class)), rs.getString("title"),
                rs.getString("description"), field == null ? null : PreventionField.valueOf(field),
                district == null ? null : new DistrictId(district), IdeaOrigin.valueOf(rs.getString("origin")),
                rs.getString("submitted_by"), rs.getString("contact_email"), IdeaStatus.valueOf(rs.getString("status")),
                rs.getString("answer"), project == null ? null : new ProjectId(project),
                rs.getTimestamp("created_at").toInstant(), decided == null ? null : decided.toInstant());
    }
}

package de.sipa.website;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.sipa.shared.OrganisationId;
import de.sipa.shared.PartnershipId;

@Repository
class NewsPostRepository {

    /** A post row without its approvals. */
    private record Row(NewsPostId id, String title, String teaser, String body, PostStatus status, String writtenBy,
            Instant createdAt, Instant changedAt, Instant publishedAt) {
    }

    private final JdbcClient jdbc;

    NewsPostRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** All posts of the partnership, newest first. */
    List<NewsPost> all(PartnershipId partnership) {
        return withApprovals(partnership, jdbc.sql("""
                SELECT * FROM website_post WHERE partnership_id = ? ORDER BY coalesce(published_at, changed_at) DESC, id""")
                .param(partnership.value()).query(NewsPostRepository::row).list());
    }

    Optional<NewsPost> find(PartnershipId partnership, NewsPostId id) {
        return withApprovals(partnership, jdbc.sql("SELECT * FROM website_post WHERE partnership_id = ? AND id = ?")
                .params(partnership.value(), id.value()).query(NewsPostRepository::row).list()).stream().findFirst();
    }

    /**
     * Published posts, newest first. The query asks both: published, and no named partner without approval, so that
     * a post cannot reach the public while a named partner has not approved it.
     */
    List<NewsPost> published(PartnershipId partnership, int offset, int limit) {
        return withApprovals(partnership, jdbc.sql(PUBLIC + " ORDER BY p.published_at DESC, p.id OFFSET ? LIMIT ?")
                .params(partnership.value(), offset, limit).query(NewsPostRepository::row).list());
    }

    long countPublished(PartnershipId partnership) {
        return jdbc.sql(PUBLIC.replace("SELECT p.*", "SELECT count(*)")).param(partnership.value())
                .query(Long.class).single();
    }

    Optional<NewsPost> findPublished(PartnershipId partnership, NewsPostId id) {
        return withApprovals(partnership, jdbc.sql(PUBLIC + " AND p.id = ?").params(partnership.value(), id.value())
                .query(NewsPostRepository::row).list()).stream().findFirst();
    }

    private static final String PUBLIC = """
            SELECT p.* FROM website_post p
             WHERE p.partnership_id = ? AND p.status = 'PUBLISHED' AND p.published_at IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM website_post_approval a WHERE a.post_id = p.id AND a.decision <> 'APPROVED')""";

    void insert(PartnershipId partnership, NewsPost post) {
        jdbc.sql("""
                INSERT INTO website_post (id, partnership_id, title, teaser, body, status, written_by, created_at,
                                          changed_at, published_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(post.id().value(), partnership.value(), post.title(), post.teaser(), post.body(),
                        post.status().name(), post.writtenBy(), Timestamp.from(post.createdAt()),
                        Timestamp.from(post.changedAt()),
                        post.publishedAt() == null ? null : Timestamp.from(post.publishedAt()))
                .update();
        insertApprovals(partnership, post);
    }

    /** Text, status and named partners as the post now has them; the approvals are replaced. */
    void update(PartnershipId partnership, NewsPost post) {
        jdbc.sql("""
                UPDATE website_post SET title = ?, teaser = ?, body = ?, status = ?, changed_at = ?, published_at = ?
                 WHERE partnership_id = ? AND id = ?""")
                .params(post.title(), post.teaser(), post.body(), post.status().name(),
                        Timestamp.from(post.changedAt()),
                        post.publishedAt() == null ? null : Timestamp.from(post.publishedAt()), partnership.value(),
                        post.id().value())
                .update();
        jdbc.sql("DELETE FROM website_post_approval WHERE partnership_id = ? AND post_id = ?")
                .params(partnership.value(), post.id().value()).update();
        insertApprovals(partnership, post);
    }

    private void insertApprovals(PartnershipId partnership, NewsPost post) {
        for (var a : post.approvals()) {
            jdbc.sql("""
                    INSERT INTO website_post_approval (post_id, partnership_id, organisation_id, organisation_name,
                                                       decision, note, decided_by, decided_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(post.id().value(), partnership.value(), a.organisation().value(), a.organisationName(),
                            a.decision().name(), a.note(), a.decidedBy(),
                            a.decidedAt() == null ? null : Timestamp.from(a.decidedAt()))
                    .update();
        }
    }

    private List<NewsPost> withApprovals(PartnershipId partnership, List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        var byPost = new LinkedHashMap<UUID, List<Approval>>();
        rows.forEach(r -> byPost.put(r.id().value(), new ArrayList<>()));
        jdbc.sql("""
                SELECT * FROM website_post_approval WHERE partnership_id = ? AND post_id = ANY (?)
                 ORDER BY lower(organisation_name)""")
                .params(partnership.value(), byPost.keySet().toArray(UUID[]::new))
                .query((rs, n) -> {
                    byPost.get(rs.getObject("post_id", UUID.class)).add(new Approval(
                            new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                            rs.getString("organisation_name"), Decision.valueOf(rs.getString("decision")),
                            rs.getString("note"), rs.getString("decided_by"), instant(rs, "decided_at")));
                    return null;
                }).list();
        return rows.stream().map(r -> new NewsPost(r.id(), r.title(), r.teaser(), r.body(), r.status(), r.writtenBy(),
                r.createdAt(), r.changedAt(), r.publishedAt(), List.copyOf(byPost.get(r.id().value())))).toList();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(new NewsPostId(rs.getObject("id", UUID.class)), rs.getString("title"), rs.getString("teaser"),
                rs.getString("body"), PostStatus.valueOf(rs.getString("status")), rs.getString("written_by"),
                instant(rs, "created_at"), instant(rs, "changed_at"), instant(rs, "published_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}

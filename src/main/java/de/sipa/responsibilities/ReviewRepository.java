package de.sipa.responsibilities;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import de.sipa.partners.DistrictId;
import de.sipa.shared.OrganisationId;
import de.sipa.shared.PartnershipId;

@Repository
class ReviewRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Resource>> RESOURCES = new TypeReference<>() {
    };

    private static final RowMapper<Review> REVIEW = (rs, n) -> new Review(new ReviewId(rs.getObject("id", UUID.class)),
            rs.getString("title"), rs.getDate("deadline").toLocalDate(), ReviewStatus.valueOf(rs.getString("status")),
            uuids(rs.getArray("topic_ids")).stream().map(TopicId::new).collect(Collectors.toSet()),
            uuids(rs.getArray("district_ids")).stream().map(DistrictId::new).collect(Collectors.toSet()),
            rs.getString("opened_by"), instant(rs, "opened_at"), instant(rs, "submitted_at"), instant(rs, "closed_at"),
            rs.getObject("applied_change", Long.class));

    private static final RowMapper<ReviewItem> ITEM = (rs, n) -> {
        var proposedOrganisation = rs.getObject("proposed_organisation_id", UUID.class);
        var proposedResponsibility = rs.getString("proposed_responsibility");
        var proposedResources = rs.getString("proposed_resources");
        var answer = rs.getString("answer");
        return new ReviewItem(rs.getObject("id", UUID.class), entry(rs, new EntryId(rs.getObject("entry_id", UUID.class))),
                answer == null ? null : ReviewAnswer.valueOf(answer),
                proposedOrganisation == null ? null : new OrganisationId(proposedOrganisation),
                proposedResponsibility == null ? null : Responsibility.valueOf(proposedResponsibility),
                proposedResources == null ? List.of() : JSON.readValue(proposedResources, RESOURCES),
                rs.getString("answer_reason"), rs.getString("answered_by"), instant(rs, "answered_at"));
    };

    private static final RowMapper<Proposal> PROPOSAL = (rs, n) -> {
        var entry = rs.getObject("entry_id", UUID.class);
        return new Proposal(rs.getObject("id", UUID.class), rs.getInt("position"),
                ProposalKind.valueOf(rs.getString("kind")),
                entry(rs, new EntryId(entry == null ? rs.getObject("id", UUID.class) : entry)),
                rs.getObject("item_id", UUID.class), rs.getString("rationale"),
                Decision.valueOf(rs.getString("decision")), rs.getString("decided_by"), instant(rs, "decided_at"),
                rs.getString("decision_note"));
    };

    private final JdbcClient jdbc;

    ReviewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Review> all(PartnershipId partnership) {
        return jdbc.sql("SELECT * FROM responsibilities_review WHERE partnership_id = ? ORDER BY opened_at DESC")
                .param(partnership.value()).query(REVIEW).list();
    }

    Optional<Review> find(PartnershipId partnership, ReviewId id) {
        return jdbc.sql("SELECT * FROM responsibilities_review WHERE partnership_id = ? AND id = ?")
                .params(partnership.value(), id.value()).query(REVIEW).optional();
    }

    /** Locks the review row: answers, decisions and the final step of one review happen one after the other. */
    Optional<Review> lock(PartnershipId partnership, ReviewId id) {
        return jdbc.sql("SELECT * FROM responsibilities_review WHERE partnership_id = ? AND id = ? FOR UPDATE")
                .params(partnership.value(), id.value()).query(REVIEW).optional();
    }

    /** Open reviews of all partnerships whose deadline lies in the period, for the reminder job. */
    List<PartnershipId> partnershipsWithOpenReviewsDueBetween(LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT DISTINCT partnership_id FROM responsibilities_review WHERE status = 'OPEN' AND deadline BETWEEN ? AND ?")
                .params(Date.valueOf(from), Date.valueOf(to))
                .query((rs, n) -> new PartnershipId(rs.getObject(1, UUID.class))).list();
    }

    void insert(PartnershipId partnership, Review review) {
        jdbc.sql("""
                INSERT INTO responsibilities_review (id, partnership_id, title, deadline, status, topic_ids, district_ids,
                                                    opened_by, opened_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(review.id().value(), partnership.value(), review.title(), Date.valueOf(review.deadline()),
                        review.status().name(),
                        review.topics().stream().map(TopicId::value).toArray(UUID[]::new),
                        review.districts().stream().map(DistrictId::value).toArray(UUID[]::new), review.openedBy(),
                        Timestamp.from(review.openedAt()))
                .update();
    }

    void submitted(ReviewId id, Instant at) {
        jdbc.sql("UPDATE responsibilities_review SET status = 'SUBMITTED', submitted_at = ? WHERE id = ?")
                .params(Timestamp.from(at), id.value()).update();
    }

    void closed(ReviewId id, Instant at, Long change) {
        jdbc.sql("UPDATE responsibilities_review SET status = 'CLOSED', closed_at = ?, applied_change = ? WHERE id = ?")
                .params(Timestamp.from(at), change, id.value()).update();
    }

    void insertItem(ReviewId review, MatrixEntry entry) {
        jdbc.sql("""
                INSERT INTO responsibilities_review_item (id, review_id, entry_id, topic_id, district_id, time_window_id,
                                                          organisation_id, responsibility, resources)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS JSONB))""")
                .params(UUID.randomUUID(), review.value(), entry.id().value(), entry.topic().value(),
                        entry.district() == null ? null : entry.district().value(),
                        entry.timeWindow() == null ? null : entry.timeWindow().value(), entry.organisation().value(),
                        entry.responsibility().name(), JSON.writeValueAsString(entry.resources()))
                .update();
    }

    List<ReviewItem> items(ReviewId review) {
        return jdbc.sql("SELECT * FROM responsibilities_review_item WHERE review_id = ? ORDER BY topic_id, organisation_id, id")
                .param(review.value()).query(ITEM).list();
    }

    Optional<ReviewItem> item(ReviewId review, UUID item) {
        return jdbc.sql("SELECT * FROM responsibilities_review_item WHERE review_id = ? AND id = ?")
                .params(review.value(), item).query(ITEM).optional();
    }

    void answer(UUID item, ReviewAnswer answer, OrganisationId proposedOrganisation,
            Responsibility proposedResponsibility, List<Resource> proposedResources, String reason, String by,
            Instant at) {
        jdbc.sql("""
                UPDATE responsibilities_review_item SET answer = ?, proposed_organisation_id = ?,
                       proposed_responsibility = ?, proposed_resources = CAST(? AS JSONB), answer_reason = ?,
                       answered_by = ?, answered_at = ?
                WHERE id = ?""")
                .params(answer.name(), proposedOrganisation == null ? null : proposedOrganisation.value(),
                        proposedResponsibility == null ? null : proposedResponsibility.name(),
                        proposedResources == null ? null : JSON.writeValueAsString(proposedResources), reason, by,
                        Timestamp.from(at), item)
                .update();
    }

    List<Proposal> proposals(ReviewId review) {
        return jdbc.sql("SELECT * FROM responsibilities_review_proposal WHERE review_id = ? ORDER BY position")
                .param(review.value()).query(PROPOSAL).list();
    }

    void insertProposal(ReviewId review, ProposalKind kind, MatrixEntry target, UUID item, String rationale) {
        jdbc.sql("""
                INSERT INTO responsibilities_review_proposal (id, review_id, position, kind, entry_id, item_id, topic_id,
                       district_id, time_window_id, organisation_id, responsibility, resources, rationale)
                VALUES (?, ?, (SELECT coalesce(max(position), 0) + 1 FROM responsibilities_review_proposal WHERE review_id = ?),
                        ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS JSONB), ?)""")
                .params(UUID.randomUUID(), review.value(), review.value(), kind.name(),
                        kind == ProposalKind.ASSIGN ? null : target.id().value(), item, target.topic().value(),
                        target.district() == null ? null : target.district().value(),
                        target.timeWindow() == null ? null : target.timeWindow().value(),
                        target.organisation().value(), target.responsibility().name(),
                        JSON.writeValueAsString(target.resources()), rationale)
                .update();
    }

    void deleteProposal(ReviewId review, UUID proposal) {
        jdbc.sql("DELETE FROM responsibilities_review_proposal WHERE review_id = ? AND id = ?")
                .params(review.value(), proposal).update();
    }

    void decide(ReviewId review, UUID proposal, Decision decision, String by, Instant at, String note) {
        jdbc.sql("""
                UPDATE responsibilities_review_proposal SET decision = ?, decided_by = ?, decided_at = ?, decision_note = ?
                WHERE review_id = ? AND id = ?""")
                .params(decision.name(), by, Timestamp.from(at), note, review.value(), proposal).update();
    }

    private static MatrixEntry entry(ResultSet rs, EntryId id) throws SQLException {
        var district = rs.getObject("district_id", UUID.class);
        var window = rs.getObject("time_window_id", UUID.class);
        return new MatrixEntry(id, new TopicId(rs.getObject("topic_id", UUID.class)),
                district == null ? null : new DistrictId(district), window == null ? null : new TimeWindowId(window),
                new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                Responsibility.valueOf(rs.getString("responsibility")),
                JSON.readValue(rs.getString("resources"), RESOURCES), null);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(UUID.class::cast).toList();
    }
}

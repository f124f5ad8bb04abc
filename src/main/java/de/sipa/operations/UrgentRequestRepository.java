package de.sipa.operations;

import java.sql.ResultSet;
import java.sql.SQLException;
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
class UrgentRequestRepository {

    private static final RowMapper<UrgentRequest> REQUEST = (rs, n) -> {
        var district = rs.getObject("district_id", UUID.class);
        var answer = rs.getString("answer");
        var event = rs.getObject("event_id", UUID.class);
        return new UrgentRequest(new UrgentRequestId(rs.getObject("id", UUID.class)),
                new OrganisationId(rs.getObject("requested_by", UUID.class)),
                new OrganisationId(rs.getObject("addressed_to", UUID.class)), instant(rs, "needed_at"),
                rs.getString("place"), district == null ? null : new DistrictId(district), rs.getString("what"),
                Urgency.valueOf(rs.getString("urgency")), rs.getString("sent_by"), instant(rs, "sent_at"),
                rs.getString("acknowledged_by"), instant(rs, "acknowledged_at"),
                answer == null ? null : UrgentRequestStatus.valueOf(answer), rs.getString("answer_text"),
                rs.getString("answered_by"), instant(rs, "answered_at"), event == null ? null : new EventId(event));
    };

    /** Unanswered first, then the newest. */
    private static final String ORDER = " ORDER BY (answer IS NULL) DESC, sent_at DESC LIMIT 200";

    private final JdbcClient jdbc;

    UrgentRequestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<UrgentRequest> all(PartnershipId partnership) {
        return jdbc.sql("SELECT * FROM operations_urgent_request WHERE partnership_id = ?" + ORDER)
                .param(partnership.value()).query(REQUEST).list();
    }

    /** The requests the organisation sent or received. */
    List<UrgentRequest> involving(PartnershipId partnership, OrganisationId organisation) {
        return jdbc.sql("SELECT * FROM operations_urgent_request WHERE partnership_id = ? "
                + "AND (requested_by = ? OR addressed_to = ?)" + ORDER)
                .params(partnership.value(), organisation.value(), organisation.value()).query(REQUEST).list();
    }

    Optional<UrgentRequest> find(PartnershipId partnership, UrgentRequestId id) {
        return jdbc.sql("SELECT * FROM operations_urgent_request WHERE partnership_id = ? AND id = ?")
                .params(partnership.value(), id.value()).query(REQUEST).optional();
    }

    /**
     * The request, locked until the step taken on it commits: two people confirming at once do it one after the
     * other, and its log entries get their numbers in that order.
     */
    Optional<UrgentRequest> lock(PartnershipId partnership, UrgentRequestId id) {
        return jdbc.sql("SELECT * FROM operations_urgent_request WHERE partnership_id = ? AND id = ? FOR UPDATE")
                .params(partnership.value(), id.value()).query(REQUEST).optional();
    }

    Optional<UrgentRequest> ofEvent(PartnershipId partnership, EventId event) {
        return jdbc.sql("SELECT * FROM operations_urgent_request WHERE partnership_id = ? AND event_id = ?")
                .params(partnership.value(), event.value()).query(REQUEST).optional();
    }

    void insert(PartnershipId partnership, UrgentRequest request) {
        jdbc.sql("""
                INSERT INTO operations_urgent_request (id, partnership_id, requested_by, addressed_to, needed_at, place,
                                                       district_id, what, urgency, sent_by, sent_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(request.id().value(), partnership.value(), request.requestedBy().value(),
                        request.addressedTo().value(), Timestamp.from(request.neededAt()), request.place(),
                        request.district() == null ? null : request.district().value(), request.what(),
                        request.urgency().name(), request.sentBy(), Timestamp.from(request.sentAt()))
                .update();
    }

    /** Stores the steps taken since it was sent: confirmation, answer, the event it grew into. */
    void update(PartnershipId partnership, UrgentRequest request) {
        jdbc.sql("""
                UPDATE operations_urgent_request SET acknowledged_by = ?, acknowledged_at = ?, answer = ?,
                       answer_text = ?, answered_by = ?, answered_at = ?, event_id = ?
                WHERE partnership_id = ? AND id = ?""")
                .params(request.acknowledgedBy(), timestamp(request.acknowledgedAt()),
                        request.answer() == null ? null : request.answer().name(), request.answerText(),
                        request.answeredBy(), timestamp(request.answeredAt()),
                        request.event() == null ? null : request.event().value(), partnership.value(),
                        request.id().value())
                .update();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}

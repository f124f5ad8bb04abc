package de.sipa.meetings;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.sipa.partners.BodyId;
import de.sipa.partners.PersonId;
import de.sipa.responsibilities.ReviewId;
import de.sipa.shared.OrganisationId;
import de.sipa.shared.PartnershipId;

@Repository
class MeetingRepository {

    static final RowMapper<Meeting> MEETING = (rs, n) -> new Meeting(
            new MeetingId(rs.getObject("id", UUID.class)), new BodyId(rs.getObject("body_id", UUID.class)),
            rs.getString("title"), rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
            rs.getString("location"), rs.getString("video_link"), MeetingStatus.valueOf(rs.getString("status")),
            rs.getInt("sequence"), rs.getString("cancel_reason"),
            rs.getObject("series_id", UUID.class) == null ? null
                    : new MeetingSeriesId(rs.getObject("series_id", UUID.class)));

    private static final RowMapper<AgendaItem> ITEM = (rs, n) -> {
        var presenter = rs.getObject("presenter_id", UUID.class);
        return new AgendaItem(rs.getObject("id", UUID.class), rs.getInt("position"), rs.getString("title"),
                rs.getString("description"), presenter == null ? null : new PersonId(presenter),
                rs.getBoolean("confidential"));
    };

    private static final RowMapper<Decision> DECISION = (rs, n) -> {
        var review = rs.getObject("review_id", UUID.class);
        return new Decision(new DecisionId(rs.getObject("id", UUID.class)),
                new MeetingId(rs.getObject("meeting_id", UUID.class)), rs.getObject("agenda_item_id", UUID.class),
                rs.getString("reference"), rs.getString("wording"), rs.getString("vote"),
                rs.getTimestamp("decided_at").toInstant(), review == null ? null : new ReviewId(review));
    };

    private static final RowMapper<ActionItem> ACTION = (rs, n) -> {
        var meeting = rs.getObject("meeting_id", UUID.class);
        var decision = rs.getObject("decision_id", UUID.class);
        var responsible = rs.getObject("responsible_id", UUID.class);
        return new ActionItem(new ActionItemId(rs.getObject("id", UUID.class)),
                meeting == null ? null : new MeetingId(meeting),
                decision == null ? null : new DecisionId(decision), rs.getString("title"),
                new OrganisationId(rs.getObject("owner_id", UUID.class)),
                responsible == null ? null : new PersonId(responsible), rs.getDate("due_on").toLocalDate(),
                ActionItemStatus.valueOf(rs.getString("status")),
                meeting == null ? new ActionItemOrigin(rs.getString("origin_label"), rs.getString("origin_link")) : null);
    };

    /** Whether an action item (alias a) comes from a decision on a confidential agenda item. */
    private static final String CONFIDENTIAL_ORIGIN = """
            EXISTS (SELECT 1 FROM meetings_decision cd JOIN meetings_agenda_item ci ON ci.id = cd.agenda_item_id
                     WHERE cd.id = a.decision_id AND ci.confidential)""";

    private final JdbcClient jdbc;

    MeetingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Meeting> all(PartnershipId partnership) {
        return jdbc.sql("SELECT * FROM meetings_meeting WHERE partnership_id = ? ORDER BY starts_at DESC")
                .param(partnership.value()).query(MEETING).list();
    }

    /** Upcoming meetings from the earliest, or past ones from the latest; optionally of one body. */
    Page<Meeting> page(PartnershipId partnership, UUID body, boolean upcoming, Instant since, Pageable pageable) {
        return page(partnership, body, null, upcoming, since, pageable);
    }

    /** @param amongBodies only meetings of these bodies; {@code null}: of all */
    Page<Meeting> page(PartnershipId partnership, UUID body, Collection<UUID> amongBodies, boolean upcoming,
            Instant since, Pageable pageable) {
        var where = "WHERE partnership_id = :partnership AND starts_at " + (upcoming ? ">=" : "<") + " :since"
                + (body == null ? "" : " AND body_id = :body")
                + (amongBodies == null ? "" : " AND body_id = ANY (:bodies)");
        var params = new HashMap<String, Object>();
        params.put("partnership", partnership.value());
        params.put("since", Timestamp.from(since));
        if (body != null) {
            params.put("body", body);
        }
        if (amongBodies != null) {
            params.put("bodies", amongBodies.toArray(UUID[]::new));
        }
        long total = jdbc.sql("SELECT count(*) FROM meetings_meeting " + where).params(params).query(Long.class)
                .single();
        params.put("limit", pageable.getPageSize());
        params.put("offset", pageable.getOffset());
        var content = jdbc.sql("SELECT * FROM meetings_meeting " + where + " ORDER BY starts_at "
                        + (upcoming ? "ASC" : "DESC") + ", id LIMIT :limit OFFSET :offset")
                .params(params).query(MEETING).list();
        return new PageImpl<>(content, pageable, total);
    }

    Optional<Meeting> find(PartnershipId partnership, MeetingId id) {
        return jdbc.sql("SELECT * FROM meetings_meeting WHERE partnership_id = ? AND id = ?")
                .params(partnership.value(), id.value()).query(MEETING).optional();
    }

    Optional<Meeting> lock(PartnershipId partnership, MeetingId id) {
        return jdbc.sql("SELECT * FROM meetings_meeting WHERE partnership_id = ? AND id = ? FOR UPDATE")
                .params(partnership.value(), id.value()).query(MEETING).optional();
    }

    /** Other meetings of the body that overlap the period (not cancelled). */
    List<Meeting> overlapping(PartnershipId partnership, BodyId body, Instant from, Instant to, MeetingId except) {
        return jdbc.sql("""
                SELECT * FROM meetings_meeting WHERE partnership_id = ? AND body_id = ? AND id <> ?
                  AND status <> 'CANCELLED' AND starts_at < ? AND ends_at > ?""")
                .params(partnership.value(), body.value(), except.value(), Timestamp.from(to), Timestamp.from(from))
                .query(MEETING).list();
    }

    void insert(PartnershipId partnership, Meeting meeting, Instant now) {
        jdbc.sql("""
                INSERT INTO meetings_meeting (id, partnership_id, body_id, title, starts_at, ends_at, location, video_link,
                                              status, sequence, created_at, updated_at, series_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)""")
                .params(meeting.id().value(), partnership.value(), meeting.body().value(), meeting.title(),
                        Timestamp.from(meeting.startsAt()), Timestamp.from(meeting.endsAt()), meeting.location(),
                        meeting.videoLink(), meeting.status().name(), Timestamp.from(now), Timestamp.from(now),
                        meeting.series() == null ? null : meeting.series().value())
                .update();
    }

    void update(Meeting meeting, Instant now) {
        jdbc.sql("""
                UPDATE meetings_meeting SET title = ?, starts_at = ?, ends_at = ?, location = ?, video_link = ?,
                       status = ?, sequence = ?, cancel_reason = ?, updated_at = ?
                WHERE id = ?""")
                .params(meeting.title(), Timestamp.from(meeting.startsAt()), Timestamp.from(meeting.endsAt()),
                        meeting.location(), meeting.videoLink(), meeting.status().name(), meeting.sequence(),
                        meeting.cancelReason(), Timestamp.from(now), meeting.id().value())
                .update();
    }

    List<AgendaItem> agenda(MeetingId meeting) {
        return jdbc.sql("SELECT * FROM meetings_agenda_item WHERE meeting_id = ? ORDER BY position")
                .param(meeting.value()).query(ITEM).list();
    }

    void insertAgendaItem(MeetingId meeting, AgendaItem item) {
        jdbc.sql("""
                INSERT INTO meetings_agenda_item (id, meeting_id, position, title, description, presenter_id, confidential)
                VALUES (?, ?, (SELECT coalesce(max(position), 0) + 1 FROM meetings_agenda_item WHERE meeting_id = ?),
                        ?, ?, ?, ?)""")
                .params(item.id(), meeting.value(), meeting.value(), item.title(), item.description(),
                        item.presenter() == null ? null : item.presenter().value(), item.confidential())
                .update();
    }

    /** The next number of the body's decisions in the year; rolled back with the decision if that fails. */
    int nextDecisionNumber(BodyId body, int year) {
        return jdbc.sql("""
                INSERT INTO meetings_decision_counter (body_id, year, last) VALUES (?, ?, 1)
                ON CONFLICT (body_id, year) DO UPDATE SET last = meetings_decision_counter.last + 1
                RETURNING last""")
                .params(body.value(), year).query(Integer.class).single();
    }

    void insertDecision(PartnershipId partnership, BodyId body, int year, int number, Decision decision) {
        jdbc.sql("""
                INSERT INTO meetings_decision (id, partnership_id, body_id, meeting_id, agenda_item_id, year, number,
                                               reference, wording, vote, decided_at, review_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(decision.id().value(), partnership.value(), body.value(), decision.meeting().value(),
                        decision.agendaItem(), year, number, decision.reference(), decision.wording(), decision.vote(),
                        Timestamp.from(decision.decidedAt()),
                        decision.review() == null ? null : decision.review().value())
                .update();
    }

    List<Decision> decisions(MeetingId meeting) {
        return jdbc.sql("SELECT * FROM meetings_decision WHERE meeting_id = ? ORDER BY year, number")
                .param(meeting.value()).query(DECISION).list();
    }

    /** The body's decisions taken in meetings that began in [from, to); those of confidential items only if asked. */
    List<Decision> decisionsOfBody(PartnershipId partnership, BodyId body, Instant from, Instant to,
            boolean withConfidential) {
        return jdbc.sql("""
                SELECT d.* FROM meetings_decision d JOIN meetings_meeting m ON m.id = d.meeting_id
                LEFT JOIN meetings_agenda_item a ON a.id = d.agenda_item_id
                WHERE d.partnership_id = :partnership AND d.body_id = :body AND m.starts_at >= :from
                  AND m.starts_at < :to AND (:confidential OR a.confidential IS NOT TRUE)
                ORDER BY d.year, d.number""")
                .param("partnership", partnership.value()).param("body", body.value())
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .param("confidential", withConfidential).query(DECISION).list();
    }

    List<Decision> decisionsOfBody(BodyId body) {
        return jdbc.sql("SELECT * FROM meetings_decision WHERE body_id = ? ORDER BY year, number")
                .param(body.value()).query(DECISION).list();
    }

    void insertActionItem(PartnershipId partnership, ActionItem item, Instant now) {
        jdbc.sql("""
                INSERT INTO meetings_action_item (id, partnership_id, meeting_id, decision_id, title, owner_id,
                                                  responsible_id, due_on, status, created_at, origin_label, origin_link,
                                                  modified_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(item.id().value(), partnership.value(), item.meeting() == null ? null : item.meeting().value(),
                        item.decision() == null ? null : item.decision().value(), item.title(), item.owner().value(),
                        item.responsible() == null ? null : item.responsible().value(), Date.valueOf(item.dueOn()),
                        item.status().name(), Timestamp.from(now),
                        item.origin() == null ? null : item.origin().label(),
                        item.origin() == null ? null : item.origin().link(), Timestamp.from(now))
                .update();
    }

    List<ActionItem> actionItems(MeetingId meeting) {
        return jdbc.sql("SELECT * FROM meetings_action_item WHERE meeting_id = ? ORDER BY due_on")
                .param(meeting.value()).query(ACTION).list();
    }

    List<ActionItem> openActionItems(PartnershipId partnership) {
        return jdbc.sql("SELECT * FROM meetings_action_item WHERE partnership_id = ? AND status IN ('OPEN', 'IN_PROGRESS') ORDER BY due_on")
                .param(partnership.value()).query(ACTION).list();
    }

    List<FollowUp> followUps(PartnershipId partnership, FollowUpQuery query) {
        var sql = new StringBuilder("""
                SELECT a.*, m.body_id, COALESCE(m.title, a.origin_label) AS origin, d.reference, p.note AS last_note,
                       p.recorded_at AS last_note_at, %s AS confidential
                FROM meetings_action_item a
                LEFT JOIN meetings_meeting m ON m.id = a.meeting_id
                LEFT JOIN meetings_decision d ON d.id = a.decision_id
                LEFT JOIN LATERAL (SELECT note, recorded_at FROM meetings_action_progress
                                   WHERE action_item_id = a.id AND note IS NOT NULL
                                   ORDER BY recorded_at DESC LIMIT 1) p ON true
                WHERE a.partnership_id = :partnership""");
        var params = new HashMap<String, Object>();
        params.put("partnership", partnership.value());
        sql.append(query.statusCondition());
        if (query.owner() != null) {
            sql.append(" AND a.owner_id = :owner");
            params.put("owner", query.owner());
        }
        if (query.body() != null) {
            sql.append(" AND m.body_id = :body");
            params.put("body", query.body());
        }
        if (query.dueFrom() != null) {
            sql.append(" AND a.due_on >= :dueFrom");
            params.put("dueFrom", Date.valueOf(query.dueFrom()));
        }
        if (query.dueTo() != null) {
            sql.append(" AND a.due_on <= :dueTo");
            params.put("dueTo", Date.valueOf(query.dueTo()));
        }
        if (query.overdueOn() != null) {
            sql.append(" AND a.status IN ('OPEN', 'IN_PROGRESS') AND a.due_on < :day");
            params.put("day", Date.valueOf(query.overdueOn()));
        }
        sql.append(" ORDER BY a.due_on, a.title");
        return jdbc.sql(sql.toString().formatted(CONFIDENTIAL_ORIGIN)).params(params)
                .query((rs, n) -> {
                    var noteAt = rs.getTimestamp("last_note_at");
                    var body = rs.getObject("body_id", UUID.class);
                    return new FollowUp(ACTION.mapRow(rs, n), body == null ? null : new BodyId(body),
                            rs.getString("origin"), rs.getString("reference"), rs.getString("last_note"),
                            noteAt == null ? null : noteAt.toInstant(), rs.getBoolean("confidential"));
                })
                .list();
    }

    Optional<ActionItem> lockActionItem(PartnershipId partnership, ActionItemId id) {
        return jdbc.sql("SELECT * FROM meetings_action_item WHERE partnership_id = ? AND id = ? FOR UPDATE")
                .params(partnership.value(), id.value()).query(ACTION).optional();
    }

    void recordProgress(ActionItemId id, ActionItemStatus status, String note, String author, Instant at) {
        jdbc.sql("""
                INSERT INTO meetings_action_progress (id, action_item_id, status, note, author, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), id.value(), status.name(), note, author, Timestamp.from(at)).update();
    }

    /** Open action items from the body's meetings. */
    /** The body's open action items from decisions on public ({@code false}) or on confidential agenda items. */
    List<ActionItem> openActionItemsOfBody(BodyId body, boolean confidential) {
        return jdbc.sql("""
                SELECT a.* FROM meetings_action_item a JOIN meetings_meeting m ON m.id = a.meeting_id
                WHERE m.body_id = ? AND a.status IN ('OPEN', 'IN_PROGRESS') AND %s ORDER BY a.due_on"""
                .formatted(CONFIDENTIAL_ORIGIN + (confidential ? "" : " IS NOT TRUE")))
                .param(body.value()).query(ACTION).list();
    }

    /** Open action items past their due date, of all partnerships, with their partnership. */
    List<java.util.Map.Entry<PartnershipId, ActionItem>> overdue(java.time.LocalDate today) {
        return jdbc.sql("SELECT * FROM meetings_action_item WHERE status IN ('OPEN', 'IN_PROGRESS') AND due_on < ?")
                .param(Date.valueOf(today))
                .query((rs, n) -> java.util.Map.entry(new PartnershipId(rs.getObject("partnership_id", UUID.class)),
                        ACTION.mapRow(rs, n)))
                .list();
    }

    List<Attendance> attendance(MeetingId meeting) {
        return jdbc.sql("SELECT * FROM meetings_attendance WHERE meeting_id = ?").param(meeting.value())
                .query((rs, n) -> {
                    var representative = rs.getObject("represented_by", UUID.class);
                    return new Attendance(new PersonId(rs.getObject("person_id", UUID.class)),
                            Attendance.Status.valueOf(rs.getString("status")),
                            representative == null ? null : new PersonId(representative));
                })
                .list();
    }

    void recordAttendance(MeetingId meeting, Attendance attendance) {
        jdbc.sql("""
                INSERT INTO meetings_attendance (meeting_id, person_id, status, represented_by) VALUES (?, ?, ?, ?)
                ON CONFLICT (meeting_id, person_id) DO UPDATE SET status = EXCLUDED.status,
                       represented_by = EXCLUDED.represented_by""")
                .params(meeting.value(), attendance.person().value(), attendance.status().name(),
                        attendance.representedBy() == null ? null : attendance.representedBy().value())
                .update();
    }

    QuorumRule quorumRule(BodyId body) {
        return jdbc.sql("SELECT rule FROM meetings_quorum_rule WHERE body_id = ?").param(body.value())
                .query(String.class).optional().map(QuorumRule::valueOf).orElse(QuorumRule.MORE_THAN_HALF);
    }

    void setQuorumRule(BodyId body, QuorumRule rule) {
        jdbc.sql("""
                INSERT INTO meetings_quorum_rule (body_id, rule) VALUES (?, ?)
                ON CONFLICT (body_id) DO UPDATE SET rule = EXCLUDED.rule""")
                .params(body.value(), rule.name()).update();
    }

    /** A changed status is a new revision of the item's due-date event (SEQUENCE and LAST-MODIFIED rise). */
    void setActionItemStatus(PartnershipId partnership, ActionItemId id, ActionItemStatus status, Instant now) {
        jdbc.sql("""
                UPDATE meetings_action_item SET status = ?, sequence = sequence + 1, modified_at = ?
                WHERE partnership_id = ? AND id = ? AND status <> ?""")
                .params(status.name(), Timestamp.from(now), partnership.value(), id.value(), status.name()).update();
    }

    /** How often a calendar event changed (its SEQUENCE) and when last (its LAST-MODIFIED and, published, DTSTAMP). */
    record Revision(int sequence, Instant modifiedAt) {
    }

    Instant lastModified(MeetingId meeting) {
        return jdbc.sql("SELECT updated_at FROM meetings_meeting WHERE id = ?").param(meeting.value())
                .query(Timestamp.class).single().toInstant();
    }

    java.util.Map<MeetingId, Instant> lastModified(PartnershipId partnership) {
        var modified = new HashMap<MeetingId, Instant>();
        jdbc.sql("SELECT id, updated_at FROM meetings_meeting WHERE partnership_id = ?").param(partnership.value())
                .query(rs -> {
                    modified.put(new MeetingId(rs.getObject(1, UUID.class)), rs.getTimestamp(2).toInstant());
                });
        return modified;
    }

    java.util.Map<ActionItemId, Revision> openActionItemRevisions(PartnershipId partnership) {
        var revisions = new HashMap<ActionItemId, Revision>();
        jdbc.sql("""
                SELECT id, sequence, modified_at FROM meetings_action_item
                WHERE partnership_id = ? AND status IN ('OPEN', 'IN_PROGRESS')""").param(partnership.value())
                .query(rs -> {
                    revisions.put(new ActionItemId(rs.getObject(1, UUID.class)),
                            new Revision(rs.getInt(2), rs.getTimestamp(3).toInstant()));
                });
        return revisions;
    }
}

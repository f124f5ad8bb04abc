package de.sipa.meetings;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class MinutesRepository {

    private final JdbcClient jdbc;

    MinutesRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The latest version; its texts and comments are all of them, the caller filters confidential items. */
    Optional<Minutes> current(MeetingId meeting) {
        return jdbc.sql("SELECT * FROM meetings_minutes WHERE meeting_id = ? ORDER BY version DESC LIMIT 1")
                .param(meeting.value())
                .query((rs, n) -> {
                    int version = rs.getInt("version");
                    var approvedAt = rs.getTimestamp("approved_at");
                    return new Minutes(meeting, version, MinutesStatus.valueOf(rs.getString("status")),
                            texts(meeting, version), rs.getString("correction_reason"), rs.getString("approved_by"),
                            approvedAt == null ? null : approvedAt.toInstant(), comments(meeting, version));
                })
                .optional();
    }

    void insert(MeetingId meeting, int version, String correctionReason, Instant now) {
        jdbc.sql("""
                INSERT INTO meetings_minutes (meeting_id, version, status, correction_reason, created_at)
                VALUES (?, ?, 'DRAFT', ?, ?)""")
                .params(meeting.value(), version, correctionReason, Timestamp.from(now)).update();
    }

    void setText(MeetingId meeting, int version, UUID agendaItem, String text) {
        if (text == null || text.isBlank()) {
            jdbc.sql("DELETE FROM meetings_minutes_text WHERE meeting_id = ? AND version = ? AND agenda_item_id = ?")
                    .params(meeting.value(), version, agendaItem).update();
            return;
        }
        jdbc.sql("""
                INSERT INTO meetings_minutes_text (meeting_id, version, agenda_item_id, text) VALUES (?, ?, ?, ?)
                ON CONFLICT (meeting_id, version, agenda_item_id) DO UPDATE SET text = EXCLUDED.text""")
                .params(meeting.value(), version, agendaItem, text.strip()).update();
    }

    void setStatus(MeetingId meeting, int version, MinutesStatus status, String approvedBy, Instant approvedAt) {
        jdbc.sql("UPDATE meetings_minutes SET status = ?, approved_by = ?, approved_at = ? WHERE meeting_id = ? AND version = ?")
                .params(status.name(), approvedBy, approvedAt == null ? null : Timestamp.from(approvedAt),
                        meeting.value(), version)
                .update();
    }

    void addComment(MeetingId meeting, int version, String author, String text, Instant now) {
        jdbc.sql("""
                INSERT INTO meetings_minutes_comment (id, meeting_id, version, author, text, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), meeting.value(), version, author, text.strip(), Timestamp.from(now)).update();
    }

    private Map<UUID, String> texts(MeetingId meeting, int version) {
        Map<UUID, String> texts = new HashMap<>();
        jdbc.sql("SELECT agenda_item_id, text FROM meetings_minutes_text WHERE meeting_id = ? AND version = ?")
                .params(meeting.value(), version)
                .query(rs -> {
                    texts.put(rs.getObject("agenda_item_id", UUID.class), rs.getString("text"));
                });
        return texts;
    }

    private List<Minutes.Comment> comments(MeetingId meeting, int version) {
        return jdbc.sql("""
                SELECT author, text, created_at FROM meetings_minutes_comment WHERE meeting_id = ? AND version = ?
                ORDER BY created_at, id""")
                .params(meeting.value(), version)
                .query((rs, n) -> new Minutes.Comment(rs.getString("author"), rs.getString("text"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }
}

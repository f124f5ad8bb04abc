package de.sipa.operations;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.sipa.meetings.ActionItemId;
import de.sipa.shared.OrganisationId;

/** Notes and lessons of debriefs; callers have checked that the event is in the user's partnership. */
@Repository
class DebriefRepository {

    private final JdbcClient jdbc;

    DebriefRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<DebriefNote> notes(EventId event) {
        return jdbc.sql("SELECT * FROM operations_debrief_note WHERE event_id = ? ORDER BY written_at")
                .param(event.value())
                .query((rs, n) -> new DebriefNote(new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                        rs.getString("went_well"), rs.getString("went_badly"), rs.getString("author"),
                        rs.getTimestamp("written_at").toInstant()))
                .list();
    }

    void saveNote(EventId event, DebriefNote note) {
        jdbc.sql("""
                INSERT INTO operations_debrief_note (event_id, organisation_id, went_well, went_badly, author, written_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (event_id, organisation_id) DO UPDATE SET went_well = EXCLUDED.went_well,
                       went_badly = EXCLUDED.went_badly, author = EXCLUDED.author, written_at = EXCLUDED.written_at""")
                .params(event.value(), note.organisation().value(), note.wentWell(), note.wentBadly(), note.author(),
                        Timestamp.from(note.writtenAt()))
                .update();
    }

    List<Lesson> lessons(EventId event) {
        return jdbc.sql("SELECT * FROM operations_lesson WHERE event_id = ? ORDER BY position").param(event.value())
                .query((rs, n) -> new Lesson(rs.getObject("id", UUID.class), rs.getString("text"),
                        new OrganisationId(rs.getObject("owner_id", UUID.class)), rs.getDate("due_on").toLocalDate(),
                        new ActionItemId(rs.getObject("action_item_id", UUID.class))))
                .list();
    }

    void insertLesson(EventId event, Lesson lesson) {
        jdbc.sql("""
                INSERT INTO operations_lesson (id, event_id, position, text, owner_id, due_on, action_item_id)
                VALUES (?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM operations_lesson WHERE event_id = ?),
                        ?, ?, ?, ?)""")
                .params(lesson.id(), event.value(), event.value(), lesson.text(), lesson.owner().value(),
                        Date.valueOf(lesson.dueOn()), lesson.actionItem().value())
                .update();
    }
}

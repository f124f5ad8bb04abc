package de.sipa.meetings;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.sipa.shared.PartnershipId;

@Repository
class AgendaLinkRepository {

    /** A stored link; the linked record's title is looked up in its module when the link is shown. */
    record Stored(UUID id, UUID agendaItem, AgendaLinkKind kind, UUID target) {
    }

    private final JdbcClient jdbc;

    AgendaLinkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The links of all items of the meeting, in the agenda's order and then as they were added. */
    List<Stored> ofMeeting(PartnershipId partnership, MeetingId meeting) {
        return jdbc.sql("""
                SELECT l.id, l.agenda_item_id, l.kind, l.target_id FROM meetings_agenda_link l
                JOIN meetings_agenda_item a ON a.id = l.agenda_item_id
                JOIN meetings_meeting m ON m.id = a.meeting_id
                WHERE m.partnership_id = ? AND a.meeting_id = ? ORDER BY a.position, l.created_at, l.id""")
                .params(partnership.value(), meeting.value())
                .query((rs, n) -> new Stored(rs.getObject("id", UUID.class), rs.getObject("agenda_item_id", UUID.class),
                        AgendaLinkKind.valueOf(rs.getString("kind")), rs.getObject("target_id", UUID.class)))
                .list();
    }

    /** Inserts the link unless the item points to the record already; returns whether it was new. */
    boolean insert(Stored link, String createdBy, Instant at) {
        return jdbc.sql("""
                INSERT INTO meetings_agenda_link (id, agenda_item_id, kind, target_id, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (agenda_item_id, kind, target_id) DO NOTHING""")
                .params(link.id(), link.agendaItem(), link.kind().name(), link.target(), createdBy, Timestamp.from(at))
                .update() > 0;
    }

    void delete(UUID id) {
        jdbc.sql("DELETE FROM meetings_agenda_link WHERE id = ?").param(id).update();
    }
}

package de.sipa.meetings;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class MaterialRepository {

    private static final String COLUMNS = "m.id, m.agenda_item_id, m.file_name, m.content_type, m.size, m.version, "
            + "m.uploaded_by, m.uploaded_at";
    private static final RowMapper<Material> MATERIAL = (rs, n) -> new Material(rs.getObject("id", UUID.class),
            rs.getObject("agenda_item_id", UUID.class), rs.getString("file_name"), rs.getString("content_type"),
            rs.getInt("size"), rs.getInt("version"), rs.getString("uploaded_by"),
            rs.getTimestamp("uploaded_at").toInstant());

    private final JdbcClient jdbc;

    MaterialRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** All versions of the meeting's files, newest version of each file first. */
    List<Material> ofMeeting(MeetingId meeting) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM meetings_material m JOIN meetings_agenda_item a ON a.id = m.agenda_item_id "
                        + "WHERE a.meeting_id = ? ORDER BY a.position, lower(m.file_name), m.version DESC")
                .param(meeting.value()).query(MATERIAL).list();
    }

    byte[] content(UUID id) {
        return jdbc.sql("SELECT content FROM meetings_material WHERE id = ?").param(id).query(byte[].class).single();
    }

    /** Inserts the next version of the file; the meeting is locked by the caller, so versions do not collide. */
    Material insert(UUID agendaItem, String fileName, String contentType, byte[] content, String uploadedBy,
            Instant at) {
        int version = jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM meetings_material WHERE agenda_item_id = ? AND file_name = ?")
                .params(agendaItem, fileName).query(Integer.class).single();
        var material = new Material(UUID.randomUUID(), agendaItem, fileName, contentType, content.length, version,
                uploadedBy, at);
        jdbc.sql("""
                INSERT INTO meetings_material (id, agenda_item_id, file_name, content_type, size, version, content,
                                               uploaded_by, uploaded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(material.id(), agendaItem, fileName, contentType, content.length, version, content, uploadedBy,
                        Timestamp.from(at))
                .update();
        return material;
    }
}

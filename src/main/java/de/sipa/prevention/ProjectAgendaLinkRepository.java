package de.sipa.prevention;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.sipa.shared.PartnershipId;

@Repository
class ProjectAgendaLinkRepository {

    /** A project's link to an agenda item as stored. */
    record Stored(UUID id, ProjectId project, UUID meeting, UUID agendaItem) {
    }

    private final JdbcClient jdbc;

    ProjectAgendaLinkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Stored> of(PartnershipId partnership, ProjectId project) {
        return jdbc.sql("""
                SELECT a.id, a.project_id, a.meeting_id, a.agenda_item FROM prevention_agenda_link a
                JOIN prevention_project p ON p.id = a.project_id
                WHERE p.partnership_id = ? AND a.project_id = ? ORDER BY a.created_at, a.id""")
                .params(partnership.value(), project.value())
                .query((rs, n) -> new Stored(rs.getObject(1, UUID.class), new ProjectId(rs.getObject(2, UUID.class)),
                        rs.getObject(3, UUID.class), rs.getObject(4, UUID.class)))
                .list();
    }

    boolean insert(Stored link, Instant now) {
        return jdbc.sql("""
                INSERT INTO prevention_agenda_link (id, project_id, meeting_id, agenda_item, created_at)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT (project_id, agenda_item) DO NOTHING""")
                .params(link.id(), link.project().value(), link.meeting(), link.agendaItem(), Timestamp.from(now))
                .update() > 0;
    }

    void delete(ProjectId project, UUID link) {
        jdbc.sql("DELETE FROM prevention_agenda_link WHERE project_id = ? AND id = ?").params(project.value(), link)
                .update();
    }
}

package de.sipa.meetings;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.sipa.shared.OrganisationId;

@Repository
class AgendaProposalRepository {

    private static final RowMapper<AgendaProposal> PROPOSAL = (rs, n) -> {
        var organisation = rs.getObject("organisation_id", UUID.class);
        return new AgendaProposal(rs.getObject("id", UUID.class), new MeetingId(rs.getObject("meeting_id", UUID.class)),
                rs.getString("title"), rs.getString("description"), rs.getString("proposed_by"),
                organisation == null ? null : new OrganisationId(organisation),
                AgendaProposal.Status.valueOf(rs.getString("status")), rs.getString("decided_by"),
                rs.getString("reason"), rs.getTimestamp("created_at").toInstant());
    };

    private final JdbcClient jdbc;

    AgendaProposalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<AgendaProposal> ofMeeting(MeetingId meeting) {
        return jdbc.sql("SELECT * FROM meetings_agenda_proposal WHERE meeting_id = ? ORDER BY created_at, id")
                .param(meeting.value()).query(PROPOSAL).list();
    }

    Optional<AgendaProposal> lock(MeetingId meeting, UUID id) {
        return jdbc.sql("SELECT * FROM meetings_agenda_proposal WHERE meeting_id = ? AND id = ? FOR UPDATE")
                .params(meeting.value(), id).query(PROPOSAL).optional();
    }

    void insert(AgendaProposal proposal) {
        jdbc.sql("""
                INSERT INTO meetings_agenda_proposal (id, meeting_id, title, description, proposed_by, organisation_id,
                                                      status, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(proposal.id(), proposal.meeting().value(), proposal.title(), proposal.description(),
                        proposal.proposedBy(), proposal.organisation() == null ? null : proposal.organisation().value(),
                        proposal.status().name(), Timestamp.from(proposal.createdAt()))
                .update();
    }

    void decide(UUID id, AgendaProposal.Status status, String decidedBy, String reason, UUID agendaItem) {
        jdbc.sql("UPDATE meetings_agenda_proposal SET status = ?, decided_by = ?, reason = ?, agenda_item_id = ? WHERE id = ?")
                .params(status.name(), decidedBy, reason, agendaItem, id).update();
    }
}

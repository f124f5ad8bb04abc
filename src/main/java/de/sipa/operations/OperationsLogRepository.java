package de.sipa.operations;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.sipa.shared.OrganisationId;
import de.sipa.shared.PartnershipId;

/** Appends to the log and reads it; there is deliberately no way to change or remove an entry. */
@Repository
class OperationsLogRepository {

    private static final String SELECT = """
            SELECT e.*, c.number AS corrects_number FROM operations_log_entry e
            LEFT JOIN operations_log_entry c ON c.id = e.corrects
            WHERE e.partnership_id = ? AND e.event_id = ?""";

    private static final RowMapper<LogEntry> ENTRY = (rs, n) -> {
        var organisation = rs.getObject("organisation_id", UUID.class);
        var corrects = rs.getObject("corrects_number", Long.class);
        return new LogEntry(rs.getObject("id", UUID.class), rs.getLong("number"),
                organisation == null ? null : new OrganisationId(organisation), rs.getString("author"),
                rs.getTimestamp("written_at").toInstant(), rs.getString("text"), corrects);
    };

    private final JdbcClient jdbc;

    OperationsLogRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The entries after {@code number}, oldest first, at most {@code limit}. */
    List<LogEntry> after(PartnershipId partnership, EventId event, long number, int limit) {
        return jdbc.sql(SELECT + " AND e.number > ? ORDER BY e.number LIMIT ?")
                .params(partnership.value(), event.value(), number, limit).query(ENTRY).list();
    }

    Optional<UUID> idOf(PartnershipId partnership, EventId event, long number) {
        return jdbc.sql("SELECT id FROM operations_log_entry WHERE partnership_id = ? AND event_id = ? AND number = ?")
                .params(partnership.value(), event.value(), number).query(UUID.class).optional();
    }

    /**
     * Takes the event's next number; the counter row stays locked until the entry commits, so numbers appear in
     * the order viewers can see them and "after number n" never skips an entry.
     */
    long nextNumber(EventId event) {
        return jdbc.sql("""
                INSERT INTO operations_log_counter (event_id, last) VALUES (?, 1)
                ON CONFLICT (event_id) DO UPDATE SET last = operations_log_counter.last + 1
                RETURNING last""").param(event.value()).query(Long.class).single();
    }

    /** A request's entries, oldest first. */
    List<LogEntry> ofRequest(PartnershipId partnership, UrgentRequestId request) {
        return jdbc.sql("""
                SELECT e.*, NULL::BIGINT AS corrects_number FROM operations_log_entry e
                WHERE e.partnership_id = ? AND e.request_id = ? ORDER BY e.number""")
                .params(partnership.value(), request.value()).query(ENTRY).list();
    }

    /**
     * The request's next number. Every step on a request locks its row first ({@link UrgentRequestRepository#lock}),
     * so two steps never take the same number.
     */
    long nextNumber(UrgentRequestId request) {
        return jdbc.sql("SELECT coalesce(max(number), 0) + 1 FROM operations_log_entry WHERE request_id = ?")
                .param(request.value()).query(Long.class).single();
    }

    void append(PartnershipId partnership, UrgentRequestId request, LogEntry entry) {
        jdbc.sql("""
                INSERT INTO operations_log_entry (id, partnership_id, request_id, number, organisation_id, author,
                                                  written_at, text)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(entry.id(), partnership.value(), request.value(), entry.number(),
                        entry.organisation() == null ? null : entry.organisation().value(), entry.author(),
                        Timestamp.from(entry.writtenAt()), entry.text())
                .update();
    }

    void append(PartnershipId partnership, EventId event, LogEntry entry, UUID corrects) {
        jdbc.sql("""
                INSERT INTO operations_log_entry (id, partnership_id, event_id, number, organisation_id, author,
                                                  written_at, text, corrects)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(entry.id(), partnership.value(), event.value(), entry.number(),
                        entry.organisation() == null ? null : entry.organisation().value(), entry.author(),
                        Timestamp.from(entry.writtenAt()), entry.text(), corrects)
                .update();
    }
}

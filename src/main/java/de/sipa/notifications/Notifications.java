package de.sipa.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.CurrentUser;

/** Sends e-mail through the outbox: stored with the caller's transaction, delivered in the background. */
@Service
@Transactional
public class Notifications {

    static final RowMapper<OutboxEntry> ENTRY = (rs, n) -> new OutboxEntry(rs.getObject("id", UUID.class),
            rs.getString("recipient"), rs.getString("subject"), rs.getString("body"),
            rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant(), rs.getInt("attempts"),
            rs.getString("last_error"));

    private final JdbcClient jdbc;
    private final Clock clock;

    Notifications(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Queues the mail; returns false if a mail with the same dedup key was queued before. */
    public boolean send(Mail mail) {
        var attachment = mail.attachment();
        return jdbc.sql("""
                INSERT INTO notifications_mail (id, partnership_id, recipient, subject, body, attachment_name,
                                                attachment_type, attachment, dedup_key, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dedup_key) DO NOTHING""")
                .params(UUID.randomUUID(), mail.partnership().value(), mail.recipient(), mail.subject(), mail.body(),
                        attachment == null ? null : attachment.name(),
                        attachment == null ? null : attachment.contentType(),
                        attachment == null ? null : attachment.content(), mail.dedupKey(),
                        Timestamp.from(clock.instant()))
                .update() == 1;
    }

    /** Every mail of the current partnership to the address, sent or waiting (for a data subject's request). */
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    @Transactional(readOnly = true)
    public List<OutboxEntry> mailsTo(String address) {
        return jdbc.sql("""
                SELECT * FROM notifications_mail WHERE partnership_id = ? AND lower(recipient) = lower(?)
                ORDER BY created_at""")
                .params(CurrentUser.partnership().value(), address.strip()).query(ENTRY).list();
    }

    /** Deletes every mail of the current partnership to the address, sent or waiting; returns how many. */
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    public int forgetMailsTo(String address) {
        return jdbc.sql("DELETE FROM notifications_mail WHERE partnership_id = ? AND lower(recipient) = lower(?)")
                .params(CurrentUser.partnership().value(), address.strip()).update();
    }

    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    @Transactional(readOnly = true)
    public Page<OutboxEntry> outbox(Pageable pageable) {
        var partnership = CurrentUser.partnership().value();
        long total = jdbc.sql("SELECT count(*) FROM notifications_mail WHERE partnership_id = ?").param(partnership)
                .query(Long.class).single();
        List<OutboxEntry> content = jdbc.sql("""
                SELECT * FROM notifications_mail WHERE partnership_id = ? ORDER BY created_at DESC LIMIT ? OFFSET ?""")
                .params(partnership, pageable.getPageSize(), pageable.getOffset()).query(ENTRY).list();
        return new PageImpl<>(content, pageable, total);
    }
}

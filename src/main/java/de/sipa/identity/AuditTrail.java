package de.sipa.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.shared.PartnershipId;

/**
 * Who created, changed, deleted or exported what and when. Entries are written in the transaction of the
 * change they describe and can never be altered (the table refuses UPDATE and DELETE).
 */
@Service
@Transactional
public class AuditTrail {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final MessageSource messages;

    AuditTrail(JdbcClient jdbc, Clock clock, MessageSource messages) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.messages = messages;
    }

    /**
     * A value as the summary of an entry names it: its German label ({@code role.PARTNER} → "Partner"), since the
     * trail is written once, in German, for everyone who reads it later.
     */
    public String label(String messagePrefix, Enum<?> value) {
        return messages.getMessage(messagePrefix + value.name(), null, value.name(), Locale.GERMAN);
    }

    /** A summary from the messages file ({@code audit.account.passwordChanged}), in German like every entry. */
    public String summary(String key, Object... arguments) {
        return messages.getMessage(key, arguments, Locale.GERMAN);
    }

    /** Records an action of the current user in their partnership. */
    public void record(AuditAction action, String subjectType, Object subjectId, String summary) {
        record(CurrentUser.partnership(), action, subjectType, subjectId, summary);
    }

    /** Records an action that concerns another partnership than the actor's (e.g. an administrator creating one). */
    public void record(PartnershipId partnership, AuditAction action, String subjectType, Object subjectId, String summary) {
        var actor = CurrentUser.find().map(SipaUser::username).orElse(SipaUser.SYSTEM);
        insert(partnership, actor, action, subjectType, subjectId, summary);
    }

    /** A login or a failed login of an account, with the account's user name as actor and the client's address. */
    void recordLogin(SipaUser user, boolean success, String address, String how) {
        insert(user.partnership(), user.username(), success ? AuditAction.LOGGED_IN : AuditAction.LOGIN_FAILED,
                "Account", user.accountId(), (success ? "Anmeldung" : "Fehlgeschlagene Anmeldung") + " (" + how
                        + ") von " + address);
    }

    private void insert(PartnershipId partnership, String actor, AuditAction action, String subjectType,
            Object subjectId, String summary) {
        jdbc.sql("""
                INSERT INTO identity_audit_entry (partnership_id, occurred_at, actor, action, subject_type, subject_id, summary)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(partnership.value(), Timestamp.from(clock.instant()), actor, action.name(),
                        subjectType, subjectId == null ? null : subjectId.toString(), abbreviate(summary))
                .update();
    }

    @PreAuthorize(IdentityPermissions.READ_AUDIT_TRAIL)
    @Transactional(readOnly = true)
    public Page<AuditEntry> entries(String search, Pageable pageable) {
        var partnership = CurrentUser.partnership().value();
        var pattern = search == null || search.isBlank() ? null : "%" + search.strip().toLowerCase() + "%";
        // The page shows who acted by display name, so that name is found too.
        var where = "WHERE partnership_id = :partnership AND (CAST(:pattern AS TEXT) IS NULL OR lower(actor) LIKE :pattern "
                + "OR lower(actor) IN (SELECT lower(username) FROM identity_account WHERE lower(display_name) LIKE :pattern) "
                + "OR lower(summary) LIKE :pattern OR lower(subject_type) LIKE :pattern)";
        long total = jdbc.sql("SELECT count(*) FROM identity_audit_entry " + where)
                .param("partnership", partnership).param("pattern", pattern).query(Long.class).single();
        var content = jdbc.sql("SELECT * FROM identity_audit_entry " + where
                        + " ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("partnership", partnership).param("pattern", pattern)
                .param("limit", pageable.getPageSize()).param("offset", pageable.getOffset())
                .query((rs, n) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("actor"), AuditAction.valueOf(rs.getString("action")),
                        rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("summary")))
                .list();
        return new PageImpl<>(content, pageable, total);
    }

    /**
     * Checks the partnership's chain of entries (each carries the hash of the one before, see migration V57): where
     * it is broken, and its head, which whoever keeps the minutes may note outside SiPa, since an entry removed at
     * the very end leaves no break behind.
     */
    @PreAuthorize(IdentityPermissions.READ_AUDIT_TRAIL)
    @Transactional(readOnly = true)
    public ChainCheck checkChain() {
        var partnership = CurrentUser.partnership().value();
        var breaks = jdbc.sql("""
                SELECT chain_position, problem FROM identity_audit_chain_breaks() WHERE partnership_id = ?
                ORDER BY chain_position LIMIT 100""")
                .param(partnership)
                .query((rs, n) -> new ChainCheck.Break(rs.getLong("chain_position"), rs.getString("problem")))
                .list();
        var head = jdbc.sql("""
                SELECT chain_position, hash FROM identity_audit_entry WHERE partnership_id = ?
                ORDER BY chain_position DESC LIMIT 1""")
                .param(partnership)
                .query((rs, n) -> new ChainCheck(rs.getLong("chain_position"), rs.getString("hash"), breaks))
                .optional();
        return head.orElse(new ChainCheck(0, null, breaks));
    }

    /** The result of {@link #checkChain()}: the number of entries, the last one's hash, and the breaks found. */
    public record ChainCheck(long entries, String headHash, List<Break> breaks) {

        /** An entry whose hash or link does not match: problem in English, as the database function names it. */
        public record Break(long position, String problem) {
        }

        public boolean intact() {
            return breaks.isEmpty();
        }
    }

    private static String abbreviate(String summary) {
        return summary.length() <= 1000 ? summary : summary.substring(0, 999) + "…";
    }
}

package de.sipa.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.sipa.shared.OrganisationId;
import de.sipa.shared.PartnershipId;

@Repository
class AccountRepository {

    /** @param totpSecret base32, set once the second factor is enrolled */
    record StoredAccount(SipaUser user, String passwordHash, String email, boolean enabled, String totpSecret,
            long totpLastStep) {

        boolean hasTotp() {
            return totpSecret != null;
        }
    }

    private static final RowMapper<StoredAccount> ROW = (rs, n) -> {
        var organisation = rs.getObject("organisation_id", UUID.class);
        var user = new SipaUser(rs.getObject("id", UUID.class), rs.getString("username"),
                rs.getString("display_name"), new PartnershipId(rs.getObject("partnership_id", UUID.class)),
                organisation == null ? null : new OrganisationId(organisation), Role.valueOf(rs.getString("role")));
        return new StoredAccount(user, rs.getString("password_hash"), rs.getString("email"),
                rs.getBoolean("enabled"), rs.getString("totp_secret"), rs.getLong("totp_last_step"));
    };

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredAccount> findByUsername(String username) {
        return jdbc.sql("SELECT * FROM identity_account WHERE lower(username) = lower(?)")
                .param(username).query(ROW).optional();
    }

    Optional<StoredAccount> findById(PartnershipId partnership, UUID id) {
        return jdbc.sql("SELECT * FROM identity_account WHERE partnership_id = ? AND id = ?")
                .params(partnership.value(), id).query(ROW).optional();
    }

    Optional<StoredAccount> findByPartnershipAgnosticId(UUID id) {
        return jdbc.sql("SELECT * FROM identity_account WHERE id = ?").param(id).query(ROW).optional();
    }

    void setEnabled(PartnershipId partnership, UUID id, boolean enabled) {
        jdbc.sql("UPDATE identity_account SET enabled = ? WHERE partnership_id = ? AND id = ?")
                .params(enabled, partnership.value(), id).update();
    }

    /** Across all partnerships, as user names are unique in the installation (sipa_username_taken, V90). */
    boolean existsByUsername(String username) {
        return jdbc.sql("SELECT sipa_username_taken(?)").param(username).query(Boolean.class).single();
    }

    boolean any() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM identity_account)").query(Boolean.class).single();
    }

    /** E-mail addresses of the organisation's enabled accounts that have one, in the order of the user names. */
    List<String> emailsOf(PartnershipId partnership, UUID organisation) {
        return jdbc.sql("""
                SELECT email FROM identity_account
                WHERE partnership_id = ? AND organisation_id = ? AND enabled AND email ~ '\\S'
                ORDER BY lower(username)""")
                .params(partnership.value(), organisation).query(String.class).list();
    }

    /** The same for several organisations in one query, keyed by organisation. */
    Map<OrganisationId, List<String>> emailsOf(PartnershipId partnership, Collection<OrganisationId> organisations) {
        var emails = new LinkedHashMap<OrganisationId, List<String>>();
        jdbc.sql("""
                SELECT organisation_id, email FROM identity_account
                WHERE partnership_id = ? AND organisation_id = ANY (?) AND enabled AND email ~ '\\S'
                ORDER BY lower(username)""")
                .params(partnership.value(), organisations.stream().map(OrganisationId::value).toArray(UUID[]::new))
                .query(rs -> {
                    emails.computeIfAbsent(new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                            o -> new ArrayList<>()).add(rs.getString("email"));
                });
        return emails;
    }

    List<StoredAccount> findByPartnership(PartnershipId partnership) {
        return jdbc.sql("SELECT * FROM identity_account WHERE partnership_id = ? ORDER BY lower(username)")
                .param(partnership.value()).query(ROW).list();
    }

    void insert(UUID id, NewAccount account, String passwordHash) {
        jdbc.sql("""
                INSERT INTO identity_account (id, partnership_id, organisation_id, username, display_name, email,
                                              password_hash, role)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, account.partnership().value(),
                        account.organisation() == null ? null : account.organisation().value(),
                        account.username(), account.displayName(), account.email(), passwordHash,
                        account.role().name())
                .update();
    }

    void setRole(PartnershipId partnership, UUID id, Role role) {
        jdbc.sql("UPDATE identity_account SET role = ? WHERE partnership_id = ? AND id = ?")
                .params(role.name(), partnership.value(), id).update();
    }

    void setPassword(UUID id, String passwordHash, Instant at) {
        jdbc.sql("UPDATE identity_account SET password_hash = ?, password_changed_at = ? WHERE id = ?")
                .params(passwordHash, Timestamp.from(at), id).update();
    }

    void enableTotp(UUID id, String secret, long usedStep, Instant at) {
        jdbc.sql("UPDATE identity_account SET totp_secret = ?, totp_last_step = ?, totp_enabled_at = ? WHERE id = ?")
                .params(secret, usedStep, Timestamp.from(at), id).update();
    }

    void disableTotp(UUID id) {
        jdbc.sql("UPDATE identity_account SET totp_secret = NULL, totp_enabled_at = NULL WHERE id = ?").param(id).update();
        jdbc.sql("DELETE FROM identity_recovery_code WHERE account_id = ?").param(id).update();
    }

    /** Records the step of a code just used; false if it (or a later one) was used already, so a code works once. */
    boolean useTotpStep(UUID id, long step) {
        return jdbc.sql("UPDATE identity_account SET totp_last_step = ? WHERE id = ? AND totp_last_step < ?")
                .params(step, id, step).update() == 1;
    }

    void replaceRecoveryCodes(UUID id, List<String> codeHashes) {
        jdbc.sql("DELETE FROM identity_recovery_code WHERE account_id = ?").param(id).update();
        for (var hash : codeHashes) {
            jdbc.sql("INSERT INTO identity_recovery_code (account_id, code_hash) VALUES (?, ?)").params(id, hash).update();
        }
    }

    boolean useRecoveryCode(UUID id, String codeHash, Instant at) {
        return jdbc.sql("""
                UPDATE identity_recovery_code SET used_at = ? WHERE account_id = ? AND code_hash = ? AND used_at IS NULL""")
                .params(Timestamp.from(at), id, codeHash).update() == 1;
    }

    int unusedRecoveryCodes(UUID id) {
        return jdbc.sql("SELECT count(*) FROM identity_recovery_code WHERE account_id = ? AND used_at IS NULL")
                .param(id).query(Integer.class).single();
    }

    void insertPasswordReset(String tokenHash, UUID account, Instant at, Instant expires) {
        jdbc.sql("INSERT INTO identity_password_reset (token_hash, account_id, created_at, expires_at) VALUES (?, ?, ?, ?)")
                .params(tokenHash, account, Timestamp.from(at), Timestamp.from(expires)).update();
    }

    /** Uses a reset token once: the account it was made for, if it is unused and not expired. */
    Optional<UUID> usePasswordReset(String tokenHash, Instant at) {
        return jdbc.sql("""
                UPDATE identity_password_reset SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?
                RETURNING account_id""")
                .params(Timestamp.from(at), tokenHash, Timestamp.from(at)).query(UUID.class).optional();
    }

    boolean passwordResetUsable(String tokenHash, Instant at) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM identity_password_reset WHERE token_hash = ? AND used_at IS NULL
                AND expires_at > ?)""").params(tokenHash, Timestamp.from(at)).query(Boolean.class).single();
    }

    /** A new link makes the earlier ones of the account useless. */
    void invalidatePasswordResets(UUID account, Instant at) {
        jdbc.sql("UPDATE identity_password_reset SET used_at = ? WHERE account_id = ? AND used_at IS NULL")
                .params(Timestamp.from(at), account).update();
    }

    Optional<StoredAccount> findByUsernameOrEmail(String name) {
        return jdbc.sql("""
                SELECT * FROM identity_account WHERE lower(username) = lower(?)
                OR (lower(email) = lower(?) AND (SELECT count(*) FROM identity_account a WHERE lower(a.email) = lower(?)) = 1)""")
                .params(name, name, name).query(ROW).optional();
    }
}

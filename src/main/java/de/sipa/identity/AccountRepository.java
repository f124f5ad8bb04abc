package de.sipa.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.sipa.shared.OrganisationId;
import de.sipa.shared.PartnershipId;

@Repository
class AccountRepository {

    record StoredAccount(SipaUser user, String passwordHash, String email, boolean enabled) {
    }

    private static final RowMapper<StoredAccount> ROW = (rs, n) -> {
        var organisation = rs.getObject("organisation_id", UUID.class);
        var user = new SipaUser(rs.getObject("id", UUID.class), rs.getString("username"),
                rs.getString("display_name"), new PartnershipId(rs.getObject("partnership_id", UUID.class)),
                organisation == null ? null : new OrganisationId(organisation), Role.valueOf(rs.getString("role")));
        return new StoredAccount(user, rs.getString("password_hash"), rs.getString("email"),
                rs.getBoolean("enabled"));
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

    boolean existsByUsername(String username) {
        return findByUsername(username).isPresent();
    }

    boolean any() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM identity_account)").query(Boolean.class).single();
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
}

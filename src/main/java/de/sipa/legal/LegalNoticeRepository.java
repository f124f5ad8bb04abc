package de.sipa.legal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.sipa.shared.PartnershipId;

@Repository
class LegalNoticeRepository {

    private final JdbcClient jdbc;

    LegalNoticeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<LegalNotice> find(PartnershipId partnership) {
        return jdbc.sql("""
                SELECT imprint, privacy, accessibility, dpo_name, dpo_contact FROM legal_notice
                WHERE partnership_id = ?""")
                .param(partnership.value())
                .query((rs, n) -> new LegalNotice(rs.getString("imprint"), rs.getString("privacy"),
                        rs.getString("accessibility"), rs.getString("dpo_name"), rs.getString("dpo_contact")))
                .optional();
    }

    void save(PartnershipId partnership, LegalNotice notice, String by, Instant at) {
        jdbc.sql("""
                INSERT INTO legal_notice (partnership_id, imprint, privacy, accessibility, dpo_name, dpo_contact,
                    updated_by, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (partnership_id) DO UPDATE SET imprint = EXCLUDED.imprint, privacy = EXCLUDED.privacy,
                    accessibility = EXCLUDED.accessibility,
                    dpo_name = EXCLUDED.dpo_name, dpo_contact = EXCLUDED.dpo_contact,
                    updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at""")
                .params(partnership.value(), notice.imprint(), notice.privacy(), notice.accessibility(),
                        notice.dpoName(), notice.dpoContact(), by, Timestamp.from(at))
                .update();
    }
}

package de.sipa.networks;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.shared.PartnershipId;
import de.sipa.shared.RuleViolationException;

/** The partnership's cooperation agreement: what it says, the signed document, and whether the public sees it. */
@Service
@Transactional
public class PartnershipAgreements {

    static final int MAX_DOCUMENT = 5 * 1024 * 1024;
    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final RowMapper<PartnershipAgreement> AGREEMENT = (rs, n) -> new PartnershipAgreement(
            rs.getString("title"), rs.getString("parties"), rs.getString("fields"),
            rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
            rs.getObject("review_on", LocalDate.class), rs.getBoolean("published"), rs.getString("file_name"));

    /** The signed document as stored. */
    public record Document(String fileName, String contentType, byte[] content) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail auditTrail;
    private final Clock clock;

    PartnershipAgreements(JdbcClient jdbc, AuditTrail auditTrail, Clock clock) {
        this.jdbc = jdbc;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<PartnershipAgreement> mine() {
        return jdbc.sql("SELECT * FROM networks_agreement WHERE partnership_id = ?")
                .param(CurrentUser.partnership().value()).query(AGREEMENT).optional();
    }

    /** Records (or changes) the agreement; the document stays as it is. */
    @PreAuthorize(NetworkPermissions.MANAGE)
    public void save(PartnershipAgreement agreement) {
        var title = required(agreement.title(), 200, "agreement.title.invalid");
        var parties = required(agreement.parties(), 4000, "agreement.parties.invalid");
        var fields = required(agreement.fields(), 4000, "agreement.fields.invalid");
        if (agreement.startsOn() == null) {
            throw new RuleViolationException("agreement.startsOn.required");
        }
        if (agreement.endsOn() != null && agreement.endsOn().isBefore(agreement.startsOn())) {
            throw new RuleViolationException("agreement.term.invalid");
        }
        jdbc.sql("""
                INSERT INTO networks_agreement (partnership_id, title, parties, fields, starts_on, ends_on, review_on,
                                                published, updated_at)
                VALUES (:p, :title, :parties, :fields, :starts, :ends, :review, :published, now())
                ON CONFLICT (partnership_id) DO UPDATE SET title = :title, parties = :parties, fields = :fields,
                  starts_on = :starts, ends_on = :ends, review_on = :review, published = :published, updated_at = now()""")
                .param("p", CurrentUser.partnership().value()).param("title", title).param("parties", parties)
                .param("fields", fields).param("starts", agreement.startsOn()).param("ends", agreement.endsOn())
                .param("review", agreement.reviewOn()).param("published", agreement.published()).update();
        auditTrail.record(AuditAction.CHANGED, "PartnershipAgreement", CurrentUser.partnership(), title);
    }

    /** The signed document, a PDF of at most 5 MB; replaces the one before. */
    @PreAuthorize(NetworkPermissions.MANAGE)
    public void attach(String fileName, byte[] content) {
        if (mine().isEmpty()) {
            throw new RuleViolationException("agreement.first");
        }
        if (content == null || content.length == 0 || content.length > MAX_DOCUMENT
                || !Arrays.equals(Arrays.copyOf(content, PDF.length), PDF)) {
            throw new RuleViolationException("agreement.document.invalid");
        }
        var name = fileName == null || fileName.isBlank() ? "kooperationsvereinbarung.pdf"
                : fileName.replaceAll("[^\\p{L}\\p{N}._ -]", "_");
        jdbc.sql("""
                UPDATE networks_agreement SET file_name = ?, content_type = 'application/pdf', content = ?,
                updated_at = now() WHERE partnership_id = ?""")
                .params(name.length() > 255 ? name.substring(0, 255) : name, content,
                        CurrentUser.partnership().value())
                .update();
        auditTrail.record(AuditAction.CHANGED, "PartnershipAgreement", CurrentUser.partnership(),
                auditTrail.summary("audit.network.agreementDocument", name));
    }

    @Transactional(readOnly = true)
    public Optional<Document> document() {
        return document(CurrentUser.partnership(), false);
    }

    /** What the citizens' pages show of a partnership: its agreement only if the partners agreed to publish it. */
    @Transactional(readOnly = true)
    public Optional<PartnershipAgreement> published(PartnershipId partnership) {
        return jdbc.sql("SELECT * FROM networks_agreement WHERE partnership_id = ? AND published")
                .param(partnership.value()).query(AGREEMENT).optional();
    }

    @Transactional(readOnly = true)
    public Optional<Document> publishedDocument(PartnershipId partnership) {
        return document(partnership, true);
    }

    private Optional<Document> document(PartnershipId partnership, boolean publishedOnly) {
        return jdbc.sql("SELECT file_name, content_type, content FROM networks_agreement WHERE partnership_id = ?"
                        + " AND content IS NOT NULL" + (publishedOnly ? " AND published" : ""))
                .param(partnership.value())
                .query((rs, n) -> new Document(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
    }

    /** Agreements whose review is due within the days given and not past, across partnerships (for the job). */
    java.util.List<Due> dueForReview(int days) {
        var today = LocalDate.now(clock);
        return jdbc.sql("""
                SELECT partnership_id, title, review_on FROM networks_agreement
                WHERE review_on IS NOT NULL AND review_on >= ? AND review_on <= ?""")
                .params(Date.valueOf(today), Date.valueOf(today.plusDays(days)))
                .query((rs, n) -> new Due(new PartnershipId(rs.getObject(1, UUID.class)), rs.getString(2),
                        rs.getObject(3, LocalDate.class)))
                .list();
    }

    record Due(PartnershipId partnership, String title, LocalDate reviewOn) {
    }

    private static String required(String text, int max, String key) {
        var value = text == null ? "" : text.strip();
        if (value.isEmpty() || value.length() > max) {
            throw new RuleViolationException(key, max);
        }
        return value;
    }
}

package de.sipa.reports;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.notifications.Notifications;
import de.sipa.notifications.OutboxEntry;
import de.sipa.shared.RuleViolationException;

/**
 * A reporter's rights under the DSGVO, for the coordination: what the partnership keeps about an e-mail address
 * (Art. 15, also as a download, Art. 20) and the deletion of the contact data and the mails to it on request
 * (Art. 17). The reports themselves stay (the partnership's record of its work); their texts are the coordinator's
 * to edit where they name the person. Each disclosure and deletion is in the audit trail with the address masked,
 * so that the trail does not keep what was deleted.
 */
@Service
@Transactional
@PreAuthorize(ReportPermissions.COORDINATE)
public class ReporterData {

    private final ReportRepository reports;
    private final Notifications notifications;
    private final AuditTrail auditTrail;
    private final Clock clock;

    ReporterData(ReportRepository reports, Notifications notifications, AuditTrail auditTrail, Clock clock) {
        this.reports = reports;
        this.notifications = notifications;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /** A report as it concerns its reporter. */
    public record ReportOfReporter(ReportId id, String publicId, Instant submittedAt, String category,
            ReportStatus status, String description, String address, Double latitude, Double longitude,
            String reporterName, String reporterEmail, String reporterPhone, String publicNote, Instant closedAt,
            int photos) {

        /** Name, e-mail and phone as far as kept, or null when none is left. */
        public String contact() {
            var kept = Stream.of(reporterName, reporterEmail, reporterPhone).filter(Objects::nonNull).toList();
            return kept.isEmpty() ? null : String.join(", ", kept);
        }
    }

    /** Everything found for one address. */
    public record Disclosure(String email, Instant compiledAt, List<ReportOfReporter> reports, List<OutboxEntry> mails) {

        public boolean empty() {
            return reports.isEmpty() && mails.isEmpty();
        }
    }

    /** What a deletion removed; shown on the next page, so it travels in the session's flash. */
    public record Erasure(int reports, int mails) implements Serializable {
    }

    /** Looks the address up; {@code download} says whether it is handed out as a file (audited as an export). */
    public Disclosure disclose(String email, boolean download) {
        var address = checked(email);
        var disclosure = new Disclosure(address, clock.instant(), reports.ofReporter(CurrentUser.partnership(), address),
                notifications.mailsTo(address));
        if (download) {
            auditTrail.record(AuditAction.EXPORTED, "ReporterData", null, auditTrail.summary(
                    "audit.reporterData.exported", masked(address), disclosure.reports().size(),
                    disclosure.mails().size()));
        }
        return disclosure;
    }

    /** Deletes name, e-mail and phone from every report with the address, and every mail to it. */
    public Erasure erase(String email) {
        var address = checked(email);
        var now = clock.instant();
        var cleared = reports.deleteContactsOf(CurrentUser.partnership(), address, now);
        cleared.forEach(id -> reports.event(id, now, CurrentUser.get().username(), ReportEvent.Kind.CONTACT_DELETED,
                null, null, false));
        int mails = notifications.forgetMailsTo(address);
        auditTrail.record(AuditAction.DELETED, "ReporterData", null,
                auditTrail.summary("audit.reporterData.erased", masked(address), cleared.size(), mails));
        return new Erasure(cleared.size(), mails);
    }

    private static String checked(String email) {
        var address = email == null ? "" : email.strip();
        if (address.isEmpty() || address.length() > 200 || !address.contains("@")) {
            throw new RuleViolationException("report.privacy.email.invalid");
        }
        return address;
    }

    /** {@code k…@example.org}: enough to tell requests apart in the trail, not enough to keep the address. */
    static String masked(String email) {
        int at = email.indexOf('@');
        return email.charAt(0) + "…" + email.substring(at);
    }
}

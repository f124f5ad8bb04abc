package de.sipa.meetings;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.partners.Organisations;
import de.sipa.partners.Partnerships;

/**
 * The chair's office (Geschäftsstelle) of the partnership's bodies: the mailbox that sends the invitations and stands
 * in them as their ORGANIZER, so that a reply or a question reaches a person who reads it. The coordination sets it;
 * without it, the e-mail of the coordination's own organisation stands in (the partnership's contact address), and
 * only without that the installation's sender address.
 * <p>
 * Replies are not requested: SiPa does not read the answers to an invitation (attendance is recorded in SiPa at the
 * meeting), so the attendees carry no RSVP=TRUE and calendar programs do not offer to send one into the void.
 */
@Service
@Transactional
public class MeetingOffice {

    static final int MAX_LENGTH = 200;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final Partnerships partnerships;
    private final MessageSource messages;
    private final AuditTrail auditTrail;
    private final Clock clock;
    private final String installationSender;

    MeetingOffice(JdbcClient jdbc, Organisations organisations, Partnerships partnerships, MessageSource messages,
            AuditTrail auditTrail, Clock clock, @Value("${sipa.mail.from:sipa@localhost}") String installationSender) {
        this.partnerships = partnerships;
        this.messages = messages;
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.auditTrail = auditTrail;
        this.clock = clock;
        this.installationSender = installationSender;
    }

    /** The office mailbox the coordination set, if any. */
    @PreAuthorize(MeetingPermissions.READ)
    @Transactional(readOnly = true)
    public Optional<String> mailbox() {
        return jdbc.sql("SELECT email FROM meetings_office_mailbox WHERE partnership_id = ?")
                .param(CurrentUser.partnership().value()).query(String.class).optional();
    }

    /** Sets the office mailbox; a blank one removes it (the fallbacks apply again). */
    @PreAuthorize(MeetingPermissions.PLAN)
    public void change(String email) {
        var partnership = CurrentUser.partnership().value();
        var clean = email == null ? "" : email.strip();
        if (clean.isEmpty()) {
            if (jdbc.sql("DELETE FROM meetings_office_mailbox WHERE partnership_id = ?").param(partnership)
                    .update() > 0) {
                auditTrail.record(AuditAction.DELETED, "MeetingOffice", partnership,
                        auditTrail.summary("audit.meetingOffice.removed"));
            }
            return;
        }
        if (clean.length() > MAX_LENGTH || !EMAIL.matcher(clean).matches()) {
            throw new de.sipa.shared.RuleViolationException("meeting.office.invalid");
        }
        jdbc.sql("""
                INSERT INTO meetings_office_mailbox (partnership_id, email, updated_by, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (partnership_id) DO UPDATE SET email = EXCLUDED.email, updated_by = EXCLUDED.updated_by,
                    updated_at = EXCLUDED.updated_at""")
                .params(partnership, clean, CurrentUser.get().username(), Timestamp.from(clock.instant())).update();
        auditTrail.record(AuditAction.CHANGED, "MeetingOffice", partnership,
                auditTrail.summary("audit.meetingOffice.changed", clean));
    }

    /** Who organises an invitation: the name calendar programs show (may be null) and the mailbox. */
    record Organizer(String name, String email) {
    }

    /**
     * Who organises the invitations sent now: the office mailbox, else the e-mail of the (coordinating) sender's own
     * organisation, else the installation's sender address.
     */
    @Transactional(readOnly = true)
    Organizer organizer() {
        return mailbox()
                .map(email -> new Organizer(messages.getMessage("meeting.office.organizer",
                        new Object[] {partnerships.mine().name()}, Locale.GERMAN), email))
                .or(this::organisation)
                .orElseGet(() -> new Organizer(null, installationSender));
    }

    private Optional<Organizer> organisation() {
        var id = CurrentUser.get().organisation();
        if (id == null) {
            return Optional.empty();
        }
        var organisation = organisations.get(id);
        return Optional.ofNullable(organisation.email()).filter(e -> !e.isBlank())
                .map(email -> new Organizer(organisation.name(), email));
    }
}

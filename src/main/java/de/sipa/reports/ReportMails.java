package de.sipa.reports;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import de.sipa.notifications.Mail;
import de.sipa.shared.BaseUrl;
import de.sipa.shared.PartnershipId;

/**
 * The contact point's mails, worded in the messages files ({@code mail.report.*}). In German: staff and citizens
 * of a German city read them, whatever language their browser asked for.
 */
@Component
class ReportMails {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final MessageSource messages;
    private final String baseUrl;
    private final ZoneId zone;

    ReportMails(MessageSource messages, BaseUrl baseUrl, java.time.Clock clock) {
        this.messages = messages;
        this.baseUrl = baseUrl.value();
        this.zone = clock.getZone();
    }

    /** To an organisation whose work list has a new report. */
    Mail assigned(PartnershipId partnership, String email, String publicId, String category) {
        return mail(partnership, email, "mail.report.assigned", publicId, category, baseUrl + "/reports");
    }

    /** To an organisation that supports or is told of a report. */
    Mail informed(PartnershipId partnership, String email, String publicId, String category, ReportId id) {
        return mail(partnership, email, "mail.report.informed", publicId, category, baseUrl + "/reports/" + id);
    }

    /** To the citizen whose report was closed, with the responsible body's public note if it left one. */
    Mail closed(PartnershipId partnership, String email, String publicId, String publicNote, java.util.UUID token) {
        var note = publicNote == null ? "" : text("mail.report.closed.note", publicNote);
        return mail(partnership, email, "mail.report.closed", publicId, note,
                baseUrl + "/buerger/anliegen/" + token);
    }

    /** To the coordination: a report is past its deadline. */
    Mail overdue(PartnershipId partnership, String email, String publicId, Instant deadline, ReportId id) {
        return mail(partnership, email, "mail.report.overdue", publicId, MINUTE.format(deadline.atZone(zone)),
                baseUrl + "/reports/" + id);
    }

    private Mail mail(PartnershipId partnership, String email, String key, Object... arguments) {
        return Mail.of(partnership, email, text(key + ".subject", arguments), text(key + ".body", arguments));
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, Locale.GERMAN);
    }
}

package de.sipa.notifications;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import de.sipa.identity.PasswordResetRequested;

/**
 * Writes the password reset link into the outbox. A plain (synchronous) listener on purpose: the mail is queued in
 * the transaction that stored the token, and the link never lands in the event publication log.
 */
@Component
class PasswordResetMails {

    private final Notifications notifications;
    private final MessageSource messages;

    PasswordResetMails(Notifications notifications, MessageSource messages) {
        this.notifications = notifications;
        this.messages = messages;
    }

    @EventListener
    void on(PasswordResetRequested request) {
        var locale = Locale.GERMAN;
        notifications.send(Mail.of(request.partnership(), request.recipient(),
                messages.getMessage("mail.passwordReset.subject", null, locale),
                messages.getMessage("mail.passwordReset.body", new Object[] {request.displayName(), request.link(),
                    request.validFor().toMinutes()}, locale)));
    }
}

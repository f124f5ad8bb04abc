package de.sipa.notifications;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import de.sipa.shared.PartnershipId;

/**
 * Mails worded in the messages files: a key's {@code .subject} and {@code .body} with the same arguments. In German:
 * staff and citizens of a German city read them, whatever language their browser asked for.
 */
@Component
public class MailTexts {

    private final MessageSource messages;

    MailTexts(MessageSource messages) {
        this.messages = messages;
    }

    public Mail mail(PartnershipId partnership, String recipient, String key, Object... arguments) {
        return Mail.of(partnership, recipient, text(key + ".subject", arguments), text(key + ".body", arguments));
    }

    /** One text of a mail, e.g. a line repeated in its body. */
    public String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, Locale.GERMAN);
    }
}

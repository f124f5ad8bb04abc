package de.sipa.notifications;

import de.sipa.shared.PartnershipId;

/**
 * An e-mail to send.
 *
 * @param attachment optional, e.g. an invitation's .ics
 * @param dedupKey optional; a second mail with the same key is not sent (e.g. one reminder per day)
 */
public record Mail(PartnershipId partnership, String recipient, String subject, String body, Attachment attachment,
        String dedupKey) {

    public record Attachment(String name, String contentType, byte[] content) {
    }

    public static Mail of(PartnershipId partnership, String recipient, String subject, String body) {
        return new Mail(partnership, recipient, subject, body, null, null);
    }

    public Mail once(String key) {
        return new Mail(partnership, recipient, subject, body, attachment, key);
    }
}

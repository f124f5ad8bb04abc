package de.sipa.identity;

import java.time.Duration;

import de.sipa.shared.PartnershipId;

/**
 * Somebody asked for a password reset link for an account with an e-mail address. Handled synchronously, in the
 * transaction that stored the token, so that the mail is in the outbox exactly when the token exists (and the link
 * is never written to the event publication log).
 */
public record PasswordResetRequested(PartnershipId partnership, String recipient, String displayName, String link,
        Duration validFor) {
}

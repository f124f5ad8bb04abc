package de.sipa.notifications;

import java.time.Instant;
import java.util.UUID;

/** A mail as the outbox lists it. */
public record OutboxEntry(UUID id, String recipient, String subject, String body, Instant createdAt, Instant sentAt,
        int attempts, String lastError) {

    public boolean sent() {
        return sentAt != null;
    }
}

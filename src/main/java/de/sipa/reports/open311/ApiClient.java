package de.sipa.reports.open311;

import java.time.Instant;
import java.util.UUID;

/** An app or portal that may post reports through Open311, with its own key. */
public record ApiClient(UUID id, String name, boolean active, Instant createdAt) {
}

package de.sipa.reports.open311;

import java.util.UUID;

/** A client just opened and its key, shown once: only its hash is kept. */
public record NewApiKey(UUID client, String key) {
}

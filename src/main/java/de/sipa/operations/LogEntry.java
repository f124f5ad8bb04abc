package de.sipa.operations;

import java.time.Instant;
import java.util.UUID;

import de.sipa.shared.OrganisationId;

/**
 * An entry in the operations log (Einsatztagebuch); never changed once written.
 *
 * @param number per event, in the order the entries were committed
 * @param organisation who wrote it; {@code null} for the coordination without an organisation
 * @param corrects the number of the entry this one corrects, or {@code null}
 */
public record LogEntry(UUID id, long number, OrganisationId organisation, String author, Instant writtenAt,
        String text, Long corrects) {
}

package de.sipa.meetings;

import java.time.Instant;
import java.util.UUID;

/** A file for an agenda item (Sitzungsunterlage), in one of its versions. */
public record Material(UUID id, UUID agendaItem, String fileName, String contentType, int size, int version,
        String uploadedBy, Instant uploadedAt) {
}

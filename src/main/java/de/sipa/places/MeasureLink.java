package de.sipa.places;

import java.util.UUID;

/**
 * A measure's link to a record of another module, with the record's title as the reader may see it.
 *
 * @param target the linked record's id
 * @param meeting the meeting a decision was taken in, else {@code null}
 * @param path the address of the record's page
 */
public record MeasureLink(UUID id, MeasureId measure, MeasureLinkKind kind, UUID target, UUID meeting, String title,
        String path) {
}

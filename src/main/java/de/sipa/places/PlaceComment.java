package de.sipa.places;

import java.time.Instant;
import java.util.UUID;

/** A citizen's comment on a published place; shown publicly once approved. */
public record PlaceComment(UUID id, PlaceId place, String text, String moderation, Instant submittedAt) {
}

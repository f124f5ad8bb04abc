package de.sipa.responsibilities;

import java.time.Instant;
import java.util.UUID;

/** A versioned step of the matrix: who changed it, when, why, and which review decided it (if any). */
public record MatrixChange(long id, Instant changedAt, String actor, String reason, UUID review) {
}

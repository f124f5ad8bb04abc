package de.sipa.networks;

/**
 * A shared place with whether its measures worked, in sentences; {@code sentence} is {@code null} where the place had
 * too few reports for a comparison (then no counts are passed on either).
 */
public record PlaceEvaluation(SharedPlace place, String sentence) {
}

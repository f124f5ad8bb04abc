package de.sipa.places;

/** One record a measure or place can be linked to, as a choice in a form. */
public record LinkChoice(String value, String label) {
}

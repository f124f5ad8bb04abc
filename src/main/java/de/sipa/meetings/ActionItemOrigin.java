package de.sipa.meetings;

/**
 * Where an action item comes from when not from a meeting, e.g. the debrief of an event: a label for the follow-up
 * board and the page it links to.
 */
public record ActionItemOrigin(String label, String link) {
}

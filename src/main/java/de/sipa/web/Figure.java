package de.sipa.web;

/**
 * One line of a start page: a count and the link to the list that shows exactly what was counted. Public only for
 * the template engine.
 *
 * @param key the message key of its label, e.g. {@code today.overdue}
 */
public record Figure(String id, String key, long count, String link) {
}

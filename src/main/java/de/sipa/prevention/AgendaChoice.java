package de.sipa.prevention;

/** An agenda item offered for linking: its value "meeting:item" and what the select shows. */
public record AgendaChoice(String value, String label) {
}

package de.sipa.operations;

/** Großveranstaltung or Naturereignis; labels in messages ({@code event.kind.*}). */
public enum EventKind {
    MAJOR_EVENT,
    NATURAL_EVENT
}

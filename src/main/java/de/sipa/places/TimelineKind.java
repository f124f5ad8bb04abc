package de.sipa.places;

/** What happened at a place, as its time line groups it. */
public enum TimelineKind {
    MEASURE, DECISION, ACTION_ITEM, AGENDA_ITEM, PATROL, REPORT
}

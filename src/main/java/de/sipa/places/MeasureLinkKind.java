package de.sipa.places;

/** The records of other modules a measure points to: the bodies' decisions and action items, topics, patrols. */
public enum MeasureLinkKind {
    DECISION, ACTION_ITEM, TOPIC, PATROL_AREA, PATROL_PLAN
}

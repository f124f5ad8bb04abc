package de.sipa.places;

/** Where a measure stands: planned, running, done, or dropped. */
public enum MeasureStatus {
    PLANNED, RUNNING, DONE, DROPPED;

    /** Whether the measure is (or was) carried out at the place. */
    public boolean started() {
        return this == RUNNING || this == DONE;
    }
}

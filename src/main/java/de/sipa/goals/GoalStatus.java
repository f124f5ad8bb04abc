package de.sipa.goals;

/** Where a goal stands: in the running year on or off track, after the year achieved or missed. */
public enum GoalStatus {
    ACHIEVED, ON_TRACK, OFF_TRACK, MISSED, NO_DATA, PLANNED
}

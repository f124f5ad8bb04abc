package de.sipa.meetings;

public enum MeetingStatus {
    PLANNED, INVITED, HELD, MINUTES_APPROVED, CANCELLED;

    /** Agenda, decisions and action items are recorded until the minutes are approved; a cancelled meeting has none. */
    public boolean takesRecords() {
        return this != MINUTES_APPROVED && this != CANCELLED;
    }
}

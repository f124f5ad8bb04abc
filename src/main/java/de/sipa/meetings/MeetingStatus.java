package de.sipa.meetings;

public enum MeetingStatus {
    PLANNED, INVITED, HELD, MINUTES_APPROVED, CANCELLED
}

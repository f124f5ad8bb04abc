package de.sipa.volunteers;

/**
 * Where a sign-up stands: waiting for the citizen to confirm by the mailed link, confirmed (new for the contact
 * person), accepted, assigned to a task or time, or declined.
 */
public enum VolunteerStatus {
    UNCONFIRMED, CONFIRMED, ACCEPTED, ASSIGNED, DECLINED;

    /** Taken on: may get an assignment, hours and thanks. */
    public boolean takenOn() {
        return this == ACCEPTED || this == ASSIGNED;
    }
}

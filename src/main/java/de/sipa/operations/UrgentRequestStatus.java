package de.sipa.operations;

/** Where a short-notice request stands; labels in messages ({@code urgentRequest.status.*}). */
public enum UrgentRequestStatus {
    /** Sent, nobody of the addressed organisation has confirmed seeing it yet. */
    OPEN,
    /** Seen and confirmed, not yet answered. */
    ACKNOWLEDGED,
    /** Zusage. */
    ACCEPTED,
    /** Absage. */
    DECLINED;

    public boolean answered() {
        return this == ACCEPTED || this == DECLINED;
    }
}

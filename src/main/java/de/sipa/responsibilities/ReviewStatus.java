package de.sipa.responsibilities;

public enum ReviewStatus {
    /** The involved organisations answer; the coordinator consolidates proposals. */
    OPEN,
    /** The proposals lie with the steering group. */
    SUBMITTED,
    /** Decided; approved changes are in the matrix. */
    CLOSED
}

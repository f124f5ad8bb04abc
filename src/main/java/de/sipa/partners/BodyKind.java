package de.sipa.partners;

public enum BodyKind {
    /** Lenkungsgruppe. */
    STEERING_GROUP,
    /** Koordinierungskreis. */
    COORDINATION_CIRCLE,
    /** Kriminalpräventiver Rat / Präventionsrat. */
    PREVENTION_COUNCIL,
    /** Arbeitsgruppe. */
    WORKING_GROUP
}

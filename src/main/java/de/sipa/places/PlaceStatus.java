package de.sipa.places;

/** Where the partnership stands with a place, in the order a place usually goes through. */
public enum PlaceStatus {
    OBSERVED, CONCEPT_IN_WORK, MEASURES_RUNNING, EVALUATED, CLOSED
}

package de.sipa.surveys;

/** How the results of a wave are weighted to the population structure the partnership entered. */
public enum Weighting {
    /** Every response counts once. */
    NONE,
    /** Cell weighting by district: each district weighs as much as its share of the inhabitants. */
    DISTRICT,
    /** Raking (iterative proportional fitting) to the district margin and the age band × gender margin. */
    RAKING
}

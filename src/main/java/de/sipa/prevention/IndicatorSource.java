package de.sipa.prevention;

/**
 * Where an indicator's measured values come from: typed in, or counted live from another module's figures over each
 * value's period. A survey question can join here as a further source.
 */
public enum IndicatorSource {
    /** Typed in by the project. */
    TYPED,
    /** Reports received by the contact point, of a category and/or in a district, in the period. */
    REPORTS,
    /** Recorded cases (PKS) of an offence group in a district or the whole city, in the year the period ends. */
    CRIME_CASES
}

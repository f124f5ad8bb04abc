package de.sipa.prevention;

/**
 * Where an indicator's measured values come from: typed in, or counted live from another module's figures over each
 * value's period. Or a comparable survey question, per wave.
 */
public enum IndicatorSource {
    /** Typed in by the project. */
    TYPED,
    /** Reports received by the contact point, of a category and/or in a district, in the period. */
    REPORTS,
    /** Recorded cases (PKS) of an offence group in a district or the whole city, in the year the period ends. */
    CRIME_CASES,
    /**
     * A comparable survey question (e.g. the sense of security): the share choosing the scale's last two points, in a
     * district or the whole city, one value per survey wave that asked it; nothing is typed.
     */
    SURVEY
}

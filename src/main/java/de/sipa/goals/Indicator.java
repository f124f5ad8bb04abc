package de.sipa.goals;

/**
 * What a goal is measured by. A count (reports, PKS cases) adds up over the year, so in the running year it is
 * projected to the whole year before it is compared with the target; a share (in percent) or a measured value is
 * compared as it stands.
 */
public enum Indicator {
    /** The share of the year's reports answered within the goal's working days, in percent. */
    ANSWERED_WITHIN(false),
    /** The year's reports, of a category and in a district if the goal names them. */
    REPORTS(true),
    /** The PKS cases of an offence group in a district (or the city) in the year. */
    CRIME_CASES(true),
    /** The share of the survey's answers that feel unsafe alone at night in the district, the year's last wave. */
    FEELING_UNSAFE(false),
    /** A value measured elsewhere and typed in. */
    MEASURED(false);

    private final boolean count;

    Indicator(boolean count) {
        this.count = count;
    }

    public boolean count() {
        return count;
    }
}

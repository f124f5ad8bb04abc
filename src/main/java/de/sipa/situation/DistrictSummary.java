package de.sipa.situation;

import de.sipa.partners.District;

/**
 * A district's key figures for the list of district profiles.
 *
 * @param population the latest inhabitants entered, {@code null} if none
 * @param reports received in the last twelve months; {@code reportsYearBefore} in the twelve months before
 * @param crime the latest year's PKS figures of the first offence group ("Straftaten insgesamt"); {@code null} when
 *     the user may not see them per district or no figures were imported
 */
public record DistrictSummary(District district, Integer population, long reports, long reportsYearBefore, long open,
        long overdue, int patrolPlans, Integer crimeYear, Figures crime) {
}

package de.sipa.goals;

import java.math.BigDecimal;
import java.util.UUID;

import de.sipa.partners.DistrictId;
import de.sipa.shared.OrganisationId;

/**
 * A year's goal (Jahresziel) with what measures it.
 *
 * @param workingDays for {@link Indicator#ANSWERED_WITHIN}
 * @param category for {@link Indicator#REPORTS}, {@code null}: all categories
 * @param district for reports, PKS cases and the sense of security; {@code null}: the whole city
 * @param offenceGroup for {@link Indicator#CRIME_CASES}: the offence group's name
 * @param measured for {@link Indicator#MEASURED}: the value typed in, {@code null} while none is known
 * @param owner the organisation responsible, {@code null} for the partnership as a whole
 */
public record AnnualGoal(AnnualGoalId id, int year, String title, String description, Indicator indicator,
        Integer workingDays, UUID category, DistrictId district, String offenceGroup, BigDecimal measured,
        BigDecimal baseline, BigDecimal target, Direction direction, OrganisationId owner) {
}

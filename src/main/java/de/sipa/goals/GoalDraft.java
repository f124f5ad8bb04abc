package de.sipa.goals;

import java.math.BigDecimal;
import java.util.UUID;

import de.sipa.partners.DistrictId;
import de.sipa.shared.OrganisationId;

/** What the goal form sets, checked by {@link Goals}. */
public record GoalDraft(int year, String title, String description, Indicator indicator, Integer workingDays,
        UUID category, DistrictId district, String offenceGroup, BigDecimal measured, BigDecimal baseline,
        BigDecimal target, Direction direction, OrganisationId owner) {
}

package de.sipa.prevention;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import de.sipa.partners.DistrictId;
import de.sipa.reports.CategoryId;

/**
 * What a project measures to see whether it reaches its goals.
 *
 * @param category for {@link IndicatorSource#REPORTS}: the reports' category, {@code null} for all
 * @param district for the linked sources: the district, {@code null} for the whole city
 * @param offenceGroup for {@link IndicatorSource#CRIME_CASES}: the offence group of the crime figures
 * @param values the measured values, oldest first (none for a survey question: its waves are the values)
 * @param surveyKey for {@link IndicatorSource#SURVEY}: the comparable key of the survey question
 */
public record Indicator(IndicatorId id, ProjectId project, String name, String unit, BigDecimal baseline,
        BigDecimal target, IndicatorSource source, CategoryId category, DistrictId district, UUID offenceGroup,
        List<IndicatorValue> values, String surveyKey) {

    public Indicator(IndicatorId id, ProjectId project, String name, String unit, BigDecimal baseline,
            BigDecimal target, IndicatorSource source, CategoryId category, DistrictId district, UUID offenceGroup,
            List<IndicatorValue> values) {
        this(id, project, name, unit, baseline, target, source, category, district, offenceGroup, values, null);
    }

    public boolean linked() {
        return source != IndicatorSource.TYPED;
    }
}

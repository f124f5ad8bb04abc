package de.sipa.prevention;

import java.math.BigDecimal;
import java.util.UUID;

import de.sipa.partners.DistrictId;
import de.sipa.reports.CategoryId;

/** What a person enters for a new indicator; the link's fields only for the linked sources. */
public record IndicatorDraft(String name, String unit, BigDecimal baseline, BigDecimal target, IndicatorSource source,
        CategoryId category, DistrictId district, UUID offenceGroup, String surveyKey) {

    public IndicatorDraft(String name, String unit, BigDecimal baseline, BigDecimal target, IndicatorSource source,
            CategoryId category, DistrictId district, UUID offenceGroup) {
        this(name, unit, baseline, target, source, category, district, offenceGroup, null);
    }
}

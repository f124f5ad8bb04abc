package de.sipa.places;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import de.sipa.shared.ProcessingRecords;

/** What a place's evaluation compares (dates, widths, a drawn comparison area): no personal data. */
@Component
class PlaceEffectProcessingRecords implements ProcessingRecords {

    @Override
    public List<ProcessingActivity> activities() {
        return List.of();
    }

    @Override
    public Set<String> tablesWithoutPersonalData() {
        return Set.of("places_effect_setting");
    }
}

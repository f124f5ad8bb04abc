package de.sipa.situation;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import de.sipa.shared.ProcessingRecords;

/** Crime figures are counts per district and year: no personal data. */
@Component
class SituationProcessingRecords implements ProcessingRecords {

    @Override
    public List<ProcessingActivity> activities() {
        return List.of();
    }

    @Override
    public Set<String> tablesWithoutPersonalData() {
        return Set.of("situation_crime_figure", "situation_district_population", "situation_offence_group",
                "situation_crime_publication");
    }
}

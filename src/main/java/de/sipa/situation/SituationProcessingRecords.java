package de.sipa.situation;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import de.sipa.shared.ProcessingRecords;

/**
 * Crime figures are counts per district and year: no personal data. The police's incidents carry the place and time
 * of an offence, which may point to the people who live or were harmed there.
 */
@Component
class SituationProcessingRecords implements ProcessingRecords {

    @Override
    public List<ProcessingActivity> activities() {
        return List.of(new ProcessingActivity("policeIncidents", Set.of("situation_incident")));
    }

    @Override
    public Set<String> tablesWithoutPersonalData() {
        return Set.of("situation_crime_figure", "situation_district_population", "situation_offence_group",
                "situation_crime_publication");
    }
}

package de.sipa.places;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import de.sipa.shared.ProcessingRecords;

/**
 * Safety concepts and their links hold no personal data; what citizens write on a published place's page may, and
 * their ratings are kept with a pseudonymous hash of a device token.
 */
@Component
class SafetyConceptProcessingRecords implements ProcessingRecords {

    @Override
    public List<ProcessingActivity> activities() {
        return List.of(new ProcessingActivity("placeParticipation", Set.of("places_comment", "places_rating")));
    }

    @Override
    public Set<String> tablesWithoutPersonalData() {
        return Set.of("places_goal", "places_measure", "places_measure_link", "places_agenda_link");
    }
}

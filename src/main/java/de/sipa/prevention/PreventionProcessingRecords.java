package de.sipa.prevention;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import de.sipa.shared.ProcessingRecords;

/**
 * A project names its contact person (a partner's staff member) in free text; the steps, indicators and funding
 * describe the project's work, not people.
 */
@Component
class PreventionProcessingRecords implements ProcessingRecords {

    @Override
    public List<ProcessingActivity> activities() {
        return List.of(new ProcessingActivity("preventionProjects", Set.of("prevention_project")));
    }

    @Override
    public Set<String> tablesWithoutPersonalData() {
        return Set.of("prevention_project_partner", "prevention_project_district", "prevention_project_place",
                "prevention_funding", "prevention_step_field", "prevention_indicator", "prevention_indicator_value");
    }
}

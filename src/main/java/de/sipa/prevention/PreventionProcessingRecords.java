package de.sipa.prevention;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import de.sipa.shared.ProcessingRecords;

/**
 * A citizen may leave an e-mail for the answer to an idea (with consent, cleared by {@link IdeaJobs}); a project names its contact person (a partner's staff member) in free text; the steps, indicators and funding
 * describe the project's work, not people.
 */
@Component
class PreventionProcessingRecords implements ProcessingRecords {

    private final IdeaJobs ideaJobs;

    PreventionProcessingRecords(IdeaJobs ideaJobs) {
        this.ideaJobs = ideaJobs;
    }

    @Override
    public List<ProcessingActivity> activities() {
        return List.of(new ProcessingActivity("preventionProjects", Set.of("prevention_project")),
                new ProcessingActivity("preventionIdeas", Set.of("prevention_idea"),
                        List.of(ideaJobs.retentionDays())));
    }

    @Override
    public Set<String> tablesWithoutPersonalData() {
        return Set.of("prevention_project_partner", "prevention_project_district", "prevention_project_place",
                "prevention_funding", "prevention_step_field", "prevention_indicator", "prevention_indicator_value",
                "prevention_agenda_link");
    }
}

package de.sipa.goals;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import de.sipa.shared.ProcessingRecords;

/** The yearly goals hold no personal data: titles, indicators, figures and an owner organisation. */
@Component
class GoalProcessingRecords implements ProcessingRecords {

    @Override
    public List<ProcessingActivity> activities() {
        return List.of();
    }

    @Override
    public Set<String> tablesWithoutPersonalData() {
        return Set.of("goals_goal");
    }
}

package de.sipa.prevention;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A published project as citizens see it: no internal notes, no persons, no budget.
 *
 * @param districts the names of its districts, empty for the whole town
 * @param evaluationResult the goal attainment of step 6 once the project is evaluated, else empty
 */
public record PublicProject(ProjectId id, String title, PreventionField field, Set<TargetGroup> targetGroups,
        List<String> districts, ProjectStatus status, LocalDate startsOn, LocalDate endsOn, String summary,
        String evaluationResult) {

    public boolean evaluated() {
        return !evaluationResult.isEmpty();
    }
}

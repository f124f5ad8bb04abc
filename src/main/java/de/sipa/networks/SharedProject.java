package de.sipa.networks;

import java.util.Map;
import java.util.Set;

import de.sipa.prevention.BeccariaStep;
import de.sipa.prevention.Evidence;
import de.sipa.prevention.PreventionField;
import de.sipa.prevention.ProjectId;
import de.sipa.prevention.ProjectStatus;
import de.sipa.prevention.TargetGroup;
import de.sipa.shared.PartnershipId;

/**
 * A prevention project as a town shares it: what it is about and how it is planned (Beccaria steps 1 to 5), not who
 * works on it; {@code contact} is what the town named for questions.
 */
public record SharedProject(ProjectId id, PartnershipId town, String townName, String title, PreventionField field,
        Set<TargetGroup> targetGroups, String summary, ProjectStatus status, Evidence evidence,
        Map<BeccariaStep, Map<String, String>> steps, String contact) {
}

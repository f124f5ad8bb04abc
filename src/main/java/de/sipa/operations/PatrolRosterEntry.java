package de.sipa.operations;

import java.util.List;

/** A patrol as the roster shows it: plan, areas and each organisation's crew. */
public record PatrolRosterEntry(Patrol patrol, String plan, List<String> areas, List<PatrolCrew> crews) {

    public int missing() {
        return patrol.cancelled() ? 0 : crews.stream().mapToInt(PatrolCrew::missing).sum();
    }

    public String areaNames() {
        return String.join(", ", areas);
    }

    public boolean hasGap() {
        return missing() > 0;
    }
}

package de.sipa.operations;

import java.util.List;

/** A joint patrol plan: when, where, and who sends how many. */
public record PatrolPlan(PatrolPlanId id, String name, PatrolSchedule schedule, List<PatrolAreaId> areas,
        List<Staffing> staffing) {

    public PatrolPlan {
        areas = List.copyOf(areas);
        staffing = List.copyOf(staffing);
    }
}

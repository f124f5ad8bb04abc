package de.sipa.operations;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import de.sipa.shared.ProcessingRecords;

/** Joint patrols and operations, for the records of processing. */
@Component
class OperationProcessingRecords implements ProcessingRecords {

    @Override
    public List<ProcessingActivity> activities() {
        return List.of(
                new ProcessingActivity("patrols", Set.of("operations_patrol_duty", "operations_patrol_feed",
                        "operations_patrol_report", "operations_patrol_observation")),
                new ProcessingActivity("operations", Set.of("operations_event", "operations_log_entry",
                        "operations_plan_contact", "operations_plan_task", "operations_plan_approval",
                        "operations_plan_version", "operations_debrief_note", "operations_lesson",
                        "operations_urgent_request")));
    }

    @Override
    public Set<String> tablesWithoutPersonalData() {
        return Set.of("operations_patrol", "operations_patrol_area", "operations_patrol_plan",
                "operations_patrol_plan_area", "operations_patrol_staffing", "operations_plan_checklist",
                "operations_plan_phase", "operations_plan_section", "operations_log_counter");
    }
}

package de.sipa.responsibilities;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import de.sipa.shared.ProcessingRecords;

/** The responsibility matrix and its reviews, for the records of processing. */
@Component
class ResponsibilityProcessingRecords implements ProcessingRecords {

    @Override
    public List<ProcessingActivity> activities() {
        return List.of(new ProcessingActivity("matrix", Set.of("responsibilities_change",
                "responsibilities_review_item", "responsibilities_review_proposal", "responsibilities_flag")));
    }

    @Override
    public Set<String> tablesWithoutPersonalData() {
        return Set.of("responsibilities_topic", "responsibilities_entry", "responsibilities_time_window",
                "responsibilities_review");
    }
}

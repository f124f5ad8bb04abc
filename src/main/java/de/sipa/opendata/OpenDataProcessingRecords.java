package de.sipa.opendata;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import de.sipa.shared.ProcessingRecords;

/** Open data holds counts only: whether a partnership publishes, and its aggregated datasets. */
@Component
class OpenDataProcessingRecords implements ProcessingRecords {

    @Override
    public List<ProcessingActivity> activities() {
        return List.of();
    }

    @Override
    public Set<String> tablesWithoutPersonalData() {
        return Set.of("opendata_setting", "opendata_dataset");
    }
}

package de.sipa.database;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import de.sipa.shared.ProcessingRecords;

/** The platform's own tables: job locks, and the module events SiPa has yet to deliver (ids only). */
@Component
class PlatformProcessingRecords implements ProcessingRecords {

    @Override
    public List<ProcessingActivity> activities() {
        return List.of();
    }

    @Override
    public Set<String> tablesWithoutPersonalData() {
        return Set.of("database_shedlock", "event_publication", "flyway_schema_history");
    }
}

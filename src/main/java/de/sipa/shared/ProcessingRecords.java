package de.sipa.shared;

import java.util.List;
import java.util.Set;

/**
 * What a module stores about people, for the records of processing activities (Verzeichnis von
 * Verarbeitungstätigkeiten, Art. 30 DSGVO). Every module with tables offers one: its activities with the tables
 * holding their data, and the tables that hold none. The legal module collects them into the document, and a test
 * fails for a table nobody describes.
 */
public interface ProcessingRecords {

    List<ProcessingActivity> activities();

    /** Tables without personal data: configuration, counters, facts about places and organisations. */
    Set<String> tablesWithoutPersonalData();

    /**
     * One activity. Its texts are in the messages files under {@code vvt.<key>.} ({@code name}, {@code purpose},
     * {@code subjects}, {@code data}, {@code recipients}, {@code legalBasis}, {@code retention}); the retention
     * text gets {@code retention} as its arguments (e.g. the configured days).
     */
    record ProcessingActivity(String key, Set<String> tables, List<Object> retention) {

        public ProcessingActivity(String key, Set<String> tables) {
            this(key, tables, List.of());
        }
    }
}

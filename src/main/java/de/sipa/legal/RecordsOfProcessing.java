package de.sipa.legal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.shared.ProcessingRecords;
import de.sipa.shared.ProcessingRecords.ProcessingActivity;

/**
 * The records of processing activities (Verzeichnis von Verarbeitungstätigkeiten, Art. 30 DSGVO) as SiPa keeps
 * them: the activities every module declares, with the retention in force and how many rows each table holds.
 */
@Service
@Transactional(readOnly = true)
public class RecordsOfProcessing {

    /** An activity with its tables and their approximate number of rows on this installation. */
    public record Entry(ProcessingActivity activity, Map<String, Long> rows) {
    }

    private final List<ProcessingRecords> records;
    private final JdbcClient jdbc;

    RecordsOfProcessing(List<ProcessingRecords> records, JdbcClient jdbc) {
        this.records = records;
        this.jdbc = jdbc;
    }

    @PreAuthorize(LegalPermissions.EDIT)
    public List<Entry> entries() {
        // The planner's estimate: counting every table exactly would read the whole database.
        var estimates = new java.util.HashMap<String, Long>();
        jdbc.sql("""
                SELECT c.relname, greatest(c.reltuples, 0)::bigint FROM pg_class c
                JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = current_schema() AND c.relkind = 'r'""")
                .query(rs -> {
                    estimates.put(rs.getString(1), rs.getLong(2));
                });
        var entries = new ArrayList<Entry>();
        for (var activity : activities()) {
            var rows = new java.util.LinkedHashMap<String, Long>();
            new TreeSet<>(activity.tables()).forEach(table -> rows.put(table, estimates.getOrDefault(table, 0L)));
            entries.add(new Entry(activity, rows));
        }
        return entries;
    }

    List<ProcessingActivity> activities() {
        return records.stream().flatMap(r -> r.activities().stream())
                .sorted(Comparator.comparing(ProcessingActivity::key)).toList();
    }

    /** Every table some module describes, with or without personal data. */
    Set<String> describedTables() {
        var tables = new TreeSet<String>();
        for (var record : records) {
            record.activities().forEach(a -> tables.addAll(a.tables()));
            tables.addAll(record.tablesWithoutPersonalData());
        }
        return tables;
    }
}

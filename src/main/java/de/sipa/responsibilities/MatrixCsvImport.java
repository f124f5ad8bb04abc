package de.sipa.responsibilities;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

import de.sipa.partners.District;
import de.sipa.partners.DistrictId;
import de.sipa.shared.ImportRow;
import de.sipa.partners.Organisation;
import de.sipa.shared.CsvTable;
import de.sipa.shared.OrganisationId;
import de.sipa.shared.RuleViolationException;

/**
 * Reads matrix entries from CSV (the format of the export), matching topics, organisations, districts and time
 * windows by name. Rows that name something unknown, or repeat an entry, are rejected with the reason.
 */
final class MatrixCsvImport {

    static final int MAX_BYTES = 2 * 1024 * 1024;
    static final int MAX_ROWS = 20_000;

    record Parsed(MatrixImportPreview preview, List<MatrixEntry> entries) {
    }

    private MatrixCsvImport() {
    }

    /**
     * @param message resolves a message key with arguments in the user's language
     */
    static Parsed read(byte[] file, Matrix current, List<Organisation> organisations,
            BiFunction<String, Object[], String> message) {
        CsvTable table;
        try {
            table = CsvTable.read(file, MAX_BYTES, MAX_ROWS);
        } catch (RuleViolationException e) {
            return new Parsed(new MatrixImportPreview(List.of(), List.of(message.apply(e.messageKey(), e.arguments()))),
                    List.of());
        }
        var missing = List.of("aufgabe", "organisation", "zuständigkeit").stream().filter(c -> !table.has(c)).toList();
        if (!missing.isEmpty()) {
            return new Parsed(new MatrixImportPreview(List.of(), List.of(message.apply("import.file.missingColumns",
                    new Object[] {String.join(", ", missing), String.join(";", MatrixDocuments.CSV_HEADER)}))), List.of());
        }
        Map<String, TopicId> topics = byName(current.topics(), Topic::name, Topic::id);
        Map<String, OrganisationId> organisationIds = byName(organisations, Organisation::name, Organisation::id);
        Map<String, DistrictId> districts = byName(current.districts(), District::name, District::id);
        Map<String, TimeWindowId> windows = byName(current.timeWindows(), TimeWindow::name, TimeWindow::id);
        Set<List<Object>> seen = new HashSet<>();
        current.entries().forEach(e -> seen.add(e.assignment()));

        var rows = new ArrayList<ImportRow>();
        var entries = new ArrayList<MatrixEntry>();
        for (var row : table.rows()) {
            var errors = new ArrayList<String>();
            var topic = lookup(topics, row.get("aufgabe"), "matrixImport.unknownTopic", errors, message, false);
            var organisation = lookup(organisationIds, row.get("organisation"), "matrixImport.unknownOrganisation",
                    errors, message, false);
            var district = lookup(districts, row.get("stadtbezirk"), "matrixImport.unknownDistrict", errors, message, true);
            var window = lookup(windows, row.get("zeitfenster"), "matrixImport.unknownTimeWindow", errors, message, true);
            var responsibility = responsibility(row.get("zuständigkeit"));
            if (responsibility == null) {
                errors.add(message.apply("matrixImport.unknownResponsibility", new Object[] {row.get("zuständigkeit")}));
            }
            List<Resource> resources = List.of();
            try {
                resources = Resource.parseAll(row.get("ressourcen"));
            } catch (RuleViolationException e) {
                errors.add(message.apply(e.messageKey(), e.arguments()));
            }
            MatrixEntry entry = null;
            if (errors.isEmpty()) {
                entry = new MatrixEntry(EntryId.random(), topic, district, window, organisation, responsibility,
                        resources, row.get("anmerkung").isEmpty() ? null : row.get("anmerkung"));
                if (!seen.add(entry.assignment())) {
                    errors.add(message.apply("matrixImport.duplicate", new Object[0]));
                }
            }
            var summary = String.join(" – ", row.get("aufgabe"), row.get("organisation"), row.get("zuständigkeit"));
            rows.add(new ImportRow(row.line(), summary, errors));
            if (errors.isEmpty()) {
                entries.add(entry);
            }
        }
        return new Parsed(new MatrixImportPreview(rows, List.of()), entries);
    }

    private static <T> T lookup(Map<String, T> byName, String name, String unknownKey, List<String> errors,
            BiFunction<String, Object[], String> message, boolean optional) {
        var key = name.strip().toLowerCase(Locale.ROOT);
        if (optional && (key.isEmpty() || key.equals("stadtweit") || key.equals("ganztags"))) {
            return null;
        }
        var value = byName.get(key);
        if (value == null) {
            errors.add(message.apply(unknownKey, new Object[] {name}));
        }
        return value;
    }

    private static Responsibility responsibility(String text) {
        var value = text.strip().toLowerCase(Locale.ROOT);
        for (var responsibility : Responsibility.values()) {
            if (value.equals(responsibility.name().toLowerCase(Locale.ROOT))
                    || value.equals(MatrixDocuments.LABELS.get(responsibility))
                    || value.equals(responsibility == Responsibility.LEAD ? "f" : responsibility == Responsibility.SUPPORT ? "u" : "i")) {
                return responsibility;
            }
        }
        return null;
    }

    private static <T, I> Map<String, I> byName(List<T> items, Function<T, String> name, Function<T, I> id) {
        Map<String, I> map = new HashMap<>();
        items.forEach(item -> map.put(name.apply(item).toLowerCase(Locale.ROOT), id.apply(item)));
        return map;
    }
}

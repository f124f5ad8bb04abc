package de.sipa.situation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.partners.District;
import de.sipa.partners.DistrictId;
import de.sipa.shared.ImportRow;
import de.sipa.partners.Partnerships;
import de.sipa.shared.CsvTable;
import de.sipa.shared.RuleViolationException;

/**
 * Imports the police's PKS figures per district and year from their CSV export in two steps: a preview under a
 * mapping of the columns and district names that checks every row, then, once the user confirms, the whole file in
 * one transaction. Every year in the file replaces that year's stored figures, with an entry in the audit trail.
 */
@Service
@Transactional
public class CrimeFigureImport {

    public static final int MAX_BYTES = 4 * 1024 * 1024;
    public static final int MAX_ROWS = 20_000;

    private static final Pattern KEY = Pattern.compile("\\d{6}");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    /** 1234 or, as German spreadsheets write it, 1.234; with a minus sign to tell negative numbers apart. */
    private static final Pattern COUNT = Pattern.compile("-?(\\d+|\\d{1,3}(\\.\\d{3})+)");

    private final CrimeFigureRepository repository;
    private final Partnerships partnerships;
    private final AuditTrail auditTrail;
    private final MessageSource messages;
    private final Clock clock;

    CrimeFigureImport(CrimeFigureRepository repository, Partnerships partnerships,
            AuditTrail auditTrail, MessageSource messages, Clock clock) {
        this.repository = repository;
        this.partnerships = partnerships;
        this.auditTrail = auditTrail;
        this.messages = messages;
        this.clock = clock;
    }

    /** The header line of a file the import reads without any mapping. */
    public static String sampleHeader() {
        return PksColumn.sampleHeader();
    }

    @PreAuthorize(CrimeFigurePermissions.READ_DISTRICTS)
    @Transactional(readOnly = true)
    public PksPreview preview(byte[] file, PksMapping mapping) {
        return read(file, mapping).preview();
    }

    /**
     * Stores the file's figures, each year replacing what was stored for it; returns the years. Re-checks
     * everything, and refuses a file with any bad row.
     */
    @PreAuthorize(CrimeFigurePermissions.READ_DISTRICTS)
    public List<Integer> confirm(byte[] file, PksMapping mapping) {
        var parsed = read(file, mapping);
        if (!parsed.preview().importable()) {
            throw new RuleViolationException("crimeFigures.import.notImportable");
        }
        var partnership = CurrentUser.partnership();
        var byYear = new TreeMap<Integer, List<CrimeFigureRow>>();
        parsed.rows().forEach(r -> byYear.computeIfAbsent(r.year(), y -> new ArrayList<>()).add(r));
        for (var entry : byYear.entrySet()) {
            int before = repository.replaceYear(partnership, entry.getKey(), entry.getValue(),
                    CurrentUser.get().username(), clock.instant());
            var summary = before == 0
                    ? auditTrail.summary("audit.crimeFigures.imported", String.valueOf(entry.getKey()),
                            entry.getValue().size())
                    : auditTrail.summary("audit.crimeFigures.replaced", String.valueOf(entry.getKey()),
                            entry.getValue().size(), before);
            auditTrail.record(AuditAction.IMPORTED, "CrimeFigures", entry.getKey(), summary);
        }
        return List.copyOf(byYear.keySet());
    }

    private record Parsed(PksPreview preview, List<CrimeFigureRow> rows) {
    }

    private Parsed read(byte[] file, PksMapping requested) {
        var partnership = CurrentUser.partnership();
        var districts = partnerships.districts();
        CsvTable table;
        try {
            table = CsvTable.read(file, MAX_BYTES, MAX_ROWS);
        } catch (RuleViolationException e) {
            return failed(List.of(), requested, e.describe(messages));
        }
        var header = table.header();
        var columns = ImportColumns.assign(PksColumn.class, header, requested.columns());
        var districtValues = new LinkedHashMap<String, DistrictId>();
        if (columns.containsKey(PksColumn.DISTRICT)) {
            for (var row : table.rows()) {
                var value = row.get(columns.get(PksColumn.DISTRICT));
                if (!value.isEmpty() && !districtValues.containsKey(value)) {
                    districtValues.put(value, requested.districts().containsKey(value)
                            ? known(requested.district(value), districts) : guess(value, districts));
                }
            }
        }
        var mapping = new PksMapping(columns, districtValues);
        var problem = ImportColumns.problem(PksColumn.class, columns, "crimeFigures",
                (key, arguments) -> message(key, arguments));
        if (problem != null) {
            return failed(header, mapping, problem);
        }
        var names = new HashMap<DistrictId, String>();
        districts.forEach(d -> names.put(d.id(), d.name()));
        var stored = new TreeMap<Integer, Integer>();
        var seen = new HashMap<String, Long>();
        var results = new ArrayList<ImportRow>();
        var rows = new ArrayList<CrimeFigureRow>();
        for (var record : table.rows()) {
            var errors = new ArrayList<String>();
            var key = record.get(columns.get(PksColumn.KEY));
            var name = record.get(columns.get(PksColumn.NAME));
            var districtValue = record.get(columns.get(PksColumn.DISTRICT));
            var yearText = record.get(columns.get(PksColumn.YEAR));
            if (!KEY.matcher(key).matches()) {
                errors.add(key.isEmpty() ? empty(PksColumn.KEY) : message("crimeFigures.row.key", key));
            }
            DistrictId district = districtValues.get(districtValue);
            if (districtValue.isEmpty()) {
                errors.add(empty(PksColumn.DISTRICT));
            } else if (district == null) {
                errors.add(message("crimeFigures.row.unknownDistrict", districtValue));
            }
            Integer year = year(yearText, errors);
            var cases = count(record.get(columns.get(PksColumn.CASES)), PksColumn.CASES, errors);
            var solved = count(record.get(columns.get(PksColumn.SOLVED)), PksColumn.SOLVED, errors);
            var suspects = count(record.get(columns.get(PksColumn.SUSPECTS)), PksColumn.SUSPECTS, errors);
            if (cases != null && solved != null && solved > cases) {
                errors.add(message("crimeFigures.row.solvedExceedsCases", solved, cases));
            }
            var place = district == null ? districtValue : names.get(district);
            if (district != null && year != null && KEY.matcher(key).matches()) {
                var earlier = seen.putIfAbsent(district.value() + "|" + year + "|" + key, record.line());
                if (earlier != null) {
                    errors.add(message("crimeFigures.row.duplicate", key, place, String.valueOf(year), earlier));
                }
            }
            if (year != null) {
                stored.computeIfAbsent(year, y -> repository.count(partnership, y));
            }
            var summary = message("crimeFigures.import.row", place, year == null ? yearText : String.valueOf(year),
                    key, name, cases == null ? "?" : cases);
            results.add(new ImportRow(record.line(), summary, errors));
            if (errors.isEmpty()) {
                rows.add(new CrimeFigureRow(district.value(), year, key, name.length() > 200 ? name.substring(0, 200)
                        : name, cases, solved, suspects));
            }
        }
        var choices = districtValues.entrySet().stream()
                .map(e -> new PksPreview.DistrictChoice(e.getKey(), e.getValue())).toList();
        return new Parsed(new PksPreview(header, mapping, choices, results, List.of(), stored), rows);
    }

    private Parsed failed(List<String> header, PksMapping mapping, String error) {
        var choices = mapping.districts().entrySet().stream()
                .map(e -> new PksPreview.DistrictChoice(e.getKey(), e.getValue())).toList();
        return new Parsed(new PksPreview(header, mapping, choices, List.of(), List.of(error), new TreeMap<>()),
                List.of());
    }

    private Integer year(String text, List<String> errors) {
        if (text.isEmpty()) {
            errors.add(empty(PksColumn.YEAR));
            return null;
        }
        int latest = java.time.LocalDate.now(clock).getYear();
        if (YEAR.matcher(text).matches()) {
            int year = Integer.parseInt(text);
            if (year >= CrimeFigures.MIN_YEAR && year <= latest) {
                return year;
            }
        }
        errors.add(message("crimeFigures.row.year", text, String.valueOf(CrimeFigures.MIN_YEAR),
                String.valueOf(latest)));
        return null;
    }

    private Integer count(String text, PksColumn column, List<String> errors) {
        var label = message("crimeFigures.column." + column.name());
        if (text.isEmpty()) {
            errors.add(empty(column));
            return null;
        }
        if (!COUNT.matcher(text).matches()) {
            errors.add(message("crimeFigures.row.notANumber", label, text));
            return null;
        }
        if (text.startsWith("-")) {
            errors.add(message("crimeFigures.row.negative", label, text));
            return null;
        }
        long value = Long.parseLong(text.replace(".", ""));
        if (value > 100_000_000) {
            errors.add(message("crimeFigures.row.notANumber", label, text));
            return null;
        }
        return (int) value;
    }

    private String empty(PksColumn column) {
        return message("crimeFigures.row.empty", message("crimeFigures.column." + column.name()));
    }

    private static DistrictId known(DistrictId chosen, List<District> districts) {
        return chosen != null && districts.stream().anyMatch(d -> d.id().equals(chosen)) ? chosen : null;
    }

    /** "Mitte", "mitte", "Musterstadt-Mitte" and "Stadtbezirk Mitte" all mean the district Mitte. */
    private static DistrictId guess(String value, List<District> districts) {
        var text = value.strip().toLowerCase(Locale.ROOT);
        for (var district : districts) {
            var name = district.name().toLowerCase(Locale.ROOT);
            if (text.equals(name) || text.endsWith("-" + name) || text.endsWith(" " + name)) {
                return district.id();
            }
        }
        return null;
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }
}

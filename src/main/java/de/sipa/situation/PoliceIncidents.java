package de.sipa.situation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import org.locationtech.jts.geom.Envelope;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.shared.ImportRow;
import de.sipa.partners.Partnerships;
import de.sipa.shared.CsvTable;
import de.sipa.shared.RuleViolationException;

/**
 * The police's incidents with their places (optional point data for the hotspots): imported from their CSV export in
 * two steps as the PKS figures are, a preview under a mapping of the columns that checks every row, then, once the
 * user confirms, the whole file, replacing every stored incident of its period (first to last day), with an entry in
 * the audit trail. Places outside the partnership's districts' extent are refused row by row.
 */
@Service
@Transactional
public class PoliceIncidents {

    /** Below the form's post limit once the preview carries the file along (Base64). */
    public static final int MAX_BYTES = 2 * 1024 * 1024;
    public static final int MAX_ROWS = 50_000;
    static final int MAX_GROUP = 120;

    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("d.M.uuuu")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);
    private static final Pattern TIME = Pattern.compile("\\d{1,2}:\\d{2}(:\\d{2})?");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,3}([.,]\\d+)?");
    /** How far outside the districts' extent a place may lie (about 1 km), for points on the boundary. */
    private static final double MARGIN = 0.01;

    private final IncidentRepository repository;
    private final Partnerships partnerships;
    private final AuditTrail auditTrail;
    private final MessageSource messages;
    private final Clock clock;

    PoliceIncidents(IncidentRepository repository, Partnerships partnerships, AuditTrail auditTrail,
            MessageSource messages, Clock clock) {
        this.repository = repository;
        this.partnerships = partnerships;
        this.auditTrail = auditTrail;
        this.messages = messages;
        this.clock = clock;
    }

    public static String sampleHeader() {
        return ImportColumns.sampleHeader(IncidentColumn.class);
    }

    @PreAuthorize(CrimeFigurePermissions.READ_DISTRICTS)
    @Transactional(readOnly = true)
    public IncidentPreview preview(byte[] file, IncidentMapping mapping) {
        return read(file, mapping).preview();
    }

    /**
     * Stores the file's incidents in place of those stored for its period; returns the number stored. Re-checks
     * everything and refuses a file with any bad row.
     */
    @PreAuthorize(CrimeFigurePermissions.READ_DISTRICTS)
    public int confirm(byte[] file, IncidentMapping mapping) {
        var parsed = read(file, mapping);
        var preview = parsed.preview();
        if (!preview.importable()) {
            throw new RuleViolationException("incidents.import.notImportable");
        }
        int before = repository.replace(CurrentUser.partnership(), preview.from(), preview.to(), parsed.incidents(),
                clock.instant());
        var period = preview.from() + " – " + preview.to();
        var summary = before == 0
                ? auditTrail.summary("audit.incidents.imported", period, parsed.incidents().size())
                : auditTrail.summary("audit.incidents.replaced", period, parsed.incidents().size(), before);
        auditTrail.record(AuditAction.IMPORTED, "PoliceIncidents", preview.from() + "/" + preview.to(), summary);
        return parsed.incidents().size();
    }

    /** The offence groups the stored incidents name, for the hotspot page's filter. */
    @PreAuthorize(CrimeFigurePermissions.READ_DISTRICTS)
    @Transactional(readOnly = true)
    public List<String> groups() {
        return repository.groups(CurrentUser.partnership());
    }

    private record Parsed(IncidentPreview preview, List<Incident> incidents) {
    }

    private Parsed read(byte[] file, IncidentMapping requested) {
        CsvTable table;
        try {
            table = CsvTable.read(file, MAX_BYTES, MAX_ROWS);
        } catch (RuleViolationException e) {
            return failed(List.of(), requested, e.describe(messages));
        }
        var header = table.header();
        var columns = ImportColumns.assign(IncidentColumn.class, header, requested.columns());
        var mapping = new IncidentMapping(columns);
        var problem = ImportColumns.problem(IncidentColumn.class, columns, "incidents",
                (key, arguments) -> message(key, arguments));
        if (problem != null) {
            return failed(header, mapping, problem);
        }
        var extent = extent();
        var today = LocalDate.now(clock);
        var rows = new ArrayList<ImportRow>();
        var incidents = new ArrayList<Incident>();
        for (var record : table.rows()) {
            var errors = new ArrayList<String>();
            var dayText = record.get(columns.get(IncidentColumn.DATE));
            var timeText = record.get(columns.get(IncidentColumn.TIME));
            var group = record.get(columns.get(IncidentColumn.GROUP));
            var day = day(dayText, today, errors);
            var time = time(timeText, errors);
            if (group.isEmpty()) {
                errors.add(empty(IncidentColumn.GROUP));
            } else if (group.length() > MAX_GROUP) {
                errors.add(message("incidents.row.groupTooLong", MAX_GROUP));
            }
            var latitude = coordinate(record.get(columns.get(IncidentColumn.LATITUDE)), IncidentColumn.LATITUDE, 90,
                    errors);
            var longitude = coordinate(record.get(columns.get(IncidentColumn.LONGITUDE)), IncidentColumn.LONGITUDE,
                    180, errors);
            if (latitude != null && longitude != null && extent != null && !extent.contains(longitude, latitude)) {
                errors.add(message("incidents.row.outside", record.get(columns.get(IncidentColumn.LATITUDE)),
                        record.get(columns.get(IncidentColumn.LONGITUDE))));
            }
            rows.add(new ImportRow(record.line(), message("incidents.import.row", dayText, timeText, group,
                    record.get(columns.get(IncidentColumn.LATITUDE)),
                    record.get(columns.get(IncidentColumn.LONGITUDE))), List.copyOf(errors)));
            if (errors.isEmpty()) {
                incidents.add(new Incident(day, time, group, latitude, longitude));
            }
        }
        var from = incidents.stream().map(Incident::day).min(Comparator.naturalOrder()).orElse(null);
        var to = incidents.stream().map(Incident::day).max(Comparator.naturalOrder()).orElse(null);
        int replaced = from == null ? 0 : repository.count(CurrentUser.partnership(), from, to);
        return new Parsed(new IncidentPreview(header, mapping, rows, List.of(), from, to, replaced), incidents);
    }

    private Parsed failed(List<String> header, IncidentMapping mapping, String error) {
        return new Parsed(new IncidentPreview(header, mapping, List.of(), List.of(error), null, null, 0), List.of());
    }

    /** The districts' extent in WGS84 with a margin; {@code null} if no district has a boundary yet. */
    private Envelope extent() {
        Envelope extent = null;
        for (var district : partnerships.districts()) {
            if (district.hasBoundary()) {
                var envelope = HotspotAnalysis.geometry(district.boundary()).getEnvelopeInternal();
                if (extent == null) {
                    extent = new Envelope(envelope);
                } else {
                    extent.expandToInclude(envelope);
                }
            }
        }
        if (extent != null) {
            extent.expandBy(MARGIN);
        }
        return extent;
    }

    private LocalDate day(String text, LocalDate today, List<String> errors) {
        if (text.isEmpty()) {
            errors.add(empty(IncidentColumn.DATE));
            return null;
        }
        LocalDate day;
        try {
            day = text.contains(".") ? LocalDate.parse(text, GERMAN_DATE) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(message("incidents.row.date", text));
            return null;
        }
        if (day.getYear() < CrimeFigures.MIN_YEAR || day.isAfter(today)) {
            errors.add(message("incidents.row.dateOutOfRange", text, String.valueOf(CrimeFigures.MIN_YEAR)));
            return null;
        }
        return day;
    }

    /** The time of day; empty when the police do not know it. */
    private LocalTime time(String text, List<String> errors) {
        if (text.isEmpty()) {
            return null;
        }
        if (TIME.matcher(text).matches()) {
            var parts = text.split(":");
            int hour = Integer.parseInt(parts[0]);
            int minute = Integer.parseInt(parts[1]);
            int second = parts.length > 2 ? Integer.parseInt(parts[2]) : 0;
            if (hour < 24 && minute < 60 && second < 60) {
                return LocalTime.of(hour, minute, second);
            }
        }
        errors.add(message("incidents.row.time", text));
        return null;
    }

    private Double coordinate(String text, IncidentColumn column, double limit, List<String> errors) {
        if (text.isEmpty()) {
            errors.add(empty(column));
            return null;
        }
        if (DECIMAL.matcher(text).matches()) {
            double value = Double.parseDouble(text.replace(',', '.'));
            if (Math.abs(value) <= limit) {
                return value;
            }
        }
        errors.add(message("incidents.row.coordinate", message("incidents.column." + column.name()), text));
        return null;
    }

    private String empty(IncidentColumn column) {
        return message("crimeFigures.row.empty", message("incidents.column." + column.name()));
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }
}

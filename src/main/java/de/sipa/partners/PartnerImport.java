package de.sipa.partners;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.validation.Validator;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.shared.OrganisationId;
import de.sipa.shared.PartnershipId;

/**
 * Imports organisations or people from CSV in two steps: a preview that checks every row, then, once the
 * user confirms, the good rows in one transaction. Bad rows are reported with line and reason and never
 * written.
 */
@Service
@Transactional
public class PartnerImport {

    public static final int MAX_BYTES = 1024 * 1024;
    public static final int MAX_ROWS = 5000;

    private static final String[] ORGANISATION_COLUMNS = {"Name", "Art", "Straße", "PLZ", "Ort", "Telefon", "E-Mail",
        "Bereitschaft"};

    private final OrganisationRepository organisations;
    private final PersonRepository people;
    private final PartnershipRepository partnerships;
    private final AuditTrail auditTrail;
    private final Validator validator;
    private final MessageSource messages;

    PartnerImport(OrganisationRepository organisations, PersonRepository people, PartnershipRepository partnerships,
            AuditTrail auditTrail, Validator validator, MessageSource messages) {
        this.organisations = organisations;
        this.people = people;
        this.partnerships = partnerships;
        this.auditTrail = auditTrail;
        this.validator = validator;
        this.messages = messages;
    }

    @PreAuthorize(PartnerPermissions.MANAGE)
    @Transactional(readOnly = true)
    public ImportPreview preview(ImportKind kind, byte[] file) {
        return read(kind, file).preview();
    }

    /** Imports the good rows; returns how many were written. Re-checks everything: the data may have changed. */
    @PreAuthorize(PartnerPermissions.MANAGE)
    public int confirm(ImportKind kind, byte[] file) {
        var parsed = read(kind, file);
        if (!parsed.preview().importable()) {
            return 0;
        }
        var partnership = CurrentUser.partnership();
        int written = 0;
        for (var row : parsed.rows()) {
            if (!row.result().valid()) {
                continue;
            }
            if (row.details() instanceof OrganisationDetails organisation) {
                organisations.insert(partnership, OrganisationId.random(), organisation);
            } else {
                people.insert(partnership, PersonId.random(), (PersonDetails) row.details());
            }
            written++;
        }
        auditTrail.record(AuditAction.IMPORTED, kind == ImportKind.ORGANISATIONS ? "Organisation" : "Person", null,
                written + (kind == ImportKind.ORGANISATIONS ? " Organisationen" : " Personen") + " aus CSV importiert, "
                        + parsed.preview().invalidCount() + " Zeilen abgewiesen");
        return written;
    }

    private record ParsedRow(ImportRow result, Record details) {
    }

    private record Parsed(ImportPreview preview, List<ParsedRow> rows) {

        static Parsed failed(ImportKind kind, String error) {
            return new Parsed(new ImportPreview(kind, List.of(), List.of(error)), List.of());
        }
    }

    private Parsed read(ImportKind kind, byte[] file) {
        if (file == null || file.length == 0) {
            return Parsed.failed(kind, message("import.file.empty"));
        }
        if (file.length > MAX_BYTES) {
            return Parsed.failed(kind, message("import.file.tooLarge", MAX_BYTES / 1024));
        }
        var text = decode(file);
        var firstLine = text.lines().findFirst().orElse("");
        char delimiter = count(firstLine, ';') >= count(firstLine, ',') ? ';' : ',';
        List<CSVRecord> records;
        Map<String, Integer> header;
        try (var parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get().parse(new StringReader(text))) {
            header = new HashMap<>();
            parser.getHeaderMap().forEach((name, index) -> header.put(name.strip().toLowerCase(Locale.ROOT), index));
            records = parser.getRecords();
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            return Parsed.failed(kind, message("import.file.malformed", e.getMessage()));
        } catch (UncheckedIOException e) {
            return Parsed.failed(kind, message("import.file.malformed", e.getCause().getMessage()));
        }
        var required = kind == ImportKind.ORGANISATIONS ? List.of("name", "art")
                : List.of("nachname", "vorname", "organisation");
        var missing = required.stream().filter(column -> !header.containsKey(column)).toList();
        if (!missing.isEmpty()) {
            return Parsed.failed(kind, message("import.file.missingColumns", String.join(", ", missing),
                    String.join(";", kind == ImportKind.ORGANISATIONS ? List.of(ORGANISATION_COLUMNS)
                            : List.of(Directory.CSV_HEADER))));
        }
        if (records.size() > MAX_ROWS) {
            return Parsed.failed(kind, message("import.file.tooManyRows", MAX_ROWS));
        }
        var partnership = CurrentUser.partnership();
        var rows = kind == ImportKind.ORGANISATIONS ? organisationRows(partnership, Lines.of(text), records, header)
                : personRows(partnership, Lines.of(text), records, header);
        return new Parsed(new ImportPreview(kind, rows.stream().map(ParsedRow::result).toList(), List.of()), rows);
    }

    private List<ParsedRow> organisationRows(PartnershipId partnership, Lines lines, List<CSVRecord> records,
            Map<String, Integer> header) {
        var kinds = organisationKindsByLabel();
        Set<String> seen = new HashSet<>();
        var rows = new ArrayList<ParsedRow>();
        for (var record : records) {
            var errors = new ArrayList<String>();
            var name = value(record, header, "name");
            var kindText = value(record, header, "art");
            var kind = kinds.get(kindText.toLowerCase(Locale.ROOT));
            if (kind == null) {
                errors.add(message("import.row.unknownKind", kindText));
            }
            var details = new OrganisationDetails(name, kind == null ? OrganisationKind.OTHER : kind,
                    value(record, header, "straße"), value(record, header, "plz"), value(record, header, "ort"),
                    value(record, header, "telefon"), value(record, header, "e-mail"),
                    value(record, header, "bereitschaft"), "", true);
            errors.addAll(violations(details));
            if (!name.isBlank() && (organisations.findByName(partnership, name).isPresent()
                    || !seen.add(name.toLowerCase(Locale.ROOT)))) {
                errors.add(message("import.row.organisationExists", name));
            }
            rows.add(new ParsedRow(new ImportRow(lines.of(record), name, errors), details));
        }
        return rows;
    }

    private List<ParsedRow> personRows(PartnershipId partnership, Lines lines, List<CSVRecord> records,
            Map<String, Integer> header) {
        Map<String, OrganisationId> organisationsByName = new HashMap<>();
        organisations.all(partnership)
                .forEach(o -> organisationsByName.put(o.name().toLowerCase(Locale.ROOT), o.id()));
        Map<String, UUID> districtsByName = new HashMap<>();
        partnerships.districts(partnership)
                .forEach(d -> districtsByName.put(d.name().toLowerCase(Locale.ROOT), d.id().value()));
        Set<String> existing = new HashSet<>();
        people.all(partnership).forEach(p -> existing.add(personKey(p.firstName(), p.lastName(), p.organisation())));
        var rows = new ArrayList<ParsedRow>();
        for (var record : records) {
            var errors = new ArrayList<String>();
            var organisationName = value(record, header, "organisation");
            var organisation = Optional.ofNullable(organisationsByName.get(organisationName.toLowerCase(Locale.ROOT)));
            if (organisation.isEmpty()) {
                errors.add(message("import.row.unknownOrganisation", organisationName));
            }
            var districts = new ArrayList<UUID>();
            for (var district : value(record, header, "stadtbezirke").split(",")) {
                if (district.isBlank()) {
                    continue;
                }
                var id = districtsByName.get(district.strip().toLowerCase(Locale.ROOT));
                if (id == null) {
                    errors.add(message("import.row.unknownDistrict", district.strip()));
                } else {
                    districts.add(id);
                }
            }
            var details = new PersonDetails(organisation.map(OrganisationId::value).orElse(null),
                    value(record, header, "anrede"), value(record, header, "vorname"),
                    value(record, header, "nachname"), value(record, header, "funktion"),
                    value(record, header, "telefon"), value(record, header, "mobil"),
                    value(record, header, "e-mail"), districts);
            if (organisation.isPresent()) {
                errors.addAll(violations(details));
                if (!existing.add(personKey(details.firstName(), details.lastName(), organisation.get()))) {
                    errors.add(message("import.row.personExists", details.firstName() + " " + details.lastName(),
                            organisationName));
                }
            }
            rows.add(new ParsedRow(new ImportRow(lines.of(record),
                    details.firstName() + " " + details.lastName() + " (" + organisationName + ")", errors), details));
        }
        return rows;
    }

    private List<String> violations(Object details) {
        return validator.validate(details).stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> message("import.row.field", message("field." + v.getPropertyPath()), v.getMessage()))
                .toList();
    }

    private Map<String, OrganisationKind> organisationKindsByLabel() {
        Map<String, OrganisationKind> kinds = new HashMap<>();
        for (var kind : OrganisationKind.values()) {
            kinds.put(kind.name().toLowerCase(Locale.ROOT), kind);
            for (var locale : List.of(Locale.GERMAN, Locale.ENGLISH)) {
                var label = messages.getMessage("organisation.kind." + kind.name(), null, kind.name(), locale)
                        .toLowerCase(Locale.ROOT);
                kinds.put(label, kind);
                // "Schule / Schulverwaltung" is also found as "Schule" or "Schulverwaltung".
                for (var part : label.split(" / ")) {
                    kinds.putIfAbsent(part.strip(), kind);
                }
            }
        }
        return kinds;
    }

    private static String personKey(String firstName, String lastName, OrganisationId organisation) {
        return (firstName.strip() + "|" + lastName.strip() + "|" + organisation.value()).toLowerCase(Locale.ROOT);
    }

    private static String value(CSVRecord record, Map<String, Integer> header, String column) {
        var index = header.get(column);
        return index == null || index >= record.size() ? "" : record.get(index).strip();
    }

    /** Line numbers as an editor shows them (the header is line 1), also for quoted fields spanning lines. */
    private record Lines(String text, int[] starts) {

        static Lines of(String text) {
            return new Lines(text, IntStream.concat(IntStream.of(0),
                    IntStream.range(0, text.length()).filter(i -> text.charAt(i) == '\n').map(i -> i + 1)).toArray());
        }

        long of(CSVRecord record) {
            // The parser reports where it started reading, which is before any skipped empty lines.
            int position = (int) record.getCharacterPosition();
            while (position < text.length() && (text.charAt(position) == '\n' || text.charAt(position) == '\r')) {
                position++;
            }
            int index = Arrays.binarySearch(starts, position);
            return (index >= 0 ? index : -index - 2) + 1;
        }
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }

    private static int count(String line, char c) {
        return (int) line.chars().filter(ch -> ch == c).count();
    }

    /** UTF-8 (with or without BOM) as written by current tools; Windows-1252 as older Excel versions save CSV. */
    private static String decode(byte[] file) {
        try {
            var text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            return new String(file, Charset.forName("windows-1252"));
        }
    }
}

package de.sipa.partners;

import de.sipa.shared.ImportRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Validator;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.shared.CsvTable;
import de.sipa.shared.OrganisationId;
import de.sipa.shared.PartnershipId;
import de.sipa.shared.RuleViolationException;

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
        CsvTable table;
        try {
            table = CsvTable.read(file, MAX_BYTES, MAX_ROWS);
        } catch (RuleViolationException e) {
            return Parsed.failed(kind, e.describe(messages));
        }
        var required = kind == ImportKind.ORGANISATIONS ? List.of("name", "art")
                : List.of("nachname", "vorname", "organisation");
        var missing = required.stream().filter(column -> !table.has(column)).toList();
        if (!missing.isEmpty()) {
            return Parsed.failed(kind, message("import.file.missingColumns", String.join(", ", missing),
                    String.join(";", kind == ImportKind.ORGANISATIONS ? List.of(ORGANISATION_COLUMNS)
                            : List.of(Directory.CSV_HEADER))));
        }
        var partnership = CurrentUser.partnership();
        var rows = kind == ImportKind.ORGANISATIONS ? organisationRows(partnership, table.rows())
                : personRows(partnership, table.rows());
        return new Parsed(new ImportPreview(kind, rows.stream().map(ParsedRow::result).toList(), List.of()), rows);
    }

    private List<ParsedRow> organisationRows(PartnershipId partnership, List<CsvTable.Row> records) {
        var kinds = organisationKindsByLabel();
        Set<String> seen = new HashSet<>();
        var rows = new ArrayList<ParsedRow>();
        for (var record : records) {
            var errors = new ArrayList<String>();
            var name = record.get("name");
            var kindText = record.get("art");
            var kind = kinds.get(kindText.toLowerCase(Locale.ROOT));
            if (kind == null) {
                errors.add(message("import.row.unknownKind", kindText));
            }
            var details = new OrganisationDetails(name, kind == null ? OrganisationKind.OTHER : kind,
                    record.get("straße"), record.get("plz"), record.get("ort"),
                    record.get("telefon"), record.get("e-mail"),
                    record.get("bereitschaft"), "", true);
            errors.addAll(violations(details));
            if (!name.isBlank() && (organisations.findByName(partnership, name).isPresent()
                    || !seen.add(name.toLowerCase(Locale.ROOT)))) {
                errors.add(message("import.row.organisationExists", name));
            }
            rows.add(new ParsedRow(new ImportRow(record.line(), name, errors), details));
        }
        return rows;
    }

    private List<ParsedRow> personRows(PartnershipId partnership, List<CsvTable.Row> records) {
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
            var organisationName = record.get("organisation");
            var organisation = Optional.ofNullable(organisationsByName.get(organisationName.toLowerCase(Locale.ROOT)));
            if (organisation.isEmpty()) {
                errors.add(message("import.row.unknownOrganisation", organisationName));
            }
            var districts = new ArrayList<UUID>();
            for (var district : record.get("stadtbezirke").split(",")) {
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
                    record.get("anrede"), record.get("vorname"),
                    record.get("nachname"), record.get("funktion"),
                    record.get("telefon"), record.get("mobil"),
                    record.get("e-mail"), districts);
            if (organisation.isPresent()) {
                errors.addAll(violations(details));
                if (!existing.add(personKey(details.firstName(), details.lastName(), organisation.get()))) {
                    errors.add(message("import.row.personExists", details.firstName() + " " + details.lastName(),
                            organisationName));
                }
            }
            rows.add(new ParsedRow(new ImportRow(record.line(),
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

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }
}

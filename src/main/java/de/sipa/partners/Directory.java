package de.sipa.partners;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.shared.CsvSheet;

/** The "who is who" of the partnership: one place for the short ways. */
@Service
@Transactional(readOnly = true)
public class Directory {

    static final String[] CSV_HEADER = {"Nachname", "Vorname", "Anrede", "Funktion", "Organisation", "Telefon",
        "Mobil", "E-Mail", "Bereitschaft", "Gremien", "Stadtbezirke", "Auch tätig für"};

    private final DirectoryRepository directory;
    private final AuditTrail auditTrail;

    Directory(DirectoryRepository directory, AuditTrail auditTrail) {
        this.directory = directory;
        this.auditTrail = auditTrail;
    }

    @PreAuthorize(PartnerPermissions.READ)
    public Page<DirectoryEntry> search(DirectoryQuery query, Pageable pageable) {
        return directory.search(CurrentUser.partnership(), query, pageable);
    }

    /** Writes the matching entries as CSV for Excel (semicolons; the caller writes UTF-8 with BOM). */
    @PreAuthorize(PartnerPermissions.READ)
    @Transactional
    public void exportCsv(DirectoryQuery query, Writer out) {
        var entries = directory.all(CurrentUser.partnership(), query);
        // Not closed here: the writer belongs to the caller (e.g. the HTTP response).
        var csv = CsvSheet.on(out, CSV_HEADER);
        for (var e : entries) {
            csv.row(e.lastName(), e.firstName(), e.salutation(), e.function(), e.organisation(), e.phone(),
                    e.mobile(), e.email(), e.onDutyPhone(), String.join(", ", e.bodies()),
                    String.join(", ", e.districts()), String.join(", ", e.alsoFor()));
        }
        csv.flush();
        auditTrail.record(AuditAction.EXPORTED, "Directory", null, "Verzeichnis als CSV exportiert (" + entries.size() + " Personen)");
    }

    /** Writes the matching entries as vCard 3.0, the version Outlook and phones import. */
    @PreAuthorize(PartnerPermissions.READ)
    @Transactional
    public void exportVCards(DirectoryQuery query, Writer out) {
        List<DirectoryEntry> entries = directory.all(CurrentUser.partnership(), query);
        try {
            for (var entry : entries) {
                out.write(VCard.of(entry));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        auditTrail.record(AuditAction.EXPORTED, "Directory", null, "Verzeichnis als vCard exportiert (" + entries.size() + " Personen)");
    }
}

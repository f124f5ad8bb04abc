package de.sipa.responsibilities;

import java.awt.Color;
import java.io.OutputStream;
import java.io.Writer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import de.sipa.partners.District;
import de.sipa.shared.CsvSheet;
import de.sipa.shared.Letterhead;
import de.sipa.partners.Organisation;

/** The matrix as a CSV file (also the import format) and as a printable A3 landscape grid. */
final class MatrixDocuments {

    static final String[] CSV_HEADER = {"Aufgabe", "Organisation", "Zuständigkeit", "Stadtbezirk", "Zeitfenster",
        "Ressourcen", "Anmerkung"};

    /** German labels as in the CSV file; the import accepts these, the enum names and the short letters. */
    static final Map<Responsibility, String> LABELS = Map.of(Responsibility.LEAD, "federführend",
            Responsibility.SUPPORT, "unterstützend", Responsibility.INFORMED, "informiert");

    private static final Map<Responsibility, Color> COLOURS = Map.of(Responsibility.LEAD, new Color(0x0b, 0x4f, 0x8a),
            Responsibility.SUPPORT, new Color(0xcf, 0xe2, 0xf3), Responsibility.INFORMED, new Color(0xee, 0xee, 0xee));
    private static final Map<Responsibility, String> LETTERS = Map.of(Responsibility.LEAD, "F",
            Responsibility.SUPPORT, "U", Responsibility.INFORMED, "I");

    private MatrixDocuments() {
    }

    static int writeCsv(Matrix matrix, List<Organisation> organisations, Writer out) {
        var topics = matrix.topics().stream().collect(Collectors.toMap(Topic::id, Topic::name));
        var organisationNames = organisations.stream().collect(Collectors.toMap(Organisation::id, Organisation::name));
        var districts = matrix.districts().stream().collect(Collectors.toMap(District::id, District::name));
        var windows = matrix.timeWindows().stream().collect(Collectors.toMap(TimeWindow::id, TimeWindow::name));
        var csv = CsvSheet.on(out, CSV_HEADER);
        for (var entry : matrix.entries()) {
            csv.row(topics.get(entry.topic()), organisationNames.get(entry.organisation()),
                    LABELS.get(entry.responsibility()),
                    entry.district() == null ? "" : districts.get(entry.district()),
                    entry.timeWindow() == null ? "" : windows.get(entry.timeWindow()),
                    Resource.formatAll(entry.resources()), entry.note() == null ? "" : entry.note());
        }
        csv.flush();
        return matrix.entries().size();
    }

    static void writePdf(Matrix matrix, List<Organisation> organisations, Letterhead letterhead, ZoneId zone,
            OutputStream out) {
        var grid = MatrixGrid.of(matrix, organisations, null, List.of());
        var document = new Document(PageSize.A3.rotate(), 24, 24, 24, 24);
        PdfWriter.getInstance(document, out);
        document.open();
        letterhead.addTo(document);
        var small = new Font(Font.HELVETICA, 7);
        var white = new Font(Font.HELVETICA, 7, Font.NORMAL, Color.WHITE);
        var title = new Paragraph("Zuständigkeitsmatrix", new Font(Font.HELVETICA, 16, Font.BOLD));
        title.setSpacingBefore(10);
        document.add(title);
        document.add(new Paragraph("Stand: " + DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").withZone(zone)
                .format(matrix.asOf()) + "   ·   F federführend   U unterstützend   I informiert", small));
        var columns = grid.columns();
        var table = new PdfPTable(columns.size() + 1);
        table.setWidthPercentage(100);
        var widths = new float[columns.size() + 1];
        widths[0] = Math.max(6f, columns.size() / 4f);
        for (int i = 1; i < widths.length; i++) {
            widths[i] = 1f;
        }
        table.setWidths(widths);
        table.setHeaderRows(1);
        table.setSpacingBefore(8);
        table.addCell(headerCell("Aufgabe", small, 0));
        for (var organisation : columns) {
            table.addCell(headerCell(organisation.name(), small, 90));
        }
        for (var row : grid.rows()) {
            var topic = new PdfPCell(new Phrase(row.topic().name(), small));
            topic.setPadding(2);
            table.addCell(topic);
            for (var marks : row.cells()) {
                var text = marks.stream().map(m -> LETTERS.get(m.responsibility())
                        + (m.scope().isEmpty() ? "" : " " + m.scope())).collect(Collectors.joining("\n"));
                var lead = marks.stream().map(MatrixGrid.Mark::responsibility).min(Enum::compareTo);
                var cell = new PdfPCell(new Phrase(text, lead.filter(r -> r == Responsibility.LEAD).isPresent() ? white : small));
                cell.setHorizontalAlignment(Element.ALIGN_CENTER);
                cell.setPadding(2);
                lead.map(COLOURS::get).ifPresent(cell::setBackgroundColor);
                table.addCell(cell);
            }
        }
        document.add(table);
        document.close();
    }

    private static PdfPCell headerCell(String text, Font font, int rotation) {
        var cell = new PdfPCell(new Phrase(text, font));
        cell.setRotation(rotation);
        cell.setBackgroundColor(new Color(0xf3, 0xf5, 0xf8));
        cell.setPadding(3);
        if (rotation != 0) {
            cell.setFixedHeight(110);
        }
        return cell;
    }
}

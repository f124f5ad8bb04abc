package de.sipa.prevention;

import java.io.OutputStream;

import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

import de.sipa.shared.Letterhead;
import de.sipa.shared.PdfLetterhead;

/** The project sheet as A4 PDF under the partnership's letterhead. */
final class ProjectSheetPdf {

    private static final Font LABEL = new Font(Font.HELVETICA, 8.5f, Font.BOLD);
    private static final Font TEXT = new Font(Font.HELVETICA, 8.5f);

    private ProjectSheetPdf() {
    }

    static void write(ProjectSheet.Content content, Letterhead letterhead, OutputStream out) {
        var document = PdfLetterhead.open(letterhead, content.title(), out);
        document.add(new Paragraph(content.stand(), PdfLetterhead.SMALL));
        for (var section : content.sections()) {
            var heading = new Paragraph(section.heading(), PdfLetterhead.HEADING);
            heading.setSpacingBefore(8);
            heading.setSpacingAfter(3);
            document.add(heading);
            var table = new PdfPTable(new float[] {1.3f, 4});
            table.setWidthPercentage(100);
            for (var line : section.lines()) {
                if (line.label().isEmpty()) {
                    var cell = cell(new Phrase(line.text(), TEXT));
                    cell.setColspan(2);
                    table.addCell(cell);
                } else {
                    table.addCell(cell(new Phrase(line.label(), LABEL)));
                    table.addCell(cell(new Phrase(line.text(), TEXT)));
                }
            }
            document.add(table);
        }
        document.close();
    }

    private static PdfPCell cell(Phrase phrase) {
        var cell = new PdfPCell(phrase);
        cell.setBorder(PdfPCell.BOTTOM);
        cell.setBorderColor(java.awt.Color.LIGHT_GRAY);
        cell.setPadding(3);
        return cell;
    }
}

package de.sipa.annualreport;

import java.awt.Color;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.xml.xmp.PdfA1Schema;
import com.lowagie.text.xml.xmp.XmpWriter;
import org.springframework.context.MessageSource;

import de.sipa.annualreport.ReportGenerations.ReportDocument;
import de.sipa.shared.YearlyFigures.Label;
import de.sipa.shared.YearlyFigures.Table;

/**
 * The annual report as a print PDF: a cover, a table of contents with page numbers (the document is laid out twice,
 * the first time to learn where each chapter starts), a header and a page number on every page after the cover,
 * the multi-year comparison, each chapter's key figures with last year's value and trend, its tables, its charts
 * drawn as vector graphics ({@link ReportCharts}: the same layout as the web version's SVG), and the coordinator's
 * text. The font (Liberation Sans) is embedded; the file claims PDF/A-2b (see {@link #archival}).
 */
final class AnnualReportPdf {

    private static final String FONT = "font-fallback/LiberationSans-Regular.ttf";
    private static final String HISTORY = "history";
    /** Points per unit of a chart's layout: 600 units the width of the text. */
    private static final float CHART_SCALE = 0.8f;
    private static final float SMALL_CHART_SCALE = 0.75f;
    private static final String SRGB = "sRGB IEC61966-2.1";
    /** The PDF/A-2 level claimed: B (the look kept); A needs tags, which OpenPDF's layout does not write. */
    static final String PDFA_CONFORMANCE = "B";

    private final MessageSource messages;
    private final Locale locale;
    private final FigureFormat format;
    private final Font title;
    private final Font heading;
    private final Font subheading;
    private final Font text;
    private final Font small;
    private final BaseFont base;
    private final ReportCharts charts;

    AnnualReportPdf(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
        this.format = new FigureFormat(locale);
        this.charts = new ReportCharts(messages, locale);
        try {
            base = BaseFont.createFont(FONT, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            // A subset would come with a CIDSet of the glyphs used only, which PDF/A-2 forbids (6.2.11.4.2).
            base.setSubset(false);
            title = new Font(base, 26, Font.BOLD);
            heading = new Font(base, 16, Font.BOLD);
            subheading = new Font(base, 11, Font.BOLD);
            text = new Font(base, 10);
            small = new Font(base, 8, Font.NORMAL, Color.DARK_GRAY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] write(ReportDocument report) {
        var pages = new HashMap<String, Integer>();
        layout(report, pages, new HashMap<>());
        var firstPass = new HashMap<>(pages);
        return layout(report, new HashMap<>(), firstPass);
    }

    private byte[] layout(ReportDocument report, Map<String, Integer> found, Map<String, Integer> known) {
        var out = new ByteArrayOutputStream();
        var document = new Document(PageSize.A4, 56, 56, 64, 56);
        var writer = PdfWriter.getInstance(document, out);
        var header = message("annualreport.pdf.header", report.year(), report.partnership());
        writer.setPageEvent(new PdfPageEventHelper() {
            @Override
            public void onEndPage(PdfWriter w, Document d) {
                if (w.getPageNumber() == 1) {
                    return;
                }
                var canvas = w.getDirectContent();
                ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase(header, small), d.left(),
                        d.top() + 24, 0);
                canvas.setLineWidth(0.5f);
                canvas.moveTo(d.left(), d.top() + 18);
                canvas.lineTo(d.right(), d.top() + 18);
                canvas.stroke();
                ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT,
                        new Phrase(message("annualreport.pdf.page", w.getPageNumber()), small), d.right(),
                        d.bottom() - 24, 0);
            }

            @Override
            public void onGenericTag(PdfWriter w, Document d, Rectangle rect, String tag) {
                found.putIfAbsent(tag, w.getPageNumber());
            }
        });
        document.addTitle(message("annualreport.pdf.title", report.year(), report.partnership()));
        document.addAuthor(report.partnership());
        document.addCreator("SiPa");
        document.open();
        archival(writer);

        // The cover.
        var cover = new Paragraph(message("annualreport.pdf.coverTitle"), title);
        cover.setSpacingBefore(200);
        document.add(cover);
        document.add(new Paragraph(String.valueOf(report.year()), title));
        var who = new Paragraph(report.partnership(), heading);
        who.setSpacingBefore(24);
        document.add(who);
        var asOf = new Paragraph(message("annualreport.dataAsOf", format.date(report.dataAsOf(), report.zone())), text);
        asOf.setSpacingBefore(12);
        document.add(asOf);
        document.newPage();

        // The table of contents.
        document.add(tagged(message("annualreport.pdf.contents"), heading, "toc"));
        var contents = new PdfPTable(new float[] {9, 1});
        contents.setWidthPercentage(100);
        contents.setSpacingBefore(12);
        if (!report.history().isEmpty()) {
            contents.addCell(plain(message("annualreport.history"), Element.ALIGN_LEFT));
            var page = known.get(HISTORY);
            contents.addCell(plain(page == null ? "" : String.valueOf(page), Element.ALIGN_RIGHT));
        }
        int number = 1;
        for (var chapter : report.chapters()) {
            contents.addCell(plain(number++ + "  " + chapterTitle(chapter.key()), Element.ALIGN_LEFT));
            var page = known.get(chapter.key());
            contents.addCell(plain(page == null ? "" : String.valueOf(page), Element.ALIGN_RIGHT));
        }
        document.add(contents);
        history(document, writer, report);

        number = 1;
        for (var chapter : report.chapters()) {
            document.newPage();
            document.add(tagged(number++ + "  " + chapterTitle(chapter.key()), heading, chapter.key()));
            if (chapter.empty()) {
                var none = new Paragraph(message("annualreport.chapter.empty", report.year()), text);
                none.setSpacingBefore(8);
                document.add(none);
            } else {
                document.add(figures(chapter, report.year()));
                for (var table : chapter.figures().tables()) {
                    if (!table.rows().isEmpty()) {
                        document.add(table(table));
                    } else if (table.empty() != null) {
                        var caption = new Paragraph(message(table.title()), subheading);
                        caption.setSpacingBefore(12);
                        document.add(caption);
                        document.add(new Paragraph(message(table.empty()), text));
                    }
                }
                for (var bars : chapter.figures().charts()) {
                    var caption = new Paragraph(message(bars.title()), subheading);
                    caption.setSpacingBefore(12);
                    document.add(caption);
                    document.add(chart(writer, charts.of(bars), CHART_SCALE));
                }
            }
            for (var paragraph : FormattedText.paragraphs(chapter.text())) {
                var p = new Paragraph(paragraph, text);
                p.setSpacingBefore(6);
                document.add(p);
            }
        }
        document.close();
        return out.toByteArray();
    }

    private Paragraph tagged(String words, Font font, String tag) {
        var chunk = new Chunk(words, font);
        chunk.setGenericTag(tag);
        var paragraph = new Paragraph(chunk);
        paragraph.setSpacingAfter(6);
        return paragraph;
    }

    private PdfPTable figures(ReportGenerations.DocumentChapter chapter, int year) {
        var table = new PdfPTable(new float[] {5, 2, 2, 2});
        table.setWidthPercentage(100);
        table.setSpacingBefore(8);
        table.setHeaderRows(1);
        table.addCell(head(message("annualreport.column.figure")));
        table.addCell(head(String.valueOf(year)));
        table.addCell(head(String.valueOf(year - 1)));
        table.addCell(head(message("annualreport.column.trend")));
        for (var c : chapter.comparisons()) {
            table.addCell(plain(message(c.figure().label()), Element.ALIGN_LEFT));
            table.addCell(plain(format.value(c.figure()), Element.ALIGN_RIGHT));
            table.addCell(plain(format.value(c.lastYear(), c.figure().unit()), Element.ALIGN_RIGHT));
            table.addCell(plain(c.trend() == null ? "–" : message("annualreport.trend." + c.trend()),
                    Element.ALIGN_LEFT));
        }
        return table;
    }

    private PdfPTable table(Table source) {
        var table = new PdfPTable(source.columns().size());
        table.setWidthPercentage(100);
        table.setSpacingBefore(12);
        table.setHeaderRows(2);
        var caption = new PdfPCell(new Phrase(message(source.title()), subheading));
        caption.setColspan(source.columns().size());
        caption.setBorder(Rectangle.NO_BORDER);
        caption.setPaddingBottom(4);
        table.addCell(caption);
        for (var column : source.columns()) {
            table.addCell(head(message(column)));
        }
        for (var row : source.rows()) {
            for (var cell : row) {
                boolean number = cell instanceof Number;
                table.addCell(plain(cell instanceof Label label ? message(label.key()) : format.cell(cell),
                        number ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT));
            }
        }
        return table;
    }

    /**
     * The multi-year comparison: one small chart for each key figure the chapters follow, two beside each other,
     * over the years with data.
     */
    private void history(Document document, PdfWriter writer, ReportDocument report) {
        if (report.history().isEmpty()) {
            return;
        }
        document.newPage();
        document.add(tagged(message("annualreport.history"), heading, HISTORY));
        document.add(new Paragraph(message("annualreport.history.years", report.firstYear(), report.year()), text));
        var grid = new PdfPTable(2);
        grid.setWidthPercentage(100);
        grid.setSpacingBefore(8);
        for (var bars : report.history()) {
            var cell = new PdfPCell();
            cell.setBorder(Rectangle.NO_BORDER);
            cell.setPaddingBottom(12);
            cell.addElement(new Paragraph(message(bars.title()), subheading));
            var image = chart(writer, charts.small(bars), SMALL_CHART_SCALE);
            cell.addElement(image);
            grid.addCell(cell);
        }
        grid.completeRow();
        document.add(grid);
    }

    /**
     * A chart drawn into a template as vector graphics, from the layout the web version draws as SVG (whose y grows
     * downwards, so it is turned over here); {@code scale} points per unit of the layout.
     */
    private Image chart(PdfWriter writer, ReportCharts.Chart chart, float scale) {
        float height = (float) chart.height() * scale;
        var template = writer.getDirectContent().createTemplate((float) chart.width() * scale, height);
        template.setLineWidth(0.5f);
        template.setGrayStroke(0f);
        for (var line : chart.lines()) {
            template.moveTo((float) line.x1() * scale, height - (float) line.y1() * scale);
            template.lineTo((float) line.x2() * scale, height - (float) line.y2() * scale);
            template.stroke();
        }
        template.setGrayFill(0.75f);
        for (var box : chart.boxes()) {
            template.rectangle((float) box.x() * scale, height - (float) (box.y() + box.height()) * scale,
                    (float) box.width() * scale, (float) box.height() * scale);
            template.fillStroke();
        }
        template.setGrayFill(0f); // the texts in black
        var font = new Font(base, (float) ReportCharts.FONT * scale);
        for (var t : chart.texts()) {
            int alignment = switch (t.anchor()) {
                case "start" -> Element.ALIGN_LEFT;
                case "end" -> Element.ALIGN_RIGHT;
                default -> Element.ALIGN_CENTER;
            };
            ColumnText.showTextAligned(template, alignment, new Phrase(t.text(), font), (float) t.x() * scale,
                    height - (float) t.y() * scale, 0);
        }
        try {
            var image = Image.getInstance(template);
            image.setAlt(message(chart.title()));
            return image;
        } catch (com.lowagie.text.BadElementException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What PDF/A-2b asks beyond embedded fonts: XMP metadata that repeat the document information and name the
     * conformance, and an output intent with the sRGB profile (the colours are grey and RGB). OpenPDF knows PDF/A-1
     * only; PDF/A-2 relaxes it, so the identification is written here.
     */
    private void archival(PdfWriter writer) {
        try {
            writer.setOutputIntents(SRGB, null, "http://www.color.org", SRGB,
                    ICC_Profile.getInstance(ColorSpace.CS_sRGB));
            // OpenPDF marks the intent as PDF/X's outside its PDF/A-1 mode; PDF/A's is GTS_PDFA1 in every part.
            ((PdfArray) writer.getExtraCatalog().get(PdfName.OUTPUTINTENTS)).getAsDict(0).put(PdfName.S,
                    PdfName.GTS_PDFA1);
            var xmp = new ByteArrayOutputStream();
            try (var metadata = new XmpWriter(xmp, writer.getInfo(), PdfWriter.PDFXNONE)) {
                var id = new PdfA1Schema();
                id.addPart("2");
                id.addConformance(PDFA_CONFORMANCE);
                metadata.addRdfDescription(id);
            }
            writer.setXmpMetadata(xmp.toByteArray());
            writer.getExtraCatalog().put(PdfName.LANG, new PdfString(locale.toLanguageTag()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PdfPCell head(String words) {
        var cell = new PdfPCell(new Phrase(words, subheading));
        cell.setGrayFill(0.9f);
        cell.setPadding(4);
        return cell;
    }

    private PdfPCell plain(String words, int alignment) {
        var cell = new PdfPCell(new Phrase(words, text));
        cell.setHorizontalAlignment(alignment);
        cell.setPadding(4);
        return cell;
    }

    private String chapterTitle(String key) {
        return message("annualreport.chapter." + key);
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale);
    }
}

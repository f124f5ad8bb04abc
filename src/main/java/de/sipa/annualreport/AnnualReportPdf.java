package de.sipa.annualreport;

import java.awt.Color;
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
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import org.springframework.context.MessageSource;

import de.sipa.annualreport.ReportGenerations.ReportDocument;
import de.sipa.shared.YearlyFigures.Bars;
import de.sipa.shared.YearlyFigures.Label;
import de.sipa.shared.YearlyFigures.Table;

/**
 * The annual report as a print PDF: a cover, a table of contents with page numbers (the document is laid out twice,
 * the first time to learn where each chapter starts), a header and a page number on every page after the cover,
 * each chapter's key figures with last year's value and trend, its tables, its charts drawn as vector graphics
 * (grey bars with black outlines and the values written on them, so that they read in black and white), and the
 * coordinator's text. The font (Liberation Sans) is embedded.
 */
final class AnnualReportPdf {

    private static final String FONT = "font-fallback/LiberationSans-Regular.ttf";

    private final MessageSource messages;
    private final Locale locale;
    private final FigureFormat format;
    private final Font title;
    private final Font heading;
    private final Font subheading;
    private final Font text;
    private final Font small;

    AnnualReportPdf(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
        this.format = new FigureFormat(locale);
        try {
            var base = BaseFont.createFont(FONT, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
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
        int number = 1;
        for (var chapter : report.chapters()) {
            contents.addCell(plain(number++ + "  " + chapterTitle(chapter.key()), Element.ALIGN_LEFT));
            var page = known.get(chapter.key());
            contents.addCell(plain(page == null ? "" : String.valueOf(page), Element.ALIGN_RIGHT));
        }
        document.add(contents);

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
                    }
                }
                for (var bars : chapter.figures().charts()) {
                    var caption = new Paragraph(message(bars.title()), subheading);
                    caption.setSpacingBefore(12);
                    document.add(caption);
                    document.add(chart(writer, bars));
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

    /** Bars drawn into a template: vector graphics, grey with outlines, each value written above its bar. */
    private Image chart(PdfWriter writer, Bars bars) {
        float width = 480;
        float height = 180;
        float bottom = 20;
        float top = 16;
        var template = writer.getDirectContent().createTemplate(width, height);
        long max = Math.max(1, bars.max());
        int n = bars.values().size();
        float slot = width / Math.max(1, n);
        template.setLineWidth(0.5f);
        template.moveTo(0, bottom);
        template.lineTo(width, bottom);
        template.stroke();
        for (int i = 0; i < n; i++) {
            float h = (height - bottom - top) * bars.values().get(i) / max;
            float x = i * slot + slot * 0.15f;
            template.setGrayFill(0.75f);
            template.setGrayStroke(0f);
            template.rectangle(x, bottom, slot * 0.7f, h);
            template.fillStroke();
            ColumnText.showTextAligned(template, Element.ALIGN_CENTER,
                    new Phrase(format.cell(bars.values().get(i)), small), x + slot * 0.35f, bottom + h + 3, 0);
            ColumnText.showTextAligned(template, Element.ALIGN_CENTER, new Phrase(bars.labels().get(i), small),
                    x + slot * 0.35f, 6, 0);
        }
        try {
            var image = Image.getInstance(template);
            image.setAlt(message(bars.title()));
            return image;
        } catch (com.lowagie.text.BadElementException e) {
            throw new IllegalStateException(e);
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

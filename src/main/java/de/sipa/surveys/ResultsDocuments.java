package de.sipa.surveys;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.text.NumberFormat;
import java.util.Locale;

import com.lowagie.text.Element;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

import org.springframework.context.MessageSource;

import de.sipa.shared.Letterhead;
import de.sipa.shared.PdfLetterhead;

/** The results of a wave as CSV and as a PDF report; both leave the coordination, so their small cells are hidden. */
final class ResultsDocuments {

    private ResultsDocuments() {
    }

    /** One line per question and answer: counts, shares in percent, the interval and n; "< 5" for small cells. */
    static void csv(WaveResults results, MessageSource messages, Locale locale, Writer out) {
        var percent = percent(locale);
        try {
            out.write(String.join(";", text(messages, locale, "surveyResults.csv.question"),
                    text(messages, locale, "surveyResults.csv.answer"), text(messages, locale, "surveyResults.csv.code"),
                    text(messages, locale, "surveyResults.count"), text(messages, locale, "surveyResults.share"),
                    text(messages, locale, "surveyResults.weightedShare"), text(messages, locale, "surveyResults.ciLower"),
                    text(messages, locale, "surveyResults.ciUpper"), "n", text(messages, locale, "surveyResults.effectiveN"))
                    + "\r\n");
            for (var question : results.questions()) {
                for (var option : question.options()) {
                    boolean hidden = option.suppressed();
                    out.write(String.join(";", cell(question.text()), cell(option.label()), cell(option.code()),
                            hidden ? "< 5" : Long.toString(option.count()),
                            hidden ? "" : percent.format(100 * option.share()),
                            hidden ? "" : percent.format(100 * option.weightedShare()),
                            hidden ? "" : percent.format(100 * option.lower()),
                            hidden ? "" : percent.format(100 * option.upper()),
                            question.suppressed() ? "< 5" : Long.toString(question.n()),
                            question.suppressed() ? "" : percent.format(question.effectiveN())) + "\r\n");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report: per question a table of answers with count, share, weighted share and interval. */
    static void pdf(WaveResults results, String districtName, Letterhead letterhead, MessageSource messages,
            Locale locale, OutputStream out) {
        var percent = percent(locale);
        var document = PdfLetterhead.open(letterhead,
                text(messages, locale, "surveyResults.report.title", results.wave().title()), out);
        document.add(new Paragraph(text(messages, locale, "surveyResults.report.intro", results.questionnaire(),
                districtName == null ? text(messages, locale, "surveyResults.wholeCity") : districtName,
                text(messages, locale, "surveyResults.weighting." + results.weighting()),
                SmallCells.small(results.responses()) ? "< 5" : Long.toString(results.responses())),
                PdfLetterhead.TEXT));
        document.add(new Paragraph(text(messages, locale, "surveyResults.suppressedNote"), PdfLetterhead.SMALL));
        for (var question : results.questions()) {
            var heading = new Paragraph(question.text() + " (n = "
                    + (question.suppressed() ? "< 5" : question.n()) + ")", PdfLetterhead.HEADING);
            heading.setSpacingBefore(10);
            document.add(heading);
            if (question.suppressed()) {
                continue;
            }
            var table = new PdfPTable(new float[] {5, 1.4f, 1.4f, 1.6f, 2.4f});
            table.setWidthPercentage(100);
            table.setSpacingBefore(4);
            for (var key : new String[] {"surveyResults.answer", "surveyResults.count", "surveyResults.share",
                    "surveyResults.weightedShare", "surveyResults.ci"}) {
                table.addCell(pdfCell(text(messages, locale, key), true));
            }
            for (var option : question.options()) {
                table.addCell(pdfCell(option.label(), false));
                table.addCell(pdfCell(option.suppressed() ? "< 5" : Long.toString(option.count()), false));
                table.addCell(pdfCell(option.suppressed() ? "" : percent.format(100 * option.share()) + " %", false));
                table.addCell(pdfCell(option.suppressed() ? "" : percent.format(100 * option.weightedShare()) + " %",
                        false));
                table.addCell(pdfCell(option.suppressed() ? "" : percent.format(100 * option.lower()) + " – "
                        + percent.format(100 * option.upper()) + " %", false));
            }
            document.add(table);
        }
        document.close();
    }

    private static PdfPCell pdfCell(String text, boolean header) {
        var cell = new PdfPCell(new Phrase(text, header ? PdfLetterhead.HEADING : PdfLetterhead.TEXT));
        cell.setHorizontalAlignment(Element.ALIGN_LEFT);
        cell.setPadding(3);
        return cell;
    }

    private static NumberFormat percent(Locale locale) {
        var format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        format.setGroupingUsed(false);
        return format;
    }

    private static String text(MessageSource messages, Locale locale, String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    private static String cell(String value) {
        var text = value == null ? "" : value;
        // a leading =, +, - or @ would be a formula to a spreadsheet
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return text.contains(";") || text.contains("\"") || text.contains("\n")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}

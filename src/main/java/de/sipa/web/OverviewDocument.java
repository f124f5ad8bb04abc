package de.sipa.web;

import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPTable;

import org.springframework.context.MessageSource;

import de.sipa.partners.Organisation;
import de.sipa.reports.ReportFigures.MonthFigures;
import de.sipa.shared.Letterhead;
import de.sipa.shared.OrganisationId;
import de.sipa.shared.PdfLetterhead;

/** The steering group's monthly overview as a PDF for the meeting folder, with the same content as the page. */
final class OverviewDocument {

    private OverviewDocument() {
    }

    static void write(StartPages.Overview overview, Letterhead letterhead,
            Map<OrganisationId, Organisation> organisations, MessageSource messages, Locale locale, OutputStream out) {
        var text = new Texts(messages, locale);
        var month = DateTimeFormatter.ofPattern("MMMM yyyy", locale);
        var document = PdfLetterhead.open(letterhead, text.get("overview.title", month.format(overview.month())), out);

        heading(document, text.get("overview.figures"));
        var figures = table(4, text.get("overview.figure"), month.format(overview.month()),
                month.format(overview.month().minusMonths(1)), month.format(overview.month().minusYears(1)));
        var columns = List.of(overview.figures(), overview.previousMonth(), overview.previousYear());
        row(figures, text.get("overview.received"), columns, f -> Long.toString(f.received()));
        row(figures, text.get("overview.closed"), columns, f -> Long.toString(f.closed()));
        row(figures, text.get("overview.medianDays"), columns, f -> number(f.medianDays(), locale));
        row(figures, text.get("overview.overdueShare"), columns, f -> percent(f.overdueShare(), locale));
        row(figures, text.get("overview.directShare"), columns, f -> percent(f.directShare(), locale));
        document.add(figures);

        heading(document, text.get("overview.perMonth"));
        var perMonth = table(2, text.get("overview.month"), text.get("overview.received"));
        for (var column : overview.perMonth().columns()) {
            cells(perMonth, column.label(), Long.toString(column.total()));
        }
        document.add(perMonth);

        heading(document, text.get("overview.timeToClose"));
        var classes = table(2, text.get("overview.days"), text.get("overview.closed"));
        for (var bar : overview.timeToClose().bars()) {
            cells(classes, text.get(bar.key(), bar.arguments().toArray()), Long.toString(bar.value()));
        }
        document.add(classes);

        heading(document, text.get("overview.decisions"));
        if (overview.decisions().isEmpty()) {
            document.add(new Paragraph(text.get("overview.none"), PdfLetterhead.TEXT));
        }
        for (var decision : overview.decisions()) {
            document.add(new Paragraph(decision.reference() + ": " + decision.wording(), PdfLetterhead.TEXT));
        }

        heading(document, text.get("overview.overdueActionItems"));
        if (overview.overdueActionItems().isEmpty()) {
            document.add(new Paragraph(text.get("overview.none"), PdfLetterhead.TEXT));
        } else {
            var day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
            var items = table(3, text.get("actionItem.due"), text.get("actionItem.title"), text.get("actionItem.owner"));
            for (var followUp : overview.overdueActionItems()) {
                var item = followUp.item();
                var owner = organisations.get(item.owner());
                cells(items, day.format(item.dueOn()), item.title(), owner == null ? "" : owner.name());
            }
            document.add(items);
        }

        heading(document, text.get("overview.proposals"));
        document.add(new Paragraph(text.get("overview.proposalsWaiting", overview.undecidedProposals()),
                PdfLetterhead.TEXT));
        for (var review : overview.submittedReviews()) {
            document.add(new Paragraph("– " + review.title(), PdfLetterhead.TEXT));
        }
        document.close();
    }

    private static void heading(Document document, String text) {
        var heading = new Paragraph(text, PdfLetterhead.HEADING);
        heading.setSpacingBefore(12);
        heading.setSpacingAfter(4);
        document.add(heading);
    }

    private static PdfPTable table(int columns, String... headers) {
        var table = new PdfPTable(columns);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (var header : headers) {
            table.addCell(new Phrase(header, PdfLetterhead.HEADING));
        }
        return table;
    }

    private static void cells(PdfPTable table, String... values) {
        for (var value : values) {
            table.addCell(new Phrase(value, PdfLetterhead.TEXT));
        }
    }

    private static void row(PdfPTable table, String label, List<MonthFigures> columns,
            java.util.function.Function<MonthFigures, String> value) {
        table.addCell(new Phrase(label, PdfLetterhead.TEXT));
        columns.forEach(f -> table.addCell(new Phrase(value.apply(f), PdfLetterhead.TEXT)));
    }

    private static String number(Double value, Locale locale) {
        return value == null ? "–" : String.format(locale, "%.1f", value);
    }

    private static String percent(Double share, Locale locale) {
        return share == null ? "–" : String.format(locale, "%.0f %%", share * 100);
    }

    private record Texts(MessageSource messages, Locale locale) {
        String get(String key, Object... arguments) {
            return messages.getMessage(key, arguments, locale);
        }
    }
}

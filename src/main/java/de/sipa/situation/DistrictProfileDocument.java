package de.sipa.situation;

import java.io.OutputStream;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

import org.springframework.context.MessageSource;

import de.sipa.shared.Letterhead;
import de.sipa.shared.PdfLetterhead;
import de.sipa.situation.DistrictProfile.CategoryRow;

/**
 * A district's profile on one A4 page for printing: the page's content, shortened where a long list would spill onto
 * a second page (the busiest categories, the first topics and the latest events, with the number left out).
 */
final class DistrictProfileDocument {

    /** Categories listed one by one; the others are summed up in one row. */
    static final int CATEGORIES = 8;
    static final int TOPICS = 10;
    static final int PATROLS = 4;
    static final int EVENTS = 4;

    private static final Font CELL = new Font(Font.HELVETICA, 7);
    private static final Font CELL_BOLD = new Font(Font.HELVETICA, 7, Font.BOLD);
    private static final Font TEXT = new Font(Font.HELVETICA, 8.5f);

    private DistrictProfileDocument() {
    }

    static void write(DistrictProfile profile, Letterhead letterhead, MessageSource messages, Locale locale,
            Clock clock, OutputStream out) {
        var text = new Texts(messages, locale);
        var pks = new PksFormat();
        var day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        var document = PdfLetterhead.open(letterhead,
                text.get("districtProfile.title", profile.district().name()), out);

        var facts = new ArrayList<String>();
        if (profile.population() != null) {
            facts.add(text.get("districtProfile.population.value", pks.count(profile.population()),
                    String.valueOf(profile.populationYear())));
        }
        facts.add(text.get("districtProfile.reports.summary", profile.total().sum(), profile.total().sumYearBefore()));
        facts.add(text.get("districtProfile.openOverdue", profile.open(), profile.overdue()));
        document.add(new Paragraph(String.join("  ·  ", facts), TEXT));

        heading(document, text.get("districtProfile.reports.title"));
        var months = profile.months();
        var columns = months.size() + 3;
        var widths = new float[columns];
        widths[0] = 5;
        for (int i = 1; i < columns; i++) {
            widths[i] = 1.15f;
        }
        var table = table(widths);
        header(table, text.get("districtProfile.category"));
        var month = DateTimeFormatter.ofPattern("MM/yy", locale);
        months.forEach(m -> header(table, month.format(m)));
        header(table, text.get("districtProfile.sum"));
        header(table, text.get("districtProfile.yearBefore"));
        var rows = profile.categories();
        for (var row : rows.subList(0, Math.min(CATEGORIES, rows.size()))) {
            categoryRow(table, row.category(), row, CELL);
        }
        if (rows.size() > CATEGORIES) {
            var rest = rows.subList(CATEGORIES, rows.size());
            var counts = new ArrayList<Long>();
            var before = new ArrayList<Long>();
            for (int i = 0; i < months.size(); i++) {
                final int index = i;
                counts.add(rest.stream().mapToLong(r -> r.counts().get(index)).sum());
                before.add(rest.stream().mapToLong(r -> r.yearBefore().get(index)).sum());
            }
            categoryRow(table, text.get("districtProfile.otherCategories", rest.size()),
                    new CategoryRow("", counts, before), CELL);
        }
        categoryRow(table, text.get("districtProfile.total"), profile.total(), CELL_BOLD);
        cell(table, text.get("districtProfile.total.yearBefore"), CELL);
        profile.total().yearBefore().forEach(n -> number(table, n, CELL));
        number(table, profile.total().sumYearBefore(), CELL);
        cell(table, "", CELL);
        document.add(table);

        heading(document, text.get("districtProfile.leads.title"));
        if (profile.leads().isEmpty()) {
            document.add(new Paragraph(text.get("districtProfile.leads.none"), TEXT));
        } else {
            var leads = table(new float[] {4, 4, 4});
            header(leads, text.get("districtProfile.topic"));
            header(leads, text.get("districtProfile.lead"));
            header(leads, text.get("districtProfile.support"));
            for (var lead : profile.leads().subList(0, Math.min(TOPICS, profile.leads().size()))) {
                cell(leads, lead.topic(), CELL);
                var who = new StringBuilder(lead.leads().isEmpty() ? text.get("districtProfile.lead.gap")
                        : String.join(", ", lead.leads()));
                if (!lead.local() && !lead.leads().isEmpty()) {
                    who.append(" (").append(text.get("districtProfile.cityWide")).append(')');
                }
                lead.windows().forEach(w -> who.append("; ").append(w));
                cell(leads, who.toString(), CELL);
                cell(leads, String.join(", ", lead.supporters()), CELL);
            }
            document.add(leads);
            more(document, text, profile.leads().size() - TOPICS);
        }

        heading(document, text.get("districtProfile.patrols.title"));
        if (profile.patrols().isEmpty()) {
            document.add(new Paragraph(text.get("districtProfile.patrols.none"), TEXT));
        }
        for (var patrol : profile.patrols().subList(0, Math.min(PATROLS, profile.patrols().size()))) {
            document.add(new Paragraph(text.get("districtProfile.patrols.line", patrol.plan(),
                    String.join(", ", patrol.areas()), weekdays(patrol.weekdays(), locale),
                    patrol.startsAt().toString(), patrol.endsAt().toString(), day.format(patrol.validFrom()),
                    day.format(patrol.validUntil()), patrol.walked(), patrol.planned()), TEXT));
        }
        more(document, text, profile.patrols().size() - PATROLS);

        heading(document, text.get("districtProfile.events.title"));
        if (profile.events().isEmpty()) {
            document.add(new Paragraph(text.get("districtProfile.events.none"), TEXT));
        }
        var zone = clock.getZone();
        for (var event : profile.events().subList(0, Math.min(EVENTS, profile.events().size()))) {
            document.add(new Paragraph(day.format(LocalDate.ofInstant(event.startsAt(), zone)) + "  " + event.name()
                    + (event.expectedAttendance() == null ? ""
                            : "  (" + text.get("districtProfile.events.attendance",
                                    pks.count(event.expectedAttendance())) + ")"), TEXT));
        }
        more(document, text, profile.events().size() - EVENTS);

        var crime = profile.crime();
        if (crime != null) {
            heading(document, text.get("districtProfile.crime.title"));
            if (crime.rows().isEmpty()) {
                document.add(new Paragraph(text.get("districtProfile.crime.none"), TEXT));
            } else {
                var crimeWidths = new float[crime.years().size() + 4];
                crimeWidths[0] = 4;
                for (int i = 1; i < crimeWidths.length; i++) {
                    crimeWidths[i] = 1.4f;
                }
                var figures = table(crimeWidths);
                header(figures, text.get("crimeFigures.group"));
                crime.years().forEach(y -> header(figures, String.valueOf(y)));
                header(figures, text.get("districtProfile.crime.frequency", String.valueOf(crime.latest())));
                header(figures, text.get("districtProfile.crime.clearance", String.valueOf(crime.latest())));
                header(figures, text.get("crimeFigures.change"));
                for (var row : crime.rows()) {
                    cell(figures, row.group(), CELL);
                    row.figures().forEach(f -> right(figures, f.reported() ? pks.count(f.cases()) : "–", CELL));
                    right(figures, pks.rate(row.latest().frequencyRate()), CELL);
                    right(figures, pks.percent(row.latest().clearanceRate()), CELL);
                    right(figures, pks.change(row.before(), row.latest()), CELL);
                }
                document.add(figures);
            }
        }

        var footer = new Paragraph(text.get("districtProfile.printed", day.format(LocalDate.now(clock))),
                PdfLetterhead.SMALL);
        footer.setSpacingBefore(8);
        document.add(footer);
        document.close();
    }

    /** The district's name as a file name: "Nord-Ost" → "nord-ost", "Südstadt" → "suedstadt". */
    static String fileName(String name) {
        var plain = name.toLowerCase(Locale.GERMAN).replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
                .replace("ß", "ss");
        plain = Normalizer.normalize(plain, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        plain = plain.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return plain.isEmpty() ? "stadtteil" : plain;
    }

    static String weekdays(List<java.time.DayOfWeek> days, Locale locale) {
        return days.stream().map(d -> d.getDisplayName(TextStyle.SHORT, locale)).collect(Collectors.joining(", "));
    }

    private static void categoryRow(PdfPTable table, String label, CategoryRow row, Font font) {
        cell(table, label, font);
        row.counts().forEach(n -> number(table, n, font));
        number(table, row.sum(), font);
        number(table, row.sumYearBefore(), font);
    }

    private static void heading(Document document, String text) {
        var heading = new Paragraph(text, PdfLetterhead.HEADING);
        heading.setSpacingBefore(8);
        heading.setSpacingAfter(3);
        document.add(heading);
    }

    private static void more(Document document, Texts text, int left) {
        if (left > 0) {
            document.add(new Paragraph(text.get("districtProfile.more", left), PdfLetterhead.SMALL));
        }
    }

    private static PdfPTable table(float[] widths) {
        var table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        return table;
    }

    private static void header(PdfPTable table, String value) {
        var cell = new PdfPCell(new Phrase(value, CELL_BOLD));
        cell.setPadding(2);
        table.addCell(cell);
    }

    private static void cell(PdfPTable table, String value, Font font) {
        var cell = new PdfPCell(new Phrase(value, font));
        cell.setPadding(2);
        table.addCell(cell);
    }

    private static void number(PdfPTable table, long value, Font font) {
        right(table, Long.toString(value), font);
    }

    private static void right(PdfPTable table, String value, Font font) {
        var cell = new PdfPCell(new Phrase(value, font));
        cell.setPadding(2);
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        table.addCell(cell);
    }

    private record Texts(MessageSource messages, Locale locale) {
        String get(String key, Object... arguments) {
            return messages.getMessage(key, arguments, locale);
        }
    }
}

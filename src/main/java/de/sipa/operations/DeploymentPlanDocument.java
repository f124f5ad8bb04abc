package de.sipa.operations;

import java.io.OutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPTable;

import de.sipa.partners.Organisation;
import de.sipa.partners.Person;
import de.sipa.partners.PersonId;
import de.sipa.shared.OrganisationId;
import de.sipa.shared.Letterhead;
import de.sipa.shared.PdfLetterhead;

/** An Einsatzplan version on paper, for the folder in the command vehicle. */
final class DeploymentPlanDocument {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private DeploymentPlanDocument() {
    }

    static void write(Letterhead letterhead, Event event, DeploymentPlan plan, Map<OrganisationId, Organisation> organisations,
            List<Person> people, Function<Object, String> labels, ZoneId zone, OutputStream out) {
        var when = WHEN.withZone(zone);
        Function<OrganisationId, String> organisation = id -> id == null ? "" : organisations.get(id).name();
        Map<PersonId, String> names = people.stream().collect(Collectors.toMap(Person::id, Person::fullName));
        var version = plan.version();
        var document = PdfLetterhead.open(letterhead, "Einsatzplan: " + event.name(), out);
        document.add(new Paragraph("Fassung " + version.number() + " (" + labels.apply(version.status()) + "), "
                + when.format(event.startsAt()) + " bis " + when.format(event.endsAt())
                + (event.expectedAttendance() == null ? "" : ", erwartet " + event.expectedAttendance() + " Personen")
                + ", Risiko " + labels.apply(event.riskLevel()), PdfLetterhead.TEXT));
        if (event.riskAssessment() != null) {
            document.add(new Paragraph(event.riskAssessment(), PdfLetterhead.SMALL));
        }
        heading(document, "Ablauf");
        table(document, new float[] {2, 2, 3, 4}, plan.phases().stream().map(p -> new String[] {
            when.format(p.startsAt()), when.format(p.endsAt()), p.name(), nonNull(p.description())}).toList());
        heading(document, "Abschnitte");
        table(document, new float[] {3, 4, 3, 3}, plan.sections().stream().map(s -> new String[] {
            s.name(), nonNull(s.description()), organisation.apply(s.organisation()),
            s.lead() == null ? "" : names.get(s.lead())}).toList());
        heading(document, "Aufgaben");
        table(document, new float[] {3, 3, 5, 2}, plan.tasks().stream().map(t -> new String[] {
            organisation.apply(t.organisation()), labels.apply(t.category()), t.title(), nonNull(t.section())}).toList());
        heading(document, "Erreichbarkeit");
        table(document, new float[] {3, 3, 3, 2, 2}, plan.contacts().stream().map(c -> new String[] {
            c.name(), nonNull(c.function()), organisation.apply(c.organisation()), nonNull(c.phone()),
            nonNull(c.radioChannel())}).toList());
        var approvals = new Paragraph(plan.approvals().isEmpty() ? "Noch nicht freigegeben."
                : "Freigegeben: " + plan.approvals().stream().map(a -> organisation.apply(a.organisation()) + " ("
                        + a.approvedBy() + ", " + when.format(a.approvedAt()) + ")").collect(Collectors.joining("; ")),
                PdfLetterhead.SMALL);
        approvals.setSpacingBefore(16);
        document.add(approvals);
        document.close();
    }

    private static void heading(Document document, String text) {
        var heading = new Paragraph(text, PdfLetterhead.HEADING);
        heading.setSpacingBefore(12);
        heading.setSpacingAfter(4);
        document.add(heading);
    }

    private static void table(Document document, float[] widths, List<String[]> rows) {
        if (rows.isEmpty()) {
            document.add(new Paragraph("–", PdfLetterhead.TEXT));
            return;
        }
        var table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        for (var row : rows) {
            for (var cell : row) {
                table.addCell(new Phrase(cell, PdfLetterhead.SMALL));
            }
        }
        document.add(table);
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}

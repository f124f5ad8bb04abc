package de.sipa.meetings;

import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;

import de.sipa.partners.Member;
import de.sipa.partners.PersonId;
import de.sipa.shared.Letterhead;
import de.sipa.shared.PdfLetterhead;

/** Invitation with agenda and approved minutes as A4 documents under the partnership's letterhead, for filing. */
final class MeetingDocuments {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm 'Uhr'");
    private static final Font HEADING = PdfLetterhead.HEADING;
    private static final Font TEXT = PdfLetterhead.TEXT;
    private static final Font SMALL = PdfLetterhead.SMALL;

    /** What both documents show of the meeting. */
    record Heading(Letterhead letterhead, String body, Meeting meeting, ZoneId zone) {
    }

    private MeetingDocuments() {
    }

    /** @param links per agenda item, the records it points to as text ("Anliegen 2026-000123 · Müll") */
    static void writeInvitation(Heading heading, List<AgendaItem> agenda, Map<PersonId, String> names,
            Map<UUID, List<String>> links, OutputStream out) {
        var document = open(heading, "Einladung", out);
        document.add(new Paragraph("Tagesordnung", HEADING));
        int number = 1;
        for (var item : agenda) {
            var line = new Paragraph(number++ + ".  " + item.title()
                    + (item.presenter() == null ? "" : " (" + names.get(item.presenter()) + ")")
                    + (item.confidential() ? "  – nicht öffentlich" : ""), TEXT);
            line.setSpacingBefore(4);
            document.add(line);
            if (item.description() != null && !item.description().isBlank()) {
                var description = new Paragraph(item.description(), SMALL);
                description.setIndentationLeft(16);
                document.add(description);
            }
            for (var link : links.getOrDefault(item.id(), List.of())) {
                var reference = new Paragraph("Bezug: " + link, SMALL);
                reference.setIndentationLeft(16);
                document.add(reference);
            }
        }
        document.close();
    }

    static void writeMinutes(Heading heading, List<AgendaItem> agenda, Minutes minutes, List<Member> members,
            Map<PersonId, Attendance> attendance, Function<Attendance.Status, String> statusLabels,
            Map<PersonId, String> names, List<Decision> decisions, OutputStream out) {
        var document = open(heading, "Protokoll", out);
        document.add(new Paragraph("Anwesenheit", HEADING));
        for (var member : members) {
            var entry = attendance.get(member.person().id());
            if (entry != null) {
                document.add(new Paragraph(member.person().fullName() + ", " + member.organisationName() + ": "
                        + statusLabels.apply(entry.status())
                        + (entry.representedBy() == null ? "" : " durch " + names.get(entry.representedBy())), TEXT));
            }
        }
        int number = 1;
        for (var item : agenda) {
            var title = new Paragraph(number++ + ".  " + item.title(), HEADING);
            title.setSpacingBefore(10);
            document.add(title);
            document.add(new Paragraph(minutes.texts().getOrDefault(item.id(), "–"), TEXT));
            for (var decision : decisions) {
                if (item.id().equals(decision.agendaItem())) {
                    document.add(decision(decision));
                }
            }
        }
        var unassigned = decisions.stream().filter(d -> d.agendaItem() == null).toList();
        if (!unassigned.isEmpty()) {
            var title = new Paragraph("Beschlüsse", HEADING);
            title.setSpacingBefore(10);
            document.add(title);
            unassigned.forEach(d -> document.add(decision(d)));
        }
        var approval = new Paragraph("Fassung " + minutes.version() + ", genehmigt von " + minutes.approvedBy() + " am "
                + format(minutes.approvedAt(), heading.zone())
                + (minutes.correctionReason() == null ? "" : ". Korrektur: " + minutes.correctionReason()), SMALL);
        approval.setSpacingBefore(16);
        document.add(approval);
        document.close();
    }

    private static Document open(Heading heading, String kind, OutputStream out) {
        var meeting = heading.meeting();
        var document = PdfLetterhead.open(heading.letterhead(), kind + ": " + meeting.title(), out);
        document.add(new Paragraph(heading.body(), TEXT));
        document.add(new Paragraph(format(meeting.startsAt(), heading.zone()) + " bis "
                + DateTimeFormatter.ofPattern("HH:mm 'Uhr'").withZone(heading.zone()).format(meeting.endsAt())
                + (meeting.location() == null ? "" : ", " + meeting.location())
                + (meeting.videoLink() == null ? "" : ", Video: " + meeting.videoLink()), TEXT));
        var space = new Paragraph(" ", TEXT);
        document.add(space);
        return document;
    }

    private static Paragraph decision(Decision decision) {
        var paragraph = new Paragraph("Beschluss " + decision.reference() + ": " + decision.wording()
                + (decision.vote() == null || decision.vote().isBlank() ? "" : " (" + decision.vote() + ")"),
                new Font(Font.HELVETICA, 10, Font.ITALIC));
        paragraph.setIndentationLeft(16);
        paragraph.setSpacingBefore(3);
        return paragraph;
    }

    private static String format(Instant instant, ZoneId zone) {
        return WHEN.withZone(zone).format(instant);
    }
}

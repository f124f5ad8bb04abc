package de.sipa.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import de.sipa.partners.BodyId;

/**
 * Every kind of iCalendar file SiPa writes for meetings passes ical4j's validator, keeps lines within 75 octets,
 * and follows the rules for its kind: invitations ask for no answers nobody reads, published files carry no METHOD
 * but a name and a time zone, and a change keeps the UID with a higher SEQUENCE.
 */
public class MeetingCalendarTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant START = Instant.parse("2026-11-10T16:00:00Z");

    private final Meeting meeting = new Meeting(MeetingId.random(), BodyId.random(),
            "Lenkungsgruppe der Sicherheitspartnerschaft Musterstadt – Herbstsitzung mit langem Titel über Straßenbeleuchtung",
            START, START.plus(2, ChronoUnit.HOURS), "Rathaus Musterstadt, Großer Sitzungssaal, Marktplatz 1", null,
            MeetingStatus.INVITED, 0, null);
    private final List<MeetingCalendar.Invitee> invitees = List.of(
            new MeetingCalendar.Invitee("Paula Polizei-Müller", "paula@polizei.example"));

    @Test
    void anInvitationIsValidAndAsksForNoAnswers() throws Exception {
        var ics = MeetingCalendar.invitation(meeting, "Lenkungsgruppe", invitees, new MeetingOffice.Organizer("Geschäftsstelle – Stadt", "geschaeftsstelle@stadt.example"));
        var calendar = parseAndValidate(ics);
        assertThat(calendar.getProperty(Property.METHOD)).hasValueSatisfying(m -> assertThat(m.getValue()).isEqualTo("REQUEST"));
        assertThat(ics).doesNotContain("RSVP=TRUE");
    }

    @Test
    void anUpdateAndACancellationKeepTheUidWithARisingSequence() throws Exception {
        var first = event(parseAndValidate(MeetingCalendar.invitation(meeting, "LG", invitees, new MeetingOffice.Organizer(null, "gs@stadt.example"))));
        var moved = new Meeting(meeting.id(), meeting.body(), meeting.title(), START.plus(1, ChronoUnit.DAYS),
                START.plus(26, ChronoUnit.HOURS), "Feuerwache", null, MeetingStatus.INVITED, 1, null);
        var update = event(parseAndValidate(MeetingCalendar.invitation(moved, "LG", invitees, new MeetingOffice.Organizer(null, "gs@stadt.example"))));
        var cancelled = new Meeting(meeting.id(), meeting.body(), meeting.title(), moved.startsAt(), moved.endsAt(),
                "Feuerwache", null, MeetingStatus.CANCELLED, 2, "Keine Themen");
        var cancellation = event(parseAndValidate(MeetingCalendar.cancellation(cancelled, "LG", invitees, new MeetingOffice.Organizer(null, "gs@stadt.example"))));
        assertThat(List.of(first, update, cancellation)).extracting(e -> e.getUid().orElseThrow().getValue())
                .containsOnly(meeting.uid());
        assertThat(List.of(first, update, cancellation)).extracting(e -> e.getSequence().getSequenceNo())
                .containsExactly(0, 1, 2);
    }

    @Test
    void theMeetingPagesDownloadIsAPublishedCalendarWithNameAndTimeZoneButNoMethod() throws Exception {
        var ics = MeetingCalendar.download(meeting, "Lenkungsgruppe", "SiPa – Sitzung", BERLIN, START);
        var calendar = parseAndValidate(ics);
        assertThat(calendar.getProperty(Property.METHOD)).isEmpty();
        assertThat(ics).contains("X-WR-CALNAME:SiPa – Sitzung", "NAME:SiPa – Sitzung", "BEGIN:VTIMEZONE",
                "TZID:Europe/Berlin");
        assertThat(event(calendar).getUid().orElseThrow().getValue()).isEqualTo(meeting.uid());
    }

    /** Parses the text back, runs ical4j's validator and checks the folding of every line (RFC 5545 §3.1). */
    public static Calendar parseAndValidate(String ics) throws Exception {
        for (var line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        var calendar = new CalendarBuilder().build(new StringReader(ics));
        var result = calendar.validate();
        assertThat(result.getEntries()).as("ical4j validation").isEmpty();
        return calendar;
    }

    private static VEvent event(Calendar calendar) {
        return calendar.<VEvent>getComponent("VEVENT").orElseThrow();
    }
}

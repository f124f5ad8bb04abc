package de.sipa.meetings;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * A meeting as an iCalendar (RFC 5545) invitation: REQUEST for invitations and updates (same UID, higher SEQUENCE),
 * CANCEL for the cancellation, so that calendar programs update or remove the event they have.
 */
final class MeetingCalendar {

    record Invitee(String name, String email) {
    }

    private MeetingCalendar() {
    }

    static String invitation(Meeting meeting, String bodyName, List<Invitee> invitees,
            MeetingOffice.Organizer organizer) {
        return calendar(meeting, bodyName, invitees, organizer, false);
    }

    static String cancellation(Meeting meeting, String bodyName, List<Invitee> invitees,
            MeetingOffice.Organizer organizer) {
        return calendar(meeting, bodyName, invitees, organizer, true);
    }

    /** The meeting as a published calendar for the meeting page's download: no METHOD, no attendees. */
    static String download(Meeting meeting, String bodyName, String calendarName, java.time.ZoneId zone,
            Instant lastModified) {
        var calendar = de.sipa.shared.CalendarFeeds.publishing("-//SiPa//Sitzungen//DE", calendarName, zone);
        calendar.add(published(meeting, bodyName, lastModified));
        return de.sipa.shared.CalendarFeeds.text(calendar);
    }

    /**
     * The meeting as an event of a published calendar (the download, the subscribed feed): without METHOD, DTSTAMP is
     * when the event was last revised (RFC 5545 §3.8.7.2), like LAST-MODIFIED; SEQUENCE as in the invitations.
     */
    static VEvent published(Meeting meeting, String bodyName, Instant lastModified) {
        var event = new VEvent(meeting.startsAt(), meeting.endsAt(), meeting.title());
        event.add(new Uid(meeting.uid()));
        event.add(new Sequence(meeting.sequence()));
        de.sipa.shared.CalendarFeeds.revised(event, lastModified);
        event.add(new Description(bodyName));
        if (meeting.location() != null) {
            event.add(new Location(meeting.location()));
        }
        event.add(meeting.status() == MeetingStatus.CANCELLED ? ImmutableStatus.VEVENT_CANCELLED
                : ImmutableStatus.VEVENT_CONFIRMED);
        return event;
    }

    private static String calendar(Meeting meeting, String bodyName, List<Invitee> invitees,
            MeetingOffice.Organizer organizer,
            boolean cancelled) {
        var event = new VEvent(meeting.startsAt(), meeting.endsAt(), meeting.title());
        event.add(new Uid(meeting.uid()));
        event.add(new Sequence(meeting.sequence()));
        event.add(new Description(bodyName + (meeting.videoLink() == null ? "" : "\nVideo: " + meeting.videoLink())));
        if (meeting.location() != null) {
            event.add(new Location(meeting.location()));
        }
        var organizing = new Organizer(URI.create("mailto:" + organizer.email()));
        if (organizer.name() != null) {
            organizing.add(new Cn(organizer.name()));
        }
        event.add(organizing);
        event.add(cancelled ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        for (var invitee : invitees) {
            var attendee = new Attendee(URI.create("mailto:" + invitee.email()));
            attendee.add(new Cn(invitee.name()));
            attendee.add(Role.REQ_PARTICIPANT);
            // No RSVP: SiPa reads no answers (attendance is recorded in SiPa), so none is asked for.
            attendee.add(PartStat.NEEDS_ACTION);
            event.add(attendee);
        }
        var calendar = new Calendar();
        calendar.add(new ProdId("-//SiPa//Sitzungen//DE"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(cancelled ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
        calendar.add(event);
        return de.sipa.shared.CalendarFeeds.text(calendar);
    }
}

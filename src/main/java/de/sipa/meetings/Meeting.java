package de.sipa.meetings;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import de.sipa.partners.BodyId;

/**
 * A meeting of a body.
 *
 * @param sequence how often the invitation was changed (iCalendar SEQUENCE)
 * @param series the year plan it was planned in, or {@code null}; it stays a meeting of its own
 */
public record Meeting(MeetingId id, BodyId body, String title, Instant startsAt, Instant endsAt, String location,
        String videoLink, MeetingStatus status, int sequence, String cancelReason, MeetingSeriesId series) {

    public Meeting(MeetingId id, BodyId body, String title, Instant startsAt, Instant endsAt, String location,
            String videoLink, MeetingStatus status, int sequence, String cancelReason) {
        this(id, body, title, startsAt, endsAt, location, videoLink, status, sequence, cancelReason, null);
    }

    /** The invitation's UID: stable across updates and the cancellation, so calendars replace the event. */
    public String uid() {
        return id.value() + "@sipa";
    }

    /** Attendance is taken from the meeting's day on, unless it was cancelled. */
    public boolean takesAttendanceOn(LocalDate today, ZoneId zone) {
        return status != MeetingStatus.CANCELLED && !startsAt.atZone(zone).toLocalDate().isAfter(today);
    }

    public Meeting withStatus(MeetingStatus changed) {
        return new Meeting(id, body, title, startsAt, endsAt, location, videoLink, changed, sequence, cancelReason,
                series);
    }

    public Meeting inSeries(MeetingSeriesId planned) {
        return new Meeting(id, body, title, startsAt, endsAt, location, videoLink, status, sequence, cancelReason,
                planned);
    }
}

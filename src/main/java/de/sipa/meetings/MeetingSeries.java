package de.sipa.meetings;

import de.sipa.partners.BodyId;

/** A body's regular meetings of a year as planned in one step; each of its meetings is changed on its own. */
public record MeetingSeries(MeetingSeriesId id, BodyId body, int year, String title, SeriesRule rule,
        HolidayHandling holidays) {
}

package de.sipa.meetings;

import java.time.DayOfWeek;
import java.time.LocalDate;

import de.sipa.shared.PublicHolidays;

/** What a year plan does with a date that falls on a public holiday of the partnership's Land. */
public enum HolidayHandling {
    /** The meeting moves to the next working day (Monday to Friday, no public holiday). */
    SHIFT,
    /** The meeting stays on the holiday; the preview flags it. */
    KEEP,
    /** No meeting on that date. */
    SKIP;

    /** Where the rule's date lands; {@code today}: dates before it are not planned any more. */
    SeriesDate place(LocalDate ruleDate, PublicHolidays holidays, LocalDate today) {
        var day = ruleDate;
        var note = SeriesDate.Note.REGULAR;
        if (holidays.isHoliday(ruleDate)) {
            switch (this) {
                case SHIFT -> {
                    note = SeriesDate.Note.HOLIDAY_SHIFTED;
                    do {
                        day = day.plusDays(1);
                    } while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY
                            || holidays.isHoliday(day));
                }
                case KEEP -> note = SeriesDate.Note.HOLIDAY_KEPT;
                case SKIP -> note = SeriesDate.Note.HOLIDAY_SKIPPED;
            }
        }
        if (note != SeriesDate.Note.HOLIDAY_SKIPPED && day.isBefore(today)) {
            note = SeriesDate.Note.PAST;
        }
        return new SeriesDate(ruleDate, day, note);
    }
}

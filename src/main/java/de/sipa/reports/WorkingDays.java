package de.sipa.reports;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import de.sipa.shared.PublicHolidays;

/**
 * Deadlines in working days: Monday to Friday without the public holidays that apply in every German state.
 * State-specific holidays (e.g. Fronleichnam) are not counted; a deadline falls at most a day early there.
 */
final class WorkingDays {

    private WorkingDays() {
    }

    /** The moment {@code days} working days after {@code start}, at the same local time of day. */
    static Instant add(Instant start, int days, ZoneId zone) {
        var local = start.atZone(zone);
        var day = local.toLocalDate();
        int added = 0;
        while (added < days) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                added++;
            }
        }
        return day.atTime(local.toLocalTime()).atZone(zone).toInstant();
    }

    static boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !PublicHolidays.isHoliday(day);
    }
}

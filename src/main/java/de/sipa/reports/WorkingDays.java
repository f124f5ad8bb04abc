package de.sipa.reports;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import de.sipa.shared.PublicHolidays;

/**
 * Deadlines in working days: Monday to Friday without the public holidays of the partnership's Land (nationwide
 * and the Land's own, e.g. Fronleichnam in Baden-Württemberg).
 */
final class WorkingDays {

    private WorkingDays() {
    }

    /** The moment {@code days} working days after {@code start}, at the same local time of day. */
    static Instant add(Instant start, int days, ZoneId zone, PublicHolidays holidays) {
        var local = start.atZone(zone);
        return add(local.toLocalDate(), days, holidays).atTime(local.toLocalTime()).atZone(zone).toInstant();
    }

    /** The day {@code days} working days after {@code day}; the time of day stays as it was. */
    static LocalDate add(LocalDate day, int days, PublicHolidays holidays) {
        var due = day;
        int added = 0;
        while (added < days) {
            due = due.plusDays(1);
            if (isWorkingDay(due, holidays)) {
                added++;
            }
        }
        return due;
    }

    static boolean isWorkingDay(LocalDate day, PublicHolidays holidays) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays.isHoliday(day);
    }
}

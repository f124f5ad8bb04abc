package de.sipa.reports;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;

/**
 * Deadlines in working days: Monday to Friday without the public holidays that apply in every German state.
 * State-specific holidays (e.g. Fronleichnam) are not counted; a deadline falls at most a day early there.
 */
final class WorkingDays {

    private static final Set<MonthDay> FIXED = Set.of(MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(10, 3),
            MonthDay.of(12, 25), MonthDay.of(12, 26));

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
                && !holidays(day.getYear()).contains(day);
    }

    static Set<LocalDate> holidays(int year) {
        var holidays = new HashSet<LocalDate>();
        FIXED.forEach(day -> holidays.add(day.atYear(year)));
        var easter = easterSunday(year);
        holidays.add(easter.minusDays(2));
        holidays.add(easter.plusDays(1));
        holidays.add(easter.plusDays(39));
        holidays.add(easter.plusDays(50));
        return holidays;
    }

    /** Gauss' Easter algorithm in the anonymous Gregorian form. */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}

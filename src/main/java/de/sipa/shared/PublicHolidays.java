package de.sipa.shared;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.HashSet;
import java.util.Set;

/**
 * The public holidays that apply in every German state: New Year, Good Friday, Easter Monday, Labour Day,
 * Ascension, Whit Monday, German Unity Day and Christmas. State-specific ones (e.g. Fronleichnam) are not included.
 */
public final class PublicHolidays {

    private static final Set<MonthDay> FIXED = Set.of(MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(10, 3),
            MonthDay.of(12, 25), MonthDay.of(12, 26));

    private PublicHolidays() {
    }

    public static boolean isHoliday(LocalDate day) {
        return of(day.getYear()).contains(day);
    }

    public static Set<LocalDate> of(int year) {
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
    public static LocalDate easterSunday(int year) {
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

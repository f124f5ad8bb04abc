package de.sipa.meetings;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

import de.sipa.shared.RuleViolationException;

/**
 * When a body meets regularly: the nth weekday of every month ("first Monday of every month"), the nth weekday in
 * one month of every quarter ("second Tuesday in the first month of the quarter"), or every so many weeks from a
 * first date ("every 4 weeks on Wednesday from 6 January").
 *
 * @param ordinal 1 to 4, or -1 for the last such weekday of the month (monthly and quarterly)
 * @param monthOfQuarter 1 to 3 (quarterly)
 * @param everyWeeks 1 to 26 (every N weeks)
 * @param startOn the first meeting, whose weekday it keeps (every N weeks)
 */
public record SeriesRule(Frequency frequency, int ordinal, DayOfWeek weekday, int monthOfQuarter, int everyWeeks,
        LocalDate startOn) {

    public static final int MAX_WEEKS = 26;

    public enum Frequency {
        MONTHLY, QUARTERLY, WEEKS
    }

    public static SeriesRule monthly(int ordinal, DayOfWeek weekday) {
        return new SeriesRule(Frequency.MONTHLY, ordinal, weekday, 0, 0, null);
    }

    public static SeriesRule quarterly(int ordinal, DayOfWeek weekday, int monthOfQuarter) {
        return new SeriesRule(Frequency.QUARTERLY, ordinal, weekday, monthOfQuarter, 0, null);
    }

    public static SeriesRule everyWeeks(int weeks, LocalDate startOn) {
        return new SeriesRule(Frequency.WEEKS, 0, startOn == null ? null : startOn.getDayOfWeek(), 0, weeks, startOn);
    }

    /** Refuses parameters that give no rule, with a message for the user. */
    public void check(int year) {
        if (frequency == null) {
            throw new RuleViolationException("series.frequency.required");
        }
        switch (frequency) {
            case MONTHLY, QUARTERLY -> {
                if (ordinal != -1 && (ordinal < 1 || ordinal > 4)) {
                    throw new RuleViolationException("series.ordinal.invalid");
                }
                if (weekday == null) {
                    throw new RuleViolationException("series.weekday.required");
                }
                if (frequency == Frequency.QUARTERLY && (monthOfQuarter < 1 || monthOfQuarter > 3)) {
                    throw new RuleViolationException("series.monthOfQuarter.invalid");
                }
            }
            case WEEKS -> {
                if (everyWeeks < 1 || everyWeeks > MAX_WEEKS) {
                    throw new RuleViolationException("series.everyWeeks.invalid", MAX_WEEKS);
                }
                if (startOn == null || startOn.getYear() != year) {
                    throw new RuleViolationException("series.startOn.invalid", String.valueOf(year));
                }
            }
        }
    }

    /** The days the rule gives in the year, in order, before public holidays are looked at. */
    public List<LocalDate> datesIn(int year) {
        check(year);
        var dates = new ArrayList<LocalDate>();
        switch (frequency) {
            case MONTHLY -> {
                for (int month = 1; month <= 12; month++) {
                    dates.add(nthWeekday(LocalDate.of(year, month, 1)));
                }
            }
            case QUARTERLY -> {
                for (int quarter = 0; quarter < 4; quarter++) {
                    dates.add(nthWeekday(LocalDate.of(year, quarter * 3 + monthOfQuarter, 1)));
                }
            }
            case WEEKS -> {
                for (var day = startOn; day.getYear() == year; day = day.plusWeeks(everyWeeks)) {
                    dates.add(day);
                }
            }
        }
        return dates;
    }

    private LocalDate nthWeekday(LocalDate firstOfMonth) {
        return firstOfMonth.with(ordinal == -1 ? TemporalAdjusters.lastInMonth(weekday)
                : TemporalAdjusters.dayOfWeekInMonth(ordinal, weekday));
    }

    /** The rule as stored with the series, e.g. {@code QUARTERLY 2 TUESDAY 1} or {@code WEEKS 4 2027-01-06}. */
    String code() {
        return switch (frequency) {
            case MONTHLY -> frequency + " " + ordinal + " " + weekday;
            case QUARTERLY -> frequency + " " + ordinal + " " + weekday + " " + monthOfQuarter;
            case WEEKS -> frequency + " " + everyWeeks + " " + startOn;
        };
    }

    static SeriesRule parse(String code) {
        var parts = code.split(" ");
        return switch (Frequency.valueOf(parts[0])) {
            case MONTHLY -> monthly(Integer.parseInt(parts[1]), DayOfWeek.valueOf(parts[2]));
            case QUARTERLY -> quarterly(Integer.parseInt(parts[1]), DayOfWeek.valueOf(parts[2]),
                    Integer.parseInt(parts[3]));
            case WEEKS -> everyWeeks(Integer.parseInt(parts[1]), LocalDate.parse(parts[2]));
        };
    }
}

package de.sipa.meetings;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * What is entered for a body's year plan (Jahresplanung): the year, the rule, and time, duration and place of every
 * meeting; times in the city's zone. The rule's fields that its frequency does not use are ignored.
 */
public record YearPlan(
        @NotNull UUID bodyId,
        @NotNull Integer year,
        @NotBlank @Size(max = 150) String title,
        @NotNull SeriesRule.Frequency frequency,
        Integer ordinal,
        DayOfWeek weekday,
        Integer monthOfQuarter,
        Integer everyWeeks,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startOn,
        @NotNull @DateTimeFormat(pattern = "HH:mm") LocalTime time,
        @NotNull Integer durationMinutes,
        @Size(max = 300) String location,
        @NotNull HolidayHandling holidays) {

    public static final int MIN_MINUTES = 15;
    public static final int MAX_MINUTES = 12 * 60;

    public SeriesRule rule() {
        if (frequency == null) {
            return new SeriesRule(null, 0, null, 0, 0, null);
        }
        return switch (frequency) {
            case MONTHLY -> SeriesRule.monthly(orZero(ordinal), weekday);
            case QUARTERLY -> SeriesRule.quarterly(orZero(ordinal), weekday, orZero(monthOfQuarter));
            case WEEKS -> SeriesRule.everyWeeks(orZero(everyWeeks), startOn);
        };
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}

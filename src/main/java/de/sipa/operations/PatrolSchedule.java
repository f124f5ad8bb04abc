package de.sipa.operations;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import de.sipa.shared.PublicHolidays;
import de.sipa.shared.RuleViolationException;

/**
 * When a joint patrol plan goes out: on some weekdays, in a local time window that may pass midnight
 * (Fri/Sat 20:00–02:00), between two dates, with or without public holidays.
 *
 * @param skipHolidays no patrol starts on a public holiday of the partnership's Land
 */
public record PatrolSchedule(Set<DayOfWeek> weekdays, LocalTime startsAt, LocalTime endsAt, LocalDate validFrom,
        LocalDate validUntil, boolean skipHolidays) {

    /** A plan expands into at most this many days, so that a typo in a year cannot create thousands of patrols. */
    static final int MAX_DAYS = 2 * 366;

    public PatrolSchedule {
        if (weekdays == null || weekdays.isEmpty()) {
            throw new RuleViolationException("patrolPlan.weekdays.required");
        }
        if (startsAt == null || endsAt == null || startsAt.equals(endsAt)) {
            throw new RuleViolationException("patrolPlan.window.invalid");
        }
        if (validFrom == null || validUntil == null || validUntil.isBefore(validFrom)) {
            throw new RuleViolationException("patrolPlan.validity.invalid");
        }
        if (validFrom.plusDays(MAX_DAYS).isBefore(validUntil)) {
            throw new RuleViolationException("patrolPlan.validity.tooLong");
        }
        weekdays = Set.copyOf(EnumSet.copyOf(weekdays));
    }

    /** The weekdays from Monday on, as the pages list them. */
    public List<DayOfWeek> orderedWeekdays() {
        return weekdays.stream().sorted().toList();
    }

    public boolean passesMidnight() {
        return !endsAt.isAfter(startsAt);
    }

    /**
     * The patrols in the city's zone. Start and end are real instants: a patrol until 04:00 in the night the clocks go
     * forward lasts an hour less, in the night they go back an hour more. A local time in the March gap is moved on by
     * the gap (02:00 is the moment the clocks jump, 02:30 becomes 03:30 summer time); one that exists twice in October
     * is its first occurrence (summer time), as {@link ZonedDateTime#of} resolves them. So 20:00–02:00 lasts six real
     * hours in both nights. A plan that skips holidays skips those of the partnership's Land.
     */
    public List<Shift> shifts(ZoneId zone, PublicHolidays holidays) {
        var shifts = new ArrayList<Shift>();
        for (var day = validFrom; !day.isAfter(validUntil); day = day.plusDays(1)) {
            if (!weekdays.contains(day.getDayOfWeek()) || skipHolidays && holidays.isHoliday(day)) {
                continue;
            }
            var start = ZonedDateTime.of(day, startsAt, zone).toInstant();
            var end = ZonedDateTime.of(passesMidnight() ? day.plusDays(1) : day, endsAt, zone).toInstant();
            shifts.add(new Shift(day, start, end));
        }
        return shifts;
    }

    /** One occurrence: the local day it starts on and its real start and end. */
    public record Shift(LocalDate day, Instant startsAt, Instant endsAt) {
    }
}

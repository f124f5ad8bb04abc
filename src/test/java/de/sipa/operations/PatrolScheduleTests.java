package de.sipa.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

import org.junit.jupiter.api.Test;

import de.sipa.shared.FederalState;
import de.sipa.shared.PublicHolidays;
import de.sipa.shared.RuleViolationException;

class PatrolScheduleTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final PublicHolidays BW = PublicHolidays.of(FederalState.BW);

    @Test
    void anEveningPatrolPastMidnightEndsTheNextMorning() {
        var shifts = schedule(Set.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY), 20, 2, "2026-11-06", "2026-11-15", false)
                .shifts(BERLIN, BW);
        assertThat(shifts).extracting(PatrolSchedule.Shift::day).containsExactly(LocalDate.of(2026, 11, 6),
                LocalDate.of(2026, 11, 7), LocalDate.of(2026, 11, 13), LocalDate.of(2026, 11, 14));
        assertThat(shifts.get(0).startsAt()).isEqualTo(Instant.parse("2026-11-06T19:00:00Z"));
        assertThat(shifts.get(0).endsAt()).isEqualTo(Instant.parse("2026-11-07T01:00:00Z"));
    }

    @Test
    void inTheNightTheClocksGoForwardANightPatrolIsAnHourShorter() {
        // Last Sunday of March 2026: at 02:00 CET the clocks jump to 03:00 CEST.
        var night = schedule(Set.of(DayOfWeek.SATURDAY), 22, 4, "2026-03-21", "2026-03-28", false).shifts(BERLIN, BW);
        assertThat(night).extracting(s -> Duration.between(s.startsAt(), s.endsAt()))
                .containsExactly(Duration.ofHours(6), Duration.ofHours(5));
        assertThat(night.get(1).startsAt()).isEqualTo(Instant.parse("2026-03-28T21:00:00Z"));
        assertThat(night.get(1).endsAt()).isEqualTo(Instant.parse("2026-03-29T02:00:00Z"));

        // Fri/Sat 20–2 h: the Saturday patrol ends the moment the clocks jump, after six real hours.
        var evening = schedule(Set.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY), 20, 2, "2026-03-27", "2026-03-28", false)
                .shifts(BERLIN, BW);
        assertThat(evening.get(1).startsAt()).isEqualTo(Instant.parse("2026-03-28T19:00:00Z"));
        assertThat(evening.get(1).endsAt()).isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
    }

    @Test
    void inTheNightTheClocksGoBackANightPatrolIsAnHourLonger() {
        // Last Sunday of October 2026: at 03:00 CEST the clocks go back to 02:00 CET.
        var night = schedule(Set.of(DayOfWeek.SATURDAY), 22, 4, "2026-10-24", "2026-10-31", false).shifts(BERLIN, BW);
        assertThat(night).extracting(s -> Duration.between(s.startsAt(), s.endsAt()))
                .containsExactly(Duration.ofHours(7), Duration.ofHours(6));
        assertThat(night.get(0).startsAt()).isEqualTo(Instant.parse("2026-10-24T20:00:00Z"));
        assertThat(night.get(0).endsAt()).isEqualTo(Instant.parse("2026-10-25T03:00:00Z"));

        // 02:00 comes twice that night; a 20–2 h patrol ends at the first, after six real hours.
        var evening = schedule(Set.of(DayOfWeek.SATURDAY), 20, 2, "2026-10-24", "2026-10-24", false).shifts(BERLIN, BW);
        assertThat(evening.get(0).startsAt()).isEqualTo(Instant.parse("2026-10-24T18:00:00Z"));
        assertThat(evening.get(0).endsAt()).isEqualTo(Instant.parse("2026-10-25T00:00:00Z"));
    }

    @Test
    void publicHolidaysAreSkippedOrIncludedAsThePlanSays() {
        // Good Friday 3 April and Easter Monday 6 April 2026; Whit Monday 25 May 2026.
        var days = Set.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        var skipping = schedule(days, 18, 22, "2026-03-30", "2026-04-10", true).shifts(BERLIN, BW);
        assertThat(skipping).extracting(PatrolSchedule.Shift::day)
                .containsExactly(LocalDate.of(2026, 3, 30), LocalDate.of(2026, 4, 10));
        var including = schedule(days, 18, 22, "2026-03-30", "2026-04-10", false).shifts(BERLIN, BW);
        assertThat(including).extracting(PatrolSchedule.Shift::day).containsExactly(LocalDate.of(2026, 3, 30),
                LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 6), LocalDate.of(2026, 4, 10));
        assertThat(schedule(Set.of(DayOfWeek.MONDAY), 18, 22, "2026-05-25", "2026-05-25", true).shifts(BERLIN, BW))
                .isEmpty();
    }

    @Test
    void aPlanSkippingHolidaysInBadenWuerttembergSkipsCorpusChristiButNotInBerlin() {
        // Corpus Christi: Thursday 4 June 2026, a holiday in Baden-Württemberg, a working day in Berlin.
        var thursdays = schedule(Set.of(DayOfWeek.THURSDAY), 18, 22, "2026-05-28", "2026-06-11", true);
        assertThat(thursdays.shifts(BERLIN, BW)).extracting(PatrolSchedule.Shift::day)
                .containsExactly(LocalDate.of(2026, 5, 28), LocalDate.of(2026, 6, 11));
        assertThat(thursdays.shifts(BERLIN, PublicHolidays.of(FederalState.BE))).extracting(PatrolSchedule.Shift::day)
                .containsExactly(LocalDate.of(2026, 5, 28), LocalDate.of(2026, 6, 4), LocalDate.of(2026, 6, 11));
    }

    @Test
    void aScheduleNeedsWeekdaysADifferentEndAndAtMostTwoYears() {
        assertThatThrownBy(() -> schedule(Set.of(), 20, 2, "2026-01-01", "2026-02-01", false))
                .isInstanceOf(RuleViolationException.class).hasMessage("patrolPlan.weekdays.required");
        assertThatThrownBy(() -> schedule(Set.of(DayOfWeek.FRIDAY), 20, 20, "2026-01-01", "2026-02-01", false))
                .hasMessage("patrolPlan.window.invalid");
        assertThatThrownBy(() -> schedule(Set.of(DayOfWeek.FRIDAY), 20, 2, "2026-01-01", "2029-01-01", false))
                .hasMessage("patrolPlan.validity.tooLong");
        assertThatThrownBy(() -> schedule(Set.of(DayOfWeek.FRIDAY), 20, 2, "2026-02-01", "2026-01-01", false))
                .hasMessage("patrolPlan.validity.invalid");
    }

    private static PatrolSchedule schedule(Set<DayOfWeek> days, int from, int until, String validFrom,
            String validUntil, boolean skipHolidays) {
        return new PatrolSchedule(days, LocalTime.of(from, 0), LocalTime.of(until, 0), LocalDate.parse(validFrom),
                LocalDate.parse(validUntil), skipHolidays);
    }
}

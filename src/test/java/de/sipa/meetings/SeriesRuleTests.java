package de.sipa.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import de.sipa.shared.FederalState;
import de.sipa.shared.PublicHolidays;
import de.sipa.shared.RuleViolationException;

/** The dates a year plan's rule gives, counted by hand from the 2027 calendar. */
class SeriesRuleTests {

    private static final PublicHolidays BW = PublicHolidays.of(FederalState.BW);
    private static final PublicHolidays BERLIN = PublicHolidays.of(FederalState.BE);
    private static final LocalDate BEFORE_2027 = LocalDate.of(2026, 12, 3);

    @Test
    void theSecondTuesdayOfEachQuarterIn2027() {
        // 1 January 2027 is a Friday: Tuesdays 5 and 12 January; 1 April a Thursday: 6 and 13 April;
        // 1 July a Thursday: 6 and 13 July; 1 October a Friday: 5 and 12 October.
        assertThat(SeriesRule.quarterly(2, DayOfWeek.TUESDAY, 1).datesIn(2027)).containsExactly(
                LocalDate.of(2027, 1, 12), LocalDate.of(2027, 4, 13), LocalDate.of(2027, 7, 13),
                LocalDate.of(2027, 10, 12));
    }

    @Test
    void theSecondMonthOfTheQuarterAndTheLastWeekday() {
        assertThat(SeriesRule.quarterly(-1, DayOfWeek.THURSDAY, 2).datesIn(2027)).containsExactly(
                LocalDate.of(2027, 2, 25), LocalDate.of(2027, 5, 27), LocalDate.of(2027, 8, 26),
                LocalDate.of(2027, 11, 25));
    }

    @Test
    void theFirstMondayOfEveryMonthGivesTwelveDates() {
        var dates = SeriesRule.monthly(1, DayOfWeek.MONDAY).datesIn(2027);
        assertThat(dates).hasSize(12).allSatisfy(d -> {
            assertThat(d.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
            assertThat(d.getDayOfMonth()).isLessThanOrEqualTo(7);
        });
        assertThat(dates.get(0)).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(dates.get(10)).isEqualTo(LocalDate.of(2027, 11, 1));
    }

    @Test
    void everyFourWeeksFromTheFirstMeetingUntilTheYearEnds() {
        assertThat(SeriesRule.everyWeeks(4, LocalDate.of(2027, 1, 6)).datesIn(2027)).containsExactly(
                LocalDate.of(2027, 1, 6), LocalDate.of(2027, 2, 3), LocalDate.of(2027, 3, 3),
                LocalDate.of(2027, 3, 31), LocalDate.of(2027, 4, 28), LocalDate.of(2027, 5, 26),
                LocalDate.of(2027, 6, 23), LocalDate.of(2027, 7, 21), LocalDate.of(2027, 8, 18),
                LocalDate.of(2027, 9, 15), LocalDate.of(2027, 10, 13), LocalDate.of(2027, 11, 10),
                LocalDate.of(2027, 12, 8));
    }

    @Test
    void epiphanyIsAHolidayInBadenWuerttembergButNotInBerlin() {
        var epiphany = LocalDate.of(2027, 1, 6); // the first Wednesday of 2027
        assertThat(HolidayHandling.SHIFT.place(epiphany, BW, BEFORE_2027))
                .isEqualTo(new SeriesDate(epiphany, LocalDate.of(2027, 1, 7), SeriesDate.Note.HOLIDAY_SHIFTED));
        assertThat(HolidayHandling.SHIFT.place(epiphany, BERLIN, BEFORE_2027))
                .isEqualTo(new SeriesDate(epiphany, epiphany, SeriesDate.Note.REGULAR));
        assertThat(HolidayHandling.KEEP.place(epiphany, BW, BEFORE_2027))
                .isEqualTo(new SeriesDate(epiphany, epiphany, SeriesDate.Note.HOLIDAY_KEPT));
        var skipped = HolidayHandling.SKIP.place(epiphany, BW, BEFORE_2027);
        assertThat(skipped.note()).isEqualTo(SeriesDate.Note.HOLIDAY_SKIPPED);
        assertThat(skipped.planned()).isFalse();
    }

    @Test
    void aShiftedMeetingSkipsTheWeekendAndFurtherHolidays() {
        // Good Friday 26 March 2027, then the weekend and Easter Monday: Tuesday 30 March.
        var goodFriday = SeriesRule.monthly(-1, DayOfWeek.FRIDAY).datesIn(2027).get(2);
        assertThat(goodFriday).isEqualTo(LocalDate.of(2027, 3, 26));
        assertThat(HolidayHandling.SHIFT.place(goodFriday, BW, BEFORE_2027).day()).isEqualTo(LocalDate.of(2027, 3, 30));
        // Corpus Christi (27 May 2027, the last Thursday of May) is a holiday in Baden-Württemberg only.
        assertThat(HolidayHandling.SHIFT.place(LocalDate.of(2027, 5, 27), BW, BEFORE_2027).day())
                .isEqualTo(LocalDate.of(2027, 5, 28));
        assertThat(HolidayHandling.SHIFT.place(LocalDate.of(2027, 5, 27), BERLIN, BEFORE_2027).note())
                .isEqualTo(SeriesDate.Note.REGULAR);
    }

    @Test
    void theSecondTuesdaysOfTheQuarters2027MeetNoHolidayInBadenWuerttemberg() {
        var dates = SeriesRule.quarterly(2, DayOfWeek.TUESDAY, 1).datesIn(2027).stream()
                .map(d -> HolidayHandling.SHIFT.place(d, BW, BEFORE_2027)).toList();
        assertThat(dates).allSatisfy(d -> assertThat(d.note()).isEqualTo(SeriesDate.Note.REGULAR));
    }

    @Test
    void pastDatesAreShownButNotPlanned() {
        var date = HolidayHandling.SHIFT.place(LocalDate.of(2027, 1, 12), BW, LocalDate.of(2027, 2, 1));
        assertThat(date.note()).isEqualTo(SeriesDate.Note.PAST);
        assertThat(date.planned()).isFalse();
    }

    @Test
    void invalidParametersAreRefusedWithAMessage() {
        assertThatThrownBy(() -> SeriesRule.monthly(5, DayOfWeek.MONDAY).datesIn(2027))
                .isInstanceOf(RuleViolationException.class).hasMessage("series.ordinal.invalid");
        assertThatThrownBy(() -> SeriesRule.monthly(1, null).datesIn(2027))
                .hasMessage("series.weekday.required");
        assertThatThrownBy(() -> SeriesRule.quarterly(1, DayOfWeek.MONDAY, 4).datesIn(2027))
                .hasMessage("series.monthOfQuarter.invalid");
        assertThatThrownBy(() -> SeriesRule.everyWeeks(0, LocalDate.of(2027, 1, 6)).datesIn(2027))
                .hasMessage("series.everyWeeks.invalid");
        assertThatThrownBy(() -> SeriesRule.everyWeeks(4, LocalDate.of(2026, 12, 30)).datesIn(2027))
                .hasMessage("series.startOn.invalid");
    }

    @Test
    void theRuleIsStoredAndReadBack() {
        for (var rule : new SeriesRule[] {SeriesRule.monthly(-1, DayOfWeek.FRIDAY),
                SeriesRule.quarterly(2, DayOfWeek.TUESDAY, 3), SeriesRule.everyWeeks(4, LocalDate.of(2027, 1, 6))}) {
            assertThat(SeriesRule.parse(rule.code())).isEqualTo(rule);
        }
    }
}

package de.sipa.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import de.sipa.shared.FederalState;
import de.sipa.shared.PublicHolidays;

class WorkingDaysTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final PublicHolidays BW = PublicHolidays.of(FederalState.BW);
    private static final PublicHolidays BE = PublicHolidays.of(FederalState.BE);

    @Test
    void threeWorkingDaysFromFridaySkipTheWeekend() {
        var friday = ZonedDateTime.of(2026, 11, 20, 14, 30, 0, 0, BERLIN).toInstant();
        assertThat(WorkingDays.add(friday, 3, BERLIN, BW).atZone(BERLIN))
                .isEqualTo(ZonedDateTime.of(2026, 11, 25, 14, 30, 0, 0, BERLIN));
    }

    @Test
    void publicHolidaysDoNotCountAndTheLocalTimeStaysAcrossDaylightSaving() {
        // Thursday before Easter 2026 (Good Friday 3 April, Easter Monday 6 April); clocks went forward on 29 March.
        var thursday = ZonedDateTime.of(2026, 4, 2, 9, 0, 0, 0, BERLIN).toInstant();
        assertThat(WorkingDays.add(thursday, 1, BERLIN, BW).atZone(BERLIN))
                .isEqualTo(ZonedDateTime.of(2026, 4, 7, 9, 0, 0, 0, BERLIN));
        var beforeChange = ZonedDateTime.of(2026, 3, 27, 9, 0, 0, 0, BERLIN).toInstant();
        assertThat(WorkingDays.add(beforeChange, 1, BERLIN, BW).atZone(BERLIN).getHour()).isEqualTo(9);
    }

    @Test
    void christmasEveIsAWorkingDayButWhitMondayIsNot() {
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 12, 24), BW)).isTrue();
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 5, 25), BW)).isFalse();
    }

    @Test
    void aReportOnFifthJanuaryInBadenWuerttembergIsDueAfterEpiphany() {
        // Monday 5 January 2026, one working day: 6 January is Epiphany in Baden-Württemberg, not in Berlin.
        var received = ZonedDateTime.of(2026, 1, 5, 10, 0, 0, 0, BERLIN).toInstant();
        assertThat(WorkingDays.add(received, 1, BERLIN, BW).atZone(BERLIN))
                .isEqualTo(ZonedDateTime.of(2026, 1, 7, 10, 0, 0, 0, BERLIN));
        assertThat(WorkingDays.add(received, 1, BERLIN, BE).atZone(BERLIN))
                .isEqualTo(ZonedDateTime.of(2026, 1, 6, 10, 0, 0, 0, BERLIN));
    }

    @Test
    void corpusChristiIsNoWorkingDayInBadenWuerttembergButInBerlin() {
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 6, 4), BW)).isFalse();
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 6, 4), BE)).isTrue();
    }
}

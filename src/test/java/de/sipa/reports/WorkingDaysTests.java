package de.sipa.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

class WorkingDaysTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void threeWorkingDaysFromFridaySkipTheWeekend() {
        var friday = ZonedDateTime.of(2026, 11, 20, 14, 30, 0, 0, BERLIN).toInstant();
        assertThat(WorkingDays.add(friday, 3, BERLIN).atZone(BERLIN))
                .isEqualTo(ZonedDateTime.of(2026, 11, 25, 14, 30, 0, 0, BERLIN));
    }

    @Test
    void publicHolidaysDoNotCountAndTheLocalTimeStaysAcrossDaylightSaving() {
        // Thursday before Easter 2026 (Good Friday 3 April, Easter Monday 6 April); clocks went forward on 29 March.
        var thursday = ZonedDateTime.of(2026, 4, 2, 9, 0, 0, 0, BERLIN).toInstant();
        assertThat(WorkingDays.add(thursday, 1, BERLIN).atZone(BERLIN))
                .isEqualTo(ZonedDateTime.of(2026, 4, 7, 9, 0, 0, 0, BERLIN));
        var beforeChange = ZonedDateTime.of(2026, 3, 27, 9, 0, 0, 0, BERLIN).toInstant();
        assertThat(WorkingDays.add(beforeChange, 1, BERLIN).atZone(BERLIN).getHour()).isEqualTo(9);
    }

    @Test
    void christmasEveIsAWorkingDayButWhitMondayIsNot() {
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 12, 24))).isTrue();
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 5, 25))).isFalse();
    }
}

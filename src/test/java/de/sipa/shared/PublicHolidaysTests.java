package de.sipa.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class PublicHolidaysTests {

    @Test
    void easterAndTheHolidaysThatDependOnItAreRight() {
        assertThat(PublicHolidays.easterSunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
        assertThat(PublicHolidays.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(PublicHolidays.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
        assertThat(PublicHolidays.of(2026)).containsExactlyInAnyOrder(LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 6), LocalDate.of(2026, 5, 1),
                LocalDate.of(2026, 5, 14), LocalDate.of(2026, 5, 25), LocalDate.of(2026, 10, 3),
                LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 26));
        assertThat(PublicHolidays.isHoliday(LocalDate.of(2026, 12, 24))).isFalse();
    }
}

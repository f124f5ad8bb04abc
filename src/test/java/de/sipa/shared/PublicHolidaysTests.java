package de.sipa.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class PublicHolidaysTests {

    @Test
    void theNationwideHolidaysAndTheOnesThatDependOnEasterAreRight() {
        // Easter Sunday 2026 is 5 April: Good Friday, Easter Monday, Ascension and Whit Monday follow from it.
        assertThat(PublicHolidays.of(FederalState.NI).in(2026)).containsExactlyInAnyOrder(LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 6), LocalDate.of(2026, 5, 1),
                LocalDate.of(2026, 5, 14), LocalDate.of(2026, 5, 25), LocalDate.of(2026, 10, 3),
                LocalDate.of(2026, 10, 31), LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 26));
        assertThat(PublicHolidays.of(FederalState.BW).isHoliday(LocalDate.of(2026, 12, 24))).isFalse();
        // Easter 2027 is on 28 March: Good Friday 26 March.
        assertThat(PublicHolidays.of(FederalState.BE).isHoliday(LocalDate.of(2027, 3, 26))).isTrue();
    }

    @Test
    void badenWuerttembergHasEpiphanyCorpusChristiAndAllSaints() {
        var bw = PublicHolidays.of(FederalState.BW);
        assertThat(bw.isHoliday(LocalDate.of(2026, 1, 6))).isTrue();
        assertThat(bw.isHoliday(LocalDate.of(2026, 6, 4))).as("Corpus Christi 2026").isTrue();
        assertThat(bw.isHoliday(LocalDate.of(2026, 11, 1))).isTrue();
        assertThat(bw.isHoliday(LocalDate.of(2026, 10, 31))).as("Reformation Day is not one in BW").isFalse();
    }

    @Test
    void berlinHasNoCorpusChristiNorEpiphanyButWomensDay() {
        var berlin = PublicHolidays.of(FederalState.BE);
        assertThat(berlin.isHoliday(LocalDate.of(2026, 6, 4))).isFalse();
        assertThat(berlin.isHoliday(LocalDate.of(2026, 1, 6))).isFalse();
        assertThat(berlin.isHoliday(LocalDate.of(2026, 3, 8))).isTrue();
    }

    @Test
    void rhinelandPalatinateHasCorpusChristiAndAllSaints() {
        var rp = PublicHolidays.of(FederalState.RP);
        assertThat(rp.isHoliday(LocalDate.of(2026, 6, 4))).isTrue();
        assertThat(rp.isHoliday(LocalDate.of(2026, 11, 1))).isTrue();
        assertThat(rp.isHoliday(LocalDate.of(2026, 1, 6))).isFalse();
    }

    @Test
    void everyLandHasTheNationwideHolidays() {
        for (var state : FederalState.values()) {
            assertThat(PublicHolidays.of(state).in(2026)).as(state.name()).contains(LocalDate.of(2026, 1, 1),
                    LocalDate.of(2026, 4, 3), LocalDate.of(2026, 5, 25), LocalDate.of(2026, 10, 3),
                    LocalDate.of(2026, 12, 26));
        }
    }
}

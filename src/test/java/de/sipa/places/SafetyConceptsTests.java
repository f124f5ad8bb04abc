package de.sipa.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import de.sipa.Fixtures;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaPrincipal;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.RuleViolationException;

@SipaIntegrationTest
class SafetyConceptsTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    Places places;

    @Autowired
    SafetyConcepts concepts;

    @Autowired
    JdbcClient jdbc;

    Fixtures.City city;
    PlaceId garden;

    @BeforeEach
    void aCityWithAPlace() {
        city = fixtures.city();
        garden = as(city.coordinator(), () -> places.create(new PlaceDraft("Palastgarten", null, Deficit.BOTH,
                "Dunkle Wege", null, "Grünflächenamt", PlaceOrigin.MANUAL, PlacesTests.GARDEN, null)));
    }

    @Test
    void aPlannedMeasurePutsTheConceptInWorkAndARunningOneSetsTheMeasuresRunning() {
        var lighting = as(city.publicOrderUser(), () -> concepts.addMeasure(garden, new MeasureDraft(
                MeasureKind.LIGHTING, "LED-Beleuchtung", "61 Leuchten", null, city.publicOrder(), 180_000L,
                LocalDate.of(2026, 4, 10), LocalDate.of(2026, 10, 15), MeasureStatus.PLANNED)));
        assertThat(as(city.policeUser(), () -> places.place(garden)).status()).isEqualTo(PlaceStatus.CONCEPT_IN_WORK);

        run(city.publicOrderUser(), () -> concepts.changeMeasure(garden, lighting, new MeasureDraft(
                MeasureKind.LIGHTING, "LED-Beleuchtung", "61 Leuchten", null, city.publicOrder(), 180_000L,
                LocalDate.of(2026, 4, 10), LocalDate.of(2026, 10, 15), MeasureStatus.RUNNING)));

        assertThat(as(city.steeringUser(), () -> places.place(garden)).status())
                .isEqualTo(PlaceStatus.MEASURES_RUNNING);
        var concept = as(city.steeringUser(), () -> concepts.concept(garden));
        assertThat(concept.measures()).extracting(Measure::title, Measure::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("LED-Beleuchtung", MeasureStatus.RUNNING));
        assertThat(concept.knownCost()).isEqualTo(180_000L);
        assertThat(jdbc.sql("SELECT summary FROM identity_audit_entry WHERE subject_id = ? ORDER BY chain_position")
                .param(lighting.toString()).query(String.class).list()).containsExactly(
                        "Ort Palastgarten: Maßnahme „LED-Beleuchtung“ (Beleuchtung) hinzugefügt",
                        "Ort Palastgarten: Maßnahme „LED-Beleuchtung“ gespeichert, Stand läuft");
    }

    @Test
    void theFirstMeasureAddedRunningMovesAnObservedPlaceStraightToMeasuresRunning() {
        run(city.coordinator(), () -> concepts.addMeasure(garden, new MeasureDraft(MeasureKind.PRESENCE,
                "Gemeinsame Fußstreife", "", null, city.police(), null, LocalDate.of(2026, 5, 1), null,
                MeasureStatus.RUNNING)));

        assertThat(as(city.coordinator(), () -> places.place(garden)).status()).isEqualTo(PlaceStatus.MEASURES_RUNNING);
    }

    @Test
    void videoWithoutLegalBasisIsRefusedAndWithItKept() {
        assertThatThrownBy(() -> as(city.coordinator(), () -> concepts.addMeasure(garden, new MeasureDraft(
                MeasureKind.VIDEO, "Kamera am Eingang", "", "  ", city.police(), null, null, null,
                MeasureStatus.PLANNED)))).isInstanceOf(RuleViolationException.class)
                .hasMessage("measure.legalBasis.required");

        var video = as(city.coordinator(), () -> concepts.addMeasure(garden, new MeasureDraft(MeasureKind.VIDEO,
                "Kamera am Eingang", "", "§ 21 Abs. 3 PolG BW", city.police(), null, null, null,
                MeasureStatus.PLANNED)));
        assertThat(as(city.coordinator(), () -> concepts.measure(garden, video)).legalBasis())
                .isEqualTo("§ 21 Abs. 3 PolG BW");
    }

    @Test
    void badPeriodsCostsAndMissingOrganisationsAreRefused() {
        assertRefused(new MeasureDraft(MeasureKind.CLEANING, "Reinigung", "", null, city.publicOrder(), null,
                LocalDate.of(2026, 5, 1), LocalDate.of(2026, 4, 1), MeasureStatus.PLANNED), "measure.endsOn.beforeStart");
        assertRefused(new MeasureDraft(MeasureKind.CLEANING, "Reinigung", "", null, city.publicOrder(), -5L, null,
                null, MeasureStatus.PLANNED), "measure.costEuros.invalid");
        assertRefused(new MeasureDraft(MeasureKind.CLEANING, "Reinigung", "", null, null, null, null, null,
                MeasureStatus.PLANNED), "measure.organisation.required");
        assertRefused(new MeasureDraft(MeasureKind.CLEANING, "Reinigung", "", null, city.publicOrder(), null, null,
                null, MeasureStatus.RUNNING), "measure.startsOn.required");
        assertRefused(new MeasureDraft(MeasureKind.CLEANING, " ", "", null, city.publicOrder(), null, null, null,
                MeasureStatus.PLANNED), "measure.title.invalid");
        var other = fixtures.city();
        assertRefused(new MeasureDraft(MeasureKind.CLEANING, "Reinigung", "", null, other.police(), null, null, null,
                MeasureStatus.PLANNED), "measure.organisation.required");
        assertThat(as(city.coordinator(), () -> concepts.concept(garden)).measures()).isEmpty();
    }

    @Test
    void goalsAreKeptOnePerLineAndTheSteeringGroupOnlyReads() {
        run(city.policeUser(), () -> concepts.changeGoals(garden, "- Der Park ist abends hell\n\n• Weniger Anliegen\n"));

        assertThat(as(city.steeringUser(), () -> concepts.concept(garden)).goals())
                .containsExactly("Der Park ist abends hell", "Weniger Anliegen");
        assertThat(as(city.coordinator(), () -> places.place(garden)).status()).isEqualTo(PlaceStatus.CONCEPT_IN_WORK);
        assertThatThrownBy(() -> run(city.steeringUser(), () -> concepts.changeGoals(garden, "Nichts")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(city.steeringUser(), () -> concepts.addMeasure(garden, new MeasureDraft(
                MeasureKind.OTHER, "x", "", null, city.police(), null, null, null, MeasureStatus.PLANNED))))
                .isInstanceOf(AccessDeniedException.class);
        var other = fixtures.city();
        assertThatThrownBy(() -> as(other.coordinator(), () -> concepts.concept(garden)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void progressFollowsTheStatusAndThePeriod() {
        var running = new Measure(MeasureId.random(), garden, MeasureKind.LIGHTING, "x", "", null, city.police(), null,
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 11), MeasureStatus.RUNNING);
        assertThat(running.progressOn(LocalDate.of(2026, 1, 6))).isEqualTo(50);
        assertThat(running.progressOn(LocalDate.of(2027, 1, 6))).isEqualTo(95);
        assertThat(new Measure(running.id(), garden, MeasureKind.LIGHTING, "x", "", null, city.police(), null, null,
                null, MeasureStatus.DONE).progressOn(LocalDate.of(2026, 1, 6))).isEqualTo(100);
    }

    private void assertRefused(MeasureDraft draft, String key) {
        assertThatThrownBy(() -> as(city.coordinator(), () -> concepts.addMeasure(garden, draft)))
                .isInstanceOf(RuleViolationException.class).hasMessage(key);
    }

    private void run(String username, Runnable work) {
        as(username, () -> {
            work.run();
            return null;
        });
    }

    private <T> T as(String username, Supplier<T> work) {
        var principal = (SipaPrincipal) fixtures.user(username);
        return CurrentUser.runAs(principal.sipaUser(), work);
    }
}

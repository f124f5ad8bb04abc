package de.sipa.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import de.sipa.Fixtures;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaPrincipal;
import de.sipa.identity.SipaUser;

@SipaIntegrationTest
class SurveyResponsesDemoTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    Surveys surveys;

    @Autowired
    SenseOfSecurity senseOfSecurity;

    @Autowired
    SurveyResults results;

    @Autowired
    DemoResponses demo;

    /** Three closed waves and an open one, as the editor's demo makes them; the runner finds them at run time. */
    private List<SurveyWave> waves(Fixtures.City city) {
        var waves = new java.util.ArrayList<SurveyWave>();
        for (int year : new int[] {2019, 2022, 2025}) {
            var items = SurveyResultsTests.items("Bürgerumfrage " + year, "safety_night_area");
            var wave = new SurveyWave(SurveyWaveId.random(), items.questionnaire().id(), "Bürgerumfrage " + year,
                    LocalDate.of(year, 3, 1), LocalDate.of(year, 4, 15), WaveMode.INVITATION_CODES, false);
            as(city.coordinator(), () -> {
                surveys.createQuestionnaire(items.questionnaire());
                surveys.createWave(wave);
                return null;
            });
            waves.add(wave);
        }
        var open = new SurveyWave(SurveyWaveId.random(), waves.get(2).questionnaire(), "Online-Umfrage",
                LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 31), WaveMode.OPEN, false);
        as(city.coordinator(), () -> {
            surveys.createWave(open);
            return null;
        });
        waves.add(open);
        return waves;
    }

    @Test
    void theDemoAnswersEveryClosedWaveOnceWithABelievableReproducibleTrend() {
        var city = fixtures.city();
        var waves = waves(city);

        CurrentUser.runAs(SipaUser.system(city.id()), () -> demo.load(city.id()));

        var counts = waves.stream().map(w -> as(city.coordinator(), () -> surveys.responses(w.id()))).toList();
        assertThat(counts.subList(0, 3)).allSatisfy(n -> assertThat(n).isBetween(1_960, 2_040));
        assertThat(counts.get(3)).isZero(); // the open wave collects its own answers
        CurrentUser.runAs(SipaUser.system(city.id()), () -> demo.load(city.id()));
        assertThat(as(city.coordinator(), () -> surveys.responses(waves.get(0).id()))).isEqualTo(counts.get(0));

        var trend = as(city.coordinator(), () -> senseOfSecurity.trend(SenseOfSecurity.INDICATOR));
        assertThat(trend.waves()).hasSize(3);
        var mitte = trend.districts().stream().filter(s -> s.name().equals("Mitte")).findFirst().orElseThrow();
        var nord = trend.districts().stream().filter(s -> s.name().equals("Nord")).findFirst().orElseThrow();
        double mitteFall = mitte.points().get(0).percent() - mitte.points().get(2).percent();
        double nordFall = nord.points().get(0).percent() - nord.points().get(2).percent();
        assertThat(mitteFall).isGreaterThan(15);
        assertThat(nordFall).isBetween(0.0, mitteFall - 8);
        // the population structure was entered, and older people answered more often than they live here
        var population = as(city.coordinator(), () -> results.population());
        assertThat(population.hasDistricts()).isTrue();
        assertThat(population.hasCells()).isTrue();
        var raked = as(city.coordinator(), () -> results.results(waves.get(0).id(), null, Weighting.RAKING,
                Locale.GERMAN));
        assertThat(raked.questions()).allSatisfy(q -> assertThat(q.effectiveN()).isLessThan(q.n()));
        var wishes = as(city.coordinator(), () -> results.freeTexts(waves.get(0).id(), null, null, 1, Locale.GERMAN));
        assertThat(wishes.total()).isBetween(150L, 350L);

        // the same seed gives the same answers in another city
        var other = fixtures.city();
        var otherWaves = waves(other);
        CurrentUser.runAs(SipaUser.system(other.id()), () -> demo.load(other.id()));
        assertThat(as(other.coordinator(), () -> surveys.responses(otherWaves.get(1).id()))).isEqualTo(counts.get(1));
    }

    private <T> T as(String username, Supplier<T> work) {
        var principal = (SipaPrincipal) fixtures.user(username);
        return CurrentUser.runAs(principal.sipaUser(), work);
    }
}

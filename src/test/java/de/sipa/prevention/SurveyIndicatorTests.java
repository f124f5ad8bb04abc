package de.sipa.prevention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import de.sipa.Fixtures;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaPrincipal;
import de.sipa.shared.RuleViolationException;
import de.sipa.surveys.AnsweredWaves;
import de.sipa.surveys.SenseOfSecurity;

/**
 * An indicator that follows a comparable survey question (the demo's values per wave are in PreventionDemoTests): no
 * typed values, and a wave that asked the question counts as a measured value for the evaluated status.
 */
@SipaIntegrationTest
class SurveyIndicatorTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    PreventionProjects projects;

    @Autowired
    Indicators indicators;

    @Autowired
    AnsweredWaves waves;

    @Autowired
    Clock clock;

    @Test
    void aSurveyIndicatorNamesAComparableQuestionAndTakesNoTypedValues() {
        var city = fixtures.city();
        as(city.coordinator(), () -> {
            var project = projects.create(PreventionProjectsTests.draft("Licht im Park"));
            assertThatThrownBy(() -> indicators.define(project, new IndicatorDraft("Gefühl", "%", null, null,
                    IndicatorSource.SURVEY, null, null, null, "no_such_question")))
                    .isInstanceOf(RuleViolationException.class).hasMessageContaining("prevention.indicator.survey.required");
            var id = indicators.define(project, new IndicatorDraft("Unsicher nachts", "%", null, null,
                    IndicatorSource.SURVEY, null, city.districts().get(0), null, SenseOfSecurity.INDICATOR));
            var indicator = indicators.indicator(project, id);
            assertThat(indicator.surveyKey()).isEqualTo(SenseOfSecurity.INDICATOR);
            assertThat(indicator.district()).isEqualTo(city.districts().get(0));
            assertThatThrownBy(() -> indicators.measure(project, id, LocalDate.now().minusMonths(1), LocalDate.now(),
                    BigDecimal.ONE)).hasMessageContaining("prevention.indicator.survey.noValues");
            assertThat(indicators.measurements(indicator)).isEmpty(); // the city has no survey wave yet
            return null;
        });
    }

    @Test
    void aSurveyIndicatorCountsAsMeasuredForTheEvaluatedStatusOnceAWaveAskedItsQuestion() {
        var city = fixtures.city();
        var project = as(city.coordinator(), () -> {
            var id = projects.create(PreventionProjectsTests.draft("Sicher nachts im Quartier"));
            projects.writeStep(id, BeccariaStep.EVALUATION, Map.of("implementationCheck", "Wie geplant umgesetzt.",
                    "goalAttainment", "Weniger Befragte fühlen sich nachts unsicher."));
            indicators.define(id, new IndicatorDraft("Unsicher nachts", "%", new BigDecimal("40"),
                    new BigDecimal("30"), IndicatorSource.SURVEY, null, null, null, SenseOfSecurity.INDICATOR));
            return id;
        });
        assertThatThrownBy(() -> as(city.coordinator(), () -> {
            projects.changeStatus(project, ProjectStatus.EVALUATED);
            return null;
        })).hasMessageContaining("prevention.status.evaluatedNeedsValues"); // no wave asked it yet

        waves.nightQuestion(city, LocalDate.now(clock).minusMonths(2), 12, 3);

        as(city.coordinator(), () -> {
            var indicator = indicators.of(project).get(0);
            assertThat(indicators.measurements(indicator)).extracting(Measurement::value).containsExactly(25.0);
            projects.changeStatus(project, ProjectStatus.EVALUATED);
            return null;
        });
        assertThat(as(city.coordinator(), () -> projects.project(project)).status())
                .isEqualTo(ProjectStatus.EVALUATED);
    }

    private <T> T as(String username, Supplier<T> work) {
        var principal = (SipaPrincipal) fixtures.user(username);
        return CurrentUser.runAs(principal.sipaUser(), work);
    }
}

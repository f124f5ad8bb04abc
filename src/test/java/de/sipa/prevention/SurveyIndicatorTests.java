package de.sipa.prevention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import de.sipa.Fixtures;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaPrincipal;
import de.sipa.shared.RuleViolationException;
import de.sipa.surveys.SenseOfSecurity;

/** An indicator that follows a comparable survey question (the values per wave are in PreventionDemoTests). */
@SipaIntegrationTest
class SurveyIndicatorTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    PreventionProjects projects;

    @Autowired
    Indicators indicators;

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

    private <T> T as(String username, Supplier<T> work) {
        var principal = (SipaPrincipal) fixtures.user(username);
        return CurrentUser.runAs(principal.sipaUser(), work);
    }
}

package de.sipa.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import de.sipa.SipaIntegrationTest;

@SipaIntegrationTest
class StandardItemsTests {

    @Autowired
    StandardItems library;

    @Test
    void theLibraryHasTheComparableKeysTheWavesAreComparedBy() {
        assertThat(StandardItems.ITEMS).extracting(StandardItems.Item::key).containsExactly("safety_night_area",
                "safety_day_area", "safety_night_centre", "security_problem", "fear_burglary", "fear_assault",
                "fear_robbery", "fear_harassment", "avoidance", "problems_area", "wishes", "trust_police",
                "trust_city", "awareness_partnership", "district", "age_band", "gender", "years_in_city");
        assertThat(library.question("avoidance").options()).extracting(AnswerOption::code)
                .containsExactly("AVOID_PLACES", "AVOID_TRANSIT", "STAY_HOME", "ACCOMPANIED", "NONE");
        assertThat(library.question("age_band").options()).extracting(AnswerOption::code)
                .containsExactly("16_24", "25_34", "35_44", "45_54", "55_64", "65_74", "75_PLUS");
        assertThat(library.question("years_in_city").options()).extracting(AnswerOption::code)
                .containsExactly("UNDER_2", "2_TO_10", "OVER_10", "SINCE_BIRTH");
    }

    @Test
    void everyItemIsWordedInGermanAndEnglishWithALabelForEveryAnswerAndKeepsTheRules() {
        for (var item : StandardItems.ITEMS) {
            var question = library.question(item.key());
            assertThat(question.comparableKey()).isEqualTo(item.key());
            assertThat(question.text().german()).as(item.key()).isNotBlank().doesNotStartWith("survey.");
            assertThat(question.text().english()).as(item.key()).isNotBlank().isNotEqualTo(question.text().german());
            assertThat(question.options()).as(item.key()).hasSize(item.codes().size());
            question.options().forEach(option -> {
                assertThat(option.label().german()).as(item.key() + " " + option.code()).isNotBlank();
                assertThat(option.label().english()).as(item.key() + " " + option.code()).isNotBlank();
            });
            assertThat(question.required()).as(item.key()).isEqualTo(
                    !question.kind().demographic() && !item.key().equals("years_in_city")
                            && question.kind() != QuestionKind.FREE_TEXT);
            QuestionnaireRules.check(question);
        }
        var night = library.question("safety_night_area");
        assertThat(night.text().in(Locale.GERMAN))
                .isEqualTo("Wie sicher fühlen Sie sich nachts ohne Begleitung in Ihrer Wohngegend?");
        assertThat(night.kind()).isEqualTo(QuestionKind.LIKERT);
        assertThat(night.options()).extracting(o -> o.label().german())
                .containsExactly("sehr sicher", "eher sicher", "eher unsicher", "sehr unsicher");
        assertThat(library.question("trust_police").options()).extracting(o -> o.label().german())
                .containsExactly("sehr großes Vertrauen", "eher großes Vertrauen", "eher wenig Vertrauen",
                        "gar kein Vertrauen");
        assertThat(library.question("district").kind()).isEqualTo(QuestionKind.DISTRICT);
        assertThat(StandardItems.SECTIONS).allSatisfy(s -> assertThat(library.sectionTitle(s).english()).isNotBlank());
    }
}

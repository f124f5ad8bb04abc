package de.sipa.surveys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import de.sipa.Fixtures;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaPrincipal;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.RuleViolationException;

@SipaIntegrationTest
class SurveysTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    Surveys surveys;

    Fixtures.City city;

    @BeforeEach
    void aCity() {
        city = fixtures.city();
    }

    @Test
    void aQuestionnaireKeepsItsSectionsQuestionsOptionsAndConditions() {
        var night = new Question(QuestionId.random(), QuestionKind.LIKERT,
                new Wording("Wie sicher fühlen Sie sich nachts ohne Begleitung in Ihrer Wohngegend?",
                        "How safe do you feel walking alone in your area after dark?"),
                null, true, "safety_night", 1, 4,
                List.of(new AnswerOption("1", new Wording("sehr sicher", "very safe")),
                        new AnswerOption("4", new Wording("sehr unsicher", "very unsafe"))),
                null);
        var avoided = new Question(QuestionId.random(), QuestionKind.FREE_TEXT,
                Wording.german("Welche Orte meiden Sie?"), Wording.german("Straße oder Platz"), false, null, null,
                null, List.of(), new QuestionCondition(night.id(), Set.of("4")));
        var questionnaire = new Questionnaire(QuestionnaireId.random(), "Bürgerumfrage", "Ihre Meinung zählt.",
                List.of(new Section(UUID.randomUUID(), Wording.german("Sicherheitsgefühl"), List.of(night)),
                        new Section(UUID.randomUUID(), Wording.german("Orte"), List.of(avoided))));

        as(city.coordinator(), () -> {
            surveys.createQuestionnaire(questionnaire);
            return null;
        });

        var read = as(city.policeUser(), () -> surveys.questionnaire(questionnaire.id()));
        assertThat(read).isEqualTo(questionnaire);
        assertThat(read.question(night.id()).orElseThrow().text().in(Locale.ENGLISH))
                .isEqualTo("How safe do you feel walking alone in your area after dark?");
        assertThat(read.question(avoided.id()).orElseThrow().text().in(Locale.ENGLISH)).isEqualTo("Welche Orte meiden Sie?");
        assertThat(as(city.policeUser(), surveys::questionnaires)).singleElement()
                .satisfies(s -> assertThat(s.questions()).isEqualTo(2));
    }

    @Test
    void aWaveAcceptsAnswersInItsPeriodUntilItIsClosedAndOnlyTheCoordinationRunsIt() {
        var questionnaire = new Questionnaire(QuestionnaireId.random(), "Kurzbefragung", "", List.of());
        var wave = new SurveyWave(SurveyWaveId.random(), questionnaire.id(), "Welle 2026", LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 12, 31), WaveMode.OPEN, false);

        assertThatThrownBy(() -> as(city.policeUser(), () -> {
            surveys.createQuestionnaire(questionnaire);
            return null;
        })).isInstanceOf(AccessDeniedException.class);
        as(city.coordinator(), () -> {
            surveys.createQuestionnaire(questionnaire);
            surveys.createWave(wave);
            return null;
        });
        assertThatThrownBy(() -> as(city.coordinator(), () -> {
            surveys.createWave(new SurveyWave(SurveyWaveId.random(), questionnaire.id(), "welle 2026",
                    LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1), WaveMode.EXTERNAL, false));
            return null;
        })).isInstanceOf(RuleViolationException.class).hasMessage("survey.wave.title.taken");

        assertThat(wave.acceptsAnswers(LocalDate.of(2026, 12, 31))).isTrue();
        assertThat(wave.acceptsAnswers(LocalDate.of(2027, 1, 1))).isFalse();
        as(city.coordinator(), () -> {
            surveys.close(wave.id());
            return null;
        });
        assertThat(as(city.policeUser(), () -> surveys.wave(wave.id())).acceptsAnswers(LocalDate.of(2026, 12, 1)))
                .isFalse();
        assertThatThrownBy(() -> as(fixtures.city().coordinator(), () -> surveys.wave(wave.id())))
                .isInstanceOf(NotFoundException.class);
    }

    private <T> T as(String username, Supplier<T> work) {
        var principal = (SipaPrincipal) fixtures.user(username);
        return CurrentUser.runAs(principal.sipaUser(), work);
    }
}

package de.sipa.surveys;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;

import de.sipa.Fixtures;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaPrincipal;
import de.sipa.identity.SipaUser;

/**
 * A questionnaire of three pages for the answering tests: the sense of security at night (a scale, required), the
 * places avoided (multiple choice) and, on the same page, why (text, only for those who feel unsafe); the district
 * (required), the problems seen and the years lived in the town (0–100); age band, gender and, only for those who
 * avoid the park, which paths (a condition on an earlier page).
 */
final class AnsweringFixture {

    static final String SLUG_PREFIX = "stadt-";

    final Question night = new Question(QuestionId.random(), QuestionKind.LIKERT,
            new Wording("Wie sicher fühlen Sie sich nachts ohne Begleitung in Ihrer Wohngegend?",
                    "How safe do you feel walking alone in your area after dark?"),
            null, true, "safety_night", 1, 4,
            List.of(new AnswerOption("1", new Wording("sehr sicher", "very safe")),
                    new AnswerOption("2", new Wording("eher sicher", "fairly safe")),
                    new AnswerOption("3", new Wording("eher unsicher", "fairly unsafe")),
                    new AnswerOption("4", new Wording("sehr unsicher", "very unsafe"))),
            null);
    final Question avoided = new Question(QuestionId.random(), QuestionKind.MULTIPLE_CHOICE,
            new Wording("Welche Orte meiden Sie abends?", "Which places do you avoid in the evening?"), null, false,
            null, null, null,
            List.of(new AnswerOption("PARK", new Wording("den Stadtpark", "the park")),
                    new AnswerOption("STATION", new Wording("den Bahnhof", "the station"))),
            null);
    final Question why = new Question(QuestionId.random(), QuestionKind.FREE_TEXT,
            Wording.german("Was macht Sie unsicher?"), null, false, null, null, null, List.of(),
            new QuestionCondition(night.id(), Set.of("3", "4")));
    final Question district = new Question(QuestionId.random(), QuestionKind.DISTRICT,
            new Wording("In welchem Stadtbezirk wohnen Sie?", "Which district do you live in?"), null, true, null,
            null, null, List.of(), null);
    final Question problems = new Question(QuestionId.random(), QuestionKind.MULTIPLE_CHOICE,
            Wording.german("Was stört Sie in Ihrer Wohngegend?"), null, false, "problems", null, null,
            List.of(new AnswerOption("LITTER", Wording.german("Müll")),
                    new AnswerOption("GRAFFITI", Wording.german("Graffiti"))),
            null);
    final Question years = new Question(QuestionId.random(), QuestionKind.NUMBER,
            Wording.german("Seit wie vielen Jahren wohnen Sie hier?"), null, false, null, 0, 100, List.of(), null);
    final Question age = new Question(QuestionId.random(), QuestionKind.AGE_BAND, Wording.german("Ihr Alter"), null,
            false, null, null, null,
            List.of(new AnswerOption("18_39", Wording.german("18 bis 39")),
                    new AnswerOption("40_PLUS", Wording.german("40 und älter"))),
            null);
    final Question gender = new Question(QuestionId.random(), QuestionKind.GENDER, Wording.german("Ihr Geschlecht"),
            null, false, null, null, null,
            List.of(new AnswerOption("F", Wording.german("weiblich")), new AnswerOption("M", Wording.german("männlich")),
                    new AnswerOption("D", Wording.german("divers"))),
            null);
    final Question paths = new Question(QuestionId.random(), QuestionKind.FREE_TEXT,
            Wording.german("Welche Wege im Stadtpark meiden Sie?"), null, false, null, null, null, List.of(),
            new QuestionCondition(avoided.id(), Set.of("PARK")));

    final Questionnaire questionnaire;

    final Fixtures.City city;
    final String slug;
    private final SipaUser manager;

    AnsweringFixture(Fixtures fixtures, Surveys surveys) {
        this.city = fixtures.city();
        this.slug = SLUG_PREFIX + city.key();
        this.manager = ((SipaPrincipal) fixtures.user(city.coordinator())).sipaUser();
        this.questionnaire = questionnaire("Bürgerumfrage Sicherheit");
        CurrentUser.runAs(manager, () -> {
            surveys.createQuestionnaire(questionnaire);
            return null;
        });
    }

    /** The questionnaire in an existing partnership (the demo's), with a title of its own. */
    AnsweringFixture(String slug, SipaUser manager, Surveys surveys, String title) {
        this.city = null;
        this.slug = slug;
        this.manager = manager;
        this.questionnaire = questionnaire(title);
        CurrentUser.runAs(manager, () -> {
            surveys.createQuestionnaire(questionnaire);
            return null;
        });
    }

    private Questionnaire questionnaire(String title) {
        return new Questionnaire(QuestionnaireId.random(), title, "Ihre Meinung zählt.", List.of(
                    new Section(UUID.randomUUID(), new Wording("Sicherheitsgefühl", "Feeling safe"),
                            List.of(night, avoided, why)),
                    new Section(UUID.randomUUID(), Wording.german("Ihre Wohngegend"), List.of(district, problems, years)),
                    new Section(UUID.randomUUID(), Wording.german("Zu Ihrer Person"), List.of(age, gender, paths))));
    }

    /** A wave of the questionnaire that runs from yesterday for a month. */
    SurveyWave wave(Surveys surveys, Clock clock, WaveMode mode) {
        var today = LocalDate.now(clock);
        var wave = new SurveyWave(SurveyWaveId.random(), questionnaire.id(), "Welle " + UUID.randomUUID(),
                today.minusDays(1), today.plusDays(30), mode, false);
        CurrentUser.runAs(manager, () -> {
            surveys.createWave(wave);
            return null;
        });
        return wave;
    }

    /** Invitation codes as the letter shop prints them (the coordination's code generation is not used here). */
    static void codes(JdbcClient jdbc, SurveyWave wave, String... codes) {
        for (var code : codes) {
            jdbc.sql("INSERT INTO surveys_invitation_code (wave_id, code) VALUES (?, ?)").params(wave.id().value(), code)
                    .update();
        }
    }

    static <T> T as(Fixtures fixtures, String username, Supplier<T> work) {
        var principal = (SipaPrincipal) fixtures.user(username);
        return CurrentUser.runAs(principal.sipaUser(), work);
    }
}

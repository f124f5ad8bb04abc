package de.sipa.surveys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import de.sipa.Fixtures;
import de.sipa.SipaIntegrationTest;
import de.sipa.partners.Partnerships;
import de.sipa.shared.RuleViolationException;

/** A citizen answers a web wave: once per code or device, only while it runs, only with answers that fit. */
@SipaIntegrationTest
class SurveyAnsweringTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    Surveys surveys;

    @Autowired
    SurveyAnswering answering;

    @Autowired
    Partnerships partnerships;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    AnsweringFixture f;

    @BeforeEach
    void aQuestionnaire() {
        f = new AnsweringFixture(fixtures, surveys);
    }

    @Test
    void aCodeAdmitsOneResponseWrittenAsPrintedOrNot() {
        var wave = f.wave(surveys, clock, WaveMode.INVITATION_CODES);
        AnsweringFixture.codes(jdbc, wave, "ABCD-2345", "EFGH-6789");
        var survey = survey(wave);

        assertThat(answering.code(wave.id(), " abcd 2345")).isEqualTo(SurveyAnswering.CodeState.FREE);
        answering.submit(survey, complete(), Admission.byCode("abcd2345"));

        assertThat(answering.code(wave.id(), "ABCD-2345")).isEqualTo(SurveyAnswering.CodeState.USED);
        assertThatThrownBy(() -> answering.submit(survey, complete(), Admission.byCode("ABCD-2345")))
                .isInstanceOf(RuleViolationException.class).hasMessage("survey.code.used");
        assertThatThrownBy(() -> answering.submit(survey, complete(), Admission.byCode("ZZZZ-0000")))
                .isInstanceOf(RuleViolationException.class).hasMessage("survey.code.unknown");
        assertThatThrownBy(() -> answering.submit(survey, complete(), Admission.byDevice("a-device")))
                .isInstanceOf(RuleViolationException.class).hasMessage("survey.code.missing");
        assertThat(responses(wave)).isEqualTo(1);
        assertThat(answering.code(wave.id(), "EFGH-6789")).isEqualTo(SurveyAnswering.CodeState.FREE);
    }

    @Test
    void twoResponsesSentAtTheSameMomentWithOneCodeStoreExactlyOne() throws Exception {
        var wave = f.wave(surveys, clock, WaveMode.INVITATION_CODES);
        AnsweringFixture.codes(jdbc, wave, "SAME-CODE");
        var survey = survey(wave);
        var start = new CountDownLatch(1);
        var executor = Executors.newFixedThreadPool(4);
        try {
            var outcomes = new ArrayList<Future<String>>();
            for (int i = 0; i < 4; i++) {
                outcomes.add(executor.submit(() -> {
                    start.await();
                    try {
                        answering.submit(survey, complete(), Admission.byCode("SAME-CODE"));
                        return "stored";
                    } catch (RuleViolationException e) {
                        return e.messageKey();
                    }
                }));
            }
            start.countDown();
            var results = new ArrayList<String>();
            for (var outcome : outcomes) {
                results.add(outcome.get());
            }
            assertThat(results).containsOnlyOnce("stored").filteredOn(r -> !r.equals("stored"))
                    .containsOnly("survey.code.used");
        } finally {
            executor.shutdownNow();
        }
        assertThat(responses(wave)).isEqualTo(1);
    }

    @Test
    void aWaveThatIsClosedNotYetOpenOrRunElsewhereRefusesAndStoresNothing() {
        var wave = f.wave(surveys, clock, WaveMode.INVITATION_CODES);
        AnsweringFixture.codes(jdbc, wave, "LATE-0001");
        var survey = survey(wave); // shown while it still ran
        AnsweringFixture.as(fixtures, f.city.coordinator(), () -> {
            surveys.close(wave.id());
            return null;
        });

        assertThatThrownBy(() -> answering.submit(survey, complete(), Admission.byCode("LATE-0001")))
                .isInstanceOf(RuleViolationException.class).hasMessage("survey.answering.over");
        assertThat(responses(wave)).isZero();
        assertThat(answering.code(wave.id(), "LATE-0001")).isEqualTo(SurveyAnswering.CodeState.FREE);
        assertThat(survey(wave).state()).isEqualTo(PublicSurvey.State.OVER);

        var today = LocalDate.now(clock);
        var later = new SurveyWave(SurveyWaveId.random(), f.questionnaire.id(), "Später", today.plusDays(1),
                today.plusDays(9), WaveMode.OPEN, false);
        var external = new SurveyWave(SurveyWaveId.random(), f.questionnaire.id(), "Institut", today.minusDays(1),
                today.plusDays(9), WaveMode.EXTERNAL, false);
        AnsweringFixture.as(fixtures, f.city.coordinator(), () -> {
            surveys.createWave(later);
            surveys.createWave(external);
            return null;
        });
        assertThatThrownBy(() -> answering.submit(survey(later), complete(), Admission.byDevice("d1")))
                .hasMessage("survey.answering.notYet");
        assertThatThrownBy(() -> answering.submit(survey(external), complete(), Admission.byDevice("d1")))
                .hasMessage("survey.answering.notOnTheWeb");
        assertThat(responses(later) + responses(external)).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM surveys_device WHERE wave_id IN (?, ?)")
                .params(later.id().value(), external.id().value()).query(Long.class).single()).isZero();
    }

    @Test
    void answersOutOfRangeOrUnknownAreRefusedEachWithItsReasonAndNothingIsStored() {
        var wave = f.wave(surveys, clock, WaveMode.INVITATION_CODES);
        AnsweringFixture.codes(jdbc, wave, "WRONG-001");
        var answers = complete();
        answers.put(f.night.id(), List.of("5"));
        answers.put(f.years.id(), List.of("101"));
        answers.put(f.district.id(), List.of(UUID.randomUUID().toString())); // another town's district
        answers.put(f.problems.id(), List.of("LITTER", "NOISE"));
        answers.put(f.age.id(), List.of("18_39", "40_PLUS"));
        answers.put(f.gender.id(), List.of("X"));
        var foreign = QuestionId.random();
        answers.put(foreign, List.of("1"));

        assertThatThrownBy(() -> answering.submit(survey(wave), answers, Admission.byCode("WRONG-001")))
                .isInstanceOfSatisfying(AnswersRefused.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
                        new AnswerProblem(foreign, "survey.answer.unknownQuestion"),
                        new AnswerProblem(f.night.id(), "survey.answer.unknownOption"),
                        new AnswerProblem(f.district.id(), "survey.answer.unknownOption"),
                        new AnswerProblem(f.problems.id(), "survey.answer.unknownOption"),
                        new AnswerProblem(f.years.id(), "survey.answer.outOfRange", List.of("0", "100")),
                        new AnswerProblem(f.age.id(), "survey.answer.oneOnly"),
                        new AnswerProblem(f.gender.id(), "survey.answer.unknownOption")));

        var missing = complete();
        missing.remove(f.night.id());
        missing.put(f.years.id(), List.of("zehn"));
        missing.put(f.why.id(), List.of("x".repeat(AnswerRules.TEXT_LIMIT + 1)));
        assertThatThrownBy(() -> answering.submit(survey(wave), missing, Admission.byCode("WRONG-001")))
                .isInstanceOfSatisfying(AnswersRefused.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
                        new AnswerProblem(f.night.id(), "survey.answer.required"),
                        new AnswerProblem(f.why.id(), "survey.answer.notApplicable"),
                        new AnswerProblem(f.years.id(), "survey.answer.notANumber")));
        assertThat(responses(wave)).isZero();
        assertThat(answering.code(wave.id(), "WRONG-001")).isEqualTo(SurveyAnswering.CodeState.FREE);
    }

    @Test
    void aConditionalQuestionIsAnsweredOnlyWhenTheAnswerItDependsOnCallsForIt() {
        var wave = f.wave(surveys, clock, WaveMode.OPEN);
        var unsafe = complete();
        unsafe.put(f.night.id(), List.of("4"));
        unsafe.put(f.why.id(), List.of("Dunkle Unterführung"));
        unsafe.put(f.avoided.id(), List.of("STATION"));
        unsafe.put(f.paths.id(), List.of("Uferweg"));
        assertThatThrownBy(() -> answering.submit(survey(wave), unsafe, Admission.byDevice("d-1")))
                .isInstanceOfSatisfying(AnswersRefused.class, e -> assertThat(e.problems())
                        .containsExactly(new AnswerProblem(f.paths.id(), "survey.answer.notApplicable")));

        unsafe.put(f.avoided.id(), List.of("STATION", "PARK"));
        answering.submit(survey(wave), unsafe, Admission.byDevice("d-1"));
        assertThat(jdbc.sql("SELECT text_value FROM surveys_answer WHERE question_id IN (?, ?) ORDER BY text_value")
                .params(f.why.id().value(), f.paths.id().value()).query(String.class).list())
                .containsExactly("Dunkle Unterführung", "Uferweg");

        var safe = complete();
        safe.put(f.night.id(), List.of("1"));
        safe.put(f.why.id(), List.of(" "));
        answering.submit(survey(wave), safe, Admission.byDevice("d-2"));
        assertThat(responses(wave)).isEqualTo(2);
    }

    @Test
    void anOpenWaveTakesOneResponsePerDeviceAndKeepsOnlyTheTokensHash() {
        var wave = f.wave(surveys, clock, WaveMode.OPEN);
        answering.submit(survey(wave), complete(), Admission.byDevice("token-of-a-phone"));

        assertThat(answering.answeredOnDevice(wave.id(), "token-of-a-phone")).isTrue();
        assertThat(answering.answeredOnDevice(wave.id(), "token-of-a-laptop")).isFalse();
        assertThatThrownBy(() -> answering.submit(survey(wave), complete(), Admission.byDevice("token-of-a-phone")))
                .isInstanceOf(RuleViolationException.class).hasMessage("survey.device.used");
        assertThatThrownBy(() -> answering.submit(survey(wave), complete(), Admission.byDevice(" ")))
                .isInstanceOf(RuleViolationException.class).hasMessage("survey.device.missing");
        assertThat(jdbc.sql("SELECT device_hash FROM surveys_device WHERE wave_id = ?").param(wave.id().value())
                .query(String.class).list()).containsExactly(ResponseRepository.hash("token-of-a-phone"));
        assertThat(responses(wave)).isEqualTo(1);
    }

    @Test
    void theStoredResponseHoldsTheDayAndTheAnswersButNoAddressAccountOrDevice() {
        var wave = f.wave(surveys, clock, WaveMode.OPEN);
        var answers = complete();
        answers.put(f.night.id(), List.of("3"));
        answers.put(f.why.id(), List.of("  Zu dunkel  "));
        answers.put(f.avoided.id(), List.of("PARK", "STATION", "PARK"));
        answers.put(f.age.id(), List.of("40_PLUS"));
        answers.put(f.gender.id(), List.of("D"));
        answering.submit(survey(wave), answers, Admission.byDevice("device-token"));

        assertThat(columns("surveys_response")).containsExactlyInAnyOrder("id", "partnership_id", "wave_id",
                "submitted_on", "source", "district_id", "age_band", "gender");
        assertThat(columns("surveys_answer")).containsExactlyInAnyOrder("response_id", "question_id", "option_code",
                "number_value", "text_value");
        assertThat(columns("surveys_device")).containsExactlyInAnyOrder("wave_id", "device_hash");
        assertThat(jdbc.sql("SELECT data_type FROM information_schema.columns WHERE table_name = 'surveys_response'"
                + " AND column_name = 'submitted_on'").query(String.class).single()).isEqualTo("date");
        // The device table refers to the wave only: nothing joins a device to a response.
        assertThat(jdbc.sql("""
                SELECT count(*) FROM information_schema.referential_constraints r
                JOIN information_schema.key_column_usage k ON k.constraint_name = r.constraint_name
                WHERE k.table_name = 'surveys_device' AND k.column_name <> 'wave_id'""").query(Long.class).single())
                .isZero();

        var response = jdbc.sql("SELECT * FROM surveys_response WHERE wave_id = ?").param(wave.id().value())
                .query((rs, n) -> Map.of("day", rs.getDate("submitted_on").toLocalDate(),
                        "source", rs.getString("source"), "district", rs.getObject("district_id", UUID.class),
                        "age", rs.getString("age_band"), "gender", rs.getString("gender")))
                .single();
        assertThat(response).containsEntry("day", LocalDate.now(clock)).containsEntry("source", "WEB")
                .containsEntry("district", f.city.districts().get(1).value()).containsEntry("age", "40_PLUS")
                .containsEntry("gender", "D");
        assertThat(jdbc.sql("""
                SELECT q.position || ':' || coalesce(a.option_code, a.number_value::text, a.text_value)
                FROM surveys_answer a JOIN surveys_question q ON q.id = a.question_id
                JOIN surveys_response r ON r.id = a.response_id WHERE r.wave_id = ?
                ORDER BY q.section_id = ?, q.position, 1""")
                .params(wave.id().value(), f.questionnaire.sections().get(0).id())
                .query(String.class).list())
                .containsExactlyInAnyOrder("0:3", "1:PARK", "1:STATION", "2:Zu dunkel", "1:LITTER", "2:12");
    }

    private Map<QuestionId, List<String>> complete() {
        var answers = new HashMap<QuestionId, List<String>>();
        answers.put(f.night.id(), List.of("2"));
        answers.put(f.district.id(), List.of(f.city.districts().get(1).value().toString()));
        answers.put(f.problems.id(), List.of("LITTER"));
        answers.put(f.years.id(), List.of("12"));
        return answers;
    }

    private PublicSurvey survey(SurveyWave wave) {
        var partnership = partnerships.bySlug(f.slug).orElseThrow();
        return answering.survey(partnership, wave.id()).orElseThrow();
    }

    private long responses(SurveyWave wave) {
        return jdbc.sql("SELECT count(*) FROM surveys_response WHERE wave_id = ?").param(wave.id().value())
                .query(Long.class).single();
    }

    private List<String> columns(String table) {
        return jdbc.sql("SELECT column_name FROM information_schema.columns WHERE table_name = ?").param(table)
                .query(String.class).list();
    }
}

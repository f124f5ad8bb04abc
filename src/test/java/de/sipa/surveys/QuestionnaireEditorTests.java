package de.sipa.surveys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
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
import de.sipa.shared.RuleViolationException;

@SipaIntegrationTest
class QuestionnaireEditorTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    Surveys surveys;

    @Autowired
    QuestionnaireEditor editor;

    @Autowired
    InvitationCodes codes;

    @Autowired
    JdbcClient jdbc;

    Fixtures.City city;

    @BeforeEach
    void aCity() {
        city = fixtures.city();
    }

    @Test
    void aQuestionnaireFromTheLibraryPutsEachItemOnItsSuggestedPage() {
        var id = as(city.coordinator(), () -> editor.create(" Bürgerumfrage ", "",
                List.of("safety_night_area", "avoidance", "age_band", "trust_police")));

        var questionnaire = as(city.policeUser(), () -> surveys.questionnaire(id));
        assertThat(questionnaire.title()).isEqualTo("Bürgerumfrage");
        assertThat(questionnaire.sections()).extracting(s -> s.title().german())
                .containsExactly("Sicherheitsgefühl", "Sorgen und Verhalten", "Vertrauen", "Zur Person");
        assertThat(questionnaire.questions()).extracting(Question::comparableKey)
                .containsExactly("safety_night_area", "avoidance", "trust_police", "age_band");
        assertThat(questionnaire.questions().get(3).required()).isFalse();
        assertThatThrownBy(() -> as(city.policeUser(), () -> editor.create("Polizeiumfrage", "", List.of())))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void sectionsAreAddedRenamedReorderedAndOnlyRemovedWhenEmpty() {
        var id = as(city.coordinator(), () -> editor.create("Kurzbefragung", "", List.of("safety_night_area")));
        var first = as(city.coordinator(), () -> surveys.questionnaire(id)).sections().get(0).id();
        var second = as(city.coordinator(), () -> editor.addSection(id, new Wording("Ihre Ideen", "Your ideas")));

        run(() -> editor.moveSection(id, second, -1));
        run(() -> editor.renameSection(id, second, Wording.german("Ihre Vorschläge")));
        assertThat(as(city.coordinator(), () -> surveys.questionnaire(id)).sections())
                .extracting(s -> s.title().german()).containsExactly("Ihre Vorschläge", "Sicherheitsgefühl");

        assertThatThrownBy(() -> run(() -> editor.removeSection(id, first)))
                .isInstanceOf(RuleViolationException.class).hasMessage("survey.section.notEmpty");
        run(() -> editor.removeSection(id, second));
        assertThat(as(city.coordinator(), () -> surveys.questionnaire(id)).sections()).hasSize(1);
    }

    @Test
    void aConditionMustPointToAnEarlierQuestionAndNameAnswersItOffers() {
        var id = as(city.coordinator(), () -> editor.create("Bedingungen", "", List.of("safety_night_area")));
        var questionnaire = as(city.coordinator(), () -> surveys.questionnaire(id));
        var section = questionnaire.sections().get(0).id();
        var night = questionnaire.questions().get(0);
        var places = new Question(QuestionId.random(), QuestionKind.FREE_TEXT, Wording.german("Welche Orte meiden Sie?"),
                null, false, null, null, null, List.of(), new QuestionCondition(night.id(), Set.of("3", "4")));

        run(() -> editor.saveQuestion(id, section, places));
        var saved = as(city.coordinator(), () -> surveys.questionnaire(id)).question(places.id()).orElseThrow();
        assertThat(saved.condition().codes()).containsExactlyInAnyOrder("3", "4");

        var unknownCode = withCondition(places, new QuestionCondition(night.id(), Set.of("9")));
        assertThatThrownBy(() -> run(() -> editor.saveQuestion(id, section, unknownCode)))
                .isInstanceOf(RuleViolationException.class).hasMessage("survey.condition.unknownCode");
        assertThatThrownBy(() -> run(() -> editor.moveQuestion(id, places.id(), -1)))
                .isInstanceOf(RuleViolationException.class).hasMessage("survey.condition.notEarlier");
        var onFreeText = new Question(QuestionId.random(), QuestionKind.NUMBER, Wording.german("Wie oft?"), null,
                false, null, 0, 50, List.of(), new QuestionCondition(places.id(), Set.of("x")));
        assertThatThrownBy(() -> run(() -> editor.saveQuestion(id, section, onFreeText)))
                .isInstanceOf(RuleViolationException.class).hasMessage("survey.condition.noOptions");
        assertThatThrownBy(() -> run(() -> editor.removeQuestion(id, night.id())))
                .isInstanceOf(RuleViolationException.class).hasMessage("survey.question.dependedOn");

        assertThat(as(city.coordinator(), () -> surveys.questionnaire(id)).questions())
                .extracting(Question::id).containsExactly(night.id(), places.id());
    }

    @Test
    void anAnsweredQuestionnaireIsFrozenAndItsCopyKeepsTheComparableKeysAndConditions() {
        var id = as(city.coordinator(), () -> editor.create("Bürgerumfrage 2025", "Ihre Meinung zählt.",
                List.of("safety_night_area", "avoidance", "district")));
        var original = as(city.coordinator(), () -> surveys.questionnaire(id));
        var avoidance = original.questions().get(1);
        run(() -> editor.saveQuestion(id, original.sections().get(1).id(), withCondition(avoidance,
                new QuestionCondition(original.questions().get(0).id(), Set.of("3", "4")))));
        var wave = new SurveyWave(SurveyWaveId.random(), id, "Welle 2025", LocalDate.of(2025, 3, 1),
                LocalDate.of(2025, 4, 30), WaveMode.EXTERNAL, false);
        run(() -> surveys.createWave(wave));
        assertThat(as(city.coordinator(), () -> editor.frozen(id))).isFalse();

        jdbc.sql("INSERT INTO surveys_response (id, partnership_id, wave_id, submitted_on, source) "
                + "VALUES (?, ?, ?, DATE '2025-03-10', 'IMPORT')")
                .params(UUID.randomUUID(), city.id().value(), wave.id().value()).update();

        assertThat(as(city.coordinator(), () -> editor.frozen(id))).isTrue();
        assertThatThrownBy(() -> run(() -> editor.describe(id, "Neu", "")))
                .isInstanceOf(RuleViolationException.class).hasMessage("survey.questionnaire.frozen");
        assertThatThrownBy(() -> run(() -> editor.addSection(id, Wording.german("Mehr"))))
                .isInstanceOf(RuleViolationException.class).hasMessage("survey.questionnaire.frozen");
        assertThatThrownBy(() -> run(() -> editor.removeQuestion(id, avoidance.id())))
                .isInstanceOf(RuleViolationException.class).hasMessage("survey.questionnaire.frozen");

        var copyId = as(city.coordinator(), () -> editor.copy(id, "Bürgerumfrage 2028"));
        var copy = as(city.coordinator(), () -> surveys.questionnaire(copyId));
        var before = as(city.coordinator(), () -> surveys.questionnaire(id));
        assertThat(copy.questions()).extracting(Question::comparableKey)
                .containsExactly("safety_night_area", "avoidance", "district");
        assertThat(copy.questions()).extracting(Question::text)
                .isEqualTo(before.questions().stream().map(Question::text).toList());
        var ids = new HashSet<>(copy.questions().stream().map(Question::id).toList());
        ids.retainAll(before.questions().stream().map(Question::id).toList());
        assertThat(ids).as("the copy's own questions").isEmpty();
        assertThat(copy.questions().get(1).condition().question()).isEqualTo(copy.questions().get(0).id());
        assertThat(copy.introduction()).isEqualTo("Ihre Meinung zählt.");
        assertThat(as(city.coordinator(), () -> editor.frozen(copyId))).isFalse();
        run(() -> editor.removeQuestion(copyId, copy.questions().get(2).id()));
        assertThat(as(city.coordinator(), () -> surveys.questionnaire(id)).questions()).hasSize(3);
        assertThatThrownBy(() -> as(city.coordinator(), () -> editor.copy(id, "bürgerumfrage 2028")))
                .isInstanceOf(RuleViolationException.class).hasMessage("survey.questionnaire.title.taken");
    }

    @Test
    void invitationCodesAreUniqueFreeOfLookAlikesAndExportedWithTheirCount() {
        var id = as(city.coordinator(), () -> editor.create("Einladung", "", List.of("safety_night_area")));
        var wave = new SurveyWave(SurveyWaveId.random(), id, "Welle mit Codes", LocalDate.now().minusDays(1),
                LocalDate.now().plusDays(30), WaveMode.INVITATION_CODES, false);
        var open = new SurveyWave(SurveyWaveId.random(), id, "Offene Welle", LocalDate.now(),
                LocalDate.now().plusDays(30), WaveMode.OPEN, false);
        run(() -> {
            surveys.createWave(wave);
            surveys.createWave(open);
        });

        assertThat(as(city.coordinator(), () -> codes.generate(wave.id(), 3000))).isEqualTo(3000);
        assertThat(as(city.coordinator(), () -> codes.generate(wave.id(), 500))).isEqualTo(500);
        jdbc.sql("UPDATE surveys_invitation_code SET used = TRUE WHERE wave_id = ? AND code IN "
                + "(SELECT code FROM surveys_invitation_code WHERE wave_id = ? LIMIT 7)")
                .params(wave.id().value(), wave.id().value()).update();

        var counts = as(city.policeUser(), () -> codes.counts(wave.id()));
        assertThat(counts.total()).isEqualTo(3500);
        assertThat(counts.used()).isEqualTo(7);
        assertThat(counts.unused()).isEqualTo(3493);
        var exported = as(city.coordinator(), () -> codes.export(wave.id()));
        assertThat(exported).hasSize(3500);
        assertThat(exported.stream().map(InvitationCodes.Code::code).distinct().count()).isEqualTo(3500);
        assertThat(exported).allSatisfy(c -> assertThat(c.code()).hasSize(8).matches("[ACEFGHJKMNPRTWXY34679]+"));
        assertThat(exported.stream().filter(InvitationCodes.Code::used).count()).isEqualTo(7);
        assertThat(InvitationCodes.normalise(" acef-3469 ")).isEqualTo("ACEF3469");

        assertThatThrownBy(() -> as(city.policeUser(), () -> codes.export(wave.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(city.coordinator(), () -> codes.generate(open.id(), 10)))
                .isInstanceOf(RuleViolationException.class).hasMessage("survey.codes.notInvitation");
        assertThatThrownBy(() -> as(city.coordinator(), () -> codes.generate(wave.id(), 0)))
                .isInstanceOf(RuleViolationException.class).hasMessage("survey.codes.count");
        run(() -> surveys.close(wave.id()));
        assertThatThrownBy(() -> as(city.coordinator(), () -> codes.generate(wave.id(), 10)))
                .isInstanceOf(RuleViolationException.class).hasMessage("survey.codes.waveOver");
        assertThat(Objects.requireNonNull(jdbc.sql("SELECT count(*) FROM surveys_invitation_code WHERE wave_id = ?")
                .param(wave.id().value()).query(Long.class).single())).isEqualTo(3500L);
    }

    private static Question withCondition(Question q, QuestionCondition condition) {
        return new Question(q.id(), q.kind(), q.text(), q.help(), q.required(), q.comparableKey(), q.min(), q.max(),
                q.options(), condition);
    }

    private void run(Runnable work) {
        as(city.coordinator(), () -> {
            work.run();
            return null;
        });
    }

    private <T> T as(String username, Supplier<T> work) {
        var principal = (SipaPrincipal) fixtures.user(username);
        return CurrentUser.runAs(principal.sipaUser(), work);
    }
}

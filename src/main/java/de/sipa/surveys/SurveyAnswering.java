package de.sipa.surveys;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.partners.Partnership;
import de.sipa.partners.Partnerships;
import de.sipa.shared.RuleViolationException;

/**
 * Answering a web wave, for citizens without an account: the wave as the public pages show it, the invitation code
 * or the device that admits a respondent once, and the response stored in one transaction with only the day it came.
 */
@Service
@Transactional
public class SurveyAnswering {

    /** Whether an invitation code admits a respondent. */
    public enum CodeState {
        FREE, USED, UNKNOWN
    }

    private final SurveyWaveRepository waves;
    private final QuestionnaireRepository questionnaires;
    private final ResponseRepository responses;
    private final Partnerships partnerships;
    private final Clock clock;

    SurveyAnswering(SurveyWaveRepository waves, QuestionnaireRepository questionnaires, ResponseRepository responses,
            Partnerships partnerships, Clock clock) {
        this.waves = waves;
        this.questionnaires = questionnaires;
        this.responses = responses;
        this.partnerships = partnerships;
        this.clock = clock;
    }

    /** The partnership's wave with its questionnaire, whatever its state; empty if it has no such wave. */
    @Transactional(readOnly = true)
    public Optional<PublicSurvey> survey(Partnership partnership, SurveyWaveId id) {
        return waves.find(partnership.id(), id).flatMap(wave -> questionnaires.find(partnership.id(), wave.questionnaire())
                .map(questionnaire -> new PublicSurvey(partnership, wave, questionnaire,
                        partnerships.districtsOf(partnership.id()), LocalDate.now(clock))));
    }

    /** The partnership's waves that citizens may answer on the web today, for the public website. */
    @Transactional(readOnly = true)
    public List<SurveyWave> openWaves(de.sipa.shared.PartnershipId partnership) {
        var today = LocalDate.now(clock);
        return waves.all(partnership).stream().filter(w -> w.acceptsAnswers(today)).toList();
    }

    @Transactional(readOnly = true)
    public CodeState code(SurveyWaveId wave, String code) {
        return responses.codeUsed(wave, code).map(used -> used ? CodeState.USED : CodeState.FREE)
                .orElse(CodeState.UNKNOWN);
    }

    @Transactional(readOnly = true)
    public boolean answeredOnDevice(SurveyWaveId wave, String deviceToken) {
        return deviceToken != null && !deviceToken.isBlank() && responses.deviceAnswered(wave, deviceToken);
    }

    /** Problems of the answers to some questions (a page), before the whole response is sent. */
    public List<AnswerProblem> check(PublicSurvey survey, Map<QuestionId, List<String>> answers,
            List<Question> questions) {
        return AnswerRules.check(survey.questionnaire(), survey.districts(), AnswerRules.normalised(answers), questions);
    }

    /**
     * Stores a response: all of it or, when the wave accepts no answers, the admission fails or any answer breaks a
     * rule, nothing.
     *
     * @throws AnswersRefused listing every answer that breaks a rule
     * @throws RuleViolationException when the wave accepts no answers or the code or device was used
     */
    public void submit(PublicSurvey survey, Map<QuestionId, List<String>> answers, Admission admission) {
        var partnership = survey.partnership();
        // Read again in this transaction: the coordination may have closed the wave since the page was shown.
        var wave = waves.find(partnership.id(), survey.wave().id())
                .orElseThrow(() -> new RuleViolationException("survey.answering.over"));
        var today = LocalDate.now(clock);
        if (!wave.acceptsAnswers(today)) {
            throw new RuleViolationException(wave.mode() == WaveMode.EXTERNAL ? "survey.answering.notOnTheWeb"
                    : !wave.closed() && today.isBefore(wave.opensOn()) ? "survey.answering.notYet"
                    : "survey.answering.over");
        }
        var questionnaire = survey.questionnaire();
        var given = AnswerRules.normalised(answers);
        var problems = new ArrayList<AnswerProblem>();
        given.keySet().stream().filter(q -> questionnaire.question(q).isEmpty())
                .forEach(q -> problems.add(new AnswerProblem(q, "survey.answer.unknownQuestion")));
        problems.addAll(AnswerRules.check(questionnaire, survey.districts(), given, questionnaire.questions()));
        if (!problems.isEmpty()) {
            throw new AnswersRefused(problems);
        }
        admit(wave, admission);

        responses.insert(partnership.id(), wave.id(), ResponseBatch.Response.of(questionnaire, given, today, "WEB"));
    }

    private void admit(SurveyWave wave, Admission admission) {
        if (wave.mode() == WaveMode.INVITATION_CODES) {
            if (admission.code() == null || admission.code().isBlank()) {
                throw new RuleViolationException("survey.code.missing");
            }
            if (!responses.claimCode(wave.id(), admission.code())) {
                throw new RuleViolationException(responses.codeUsed(wave.id(), admission.code()).isPresent()
                        ? "survey.code.used" : "survey.code.unknown");
            }
        } else {
            if (admission.deviceToken() == null || admission.deviceToken().isBlank()) {
                throw new RuleViolationException("survey.device.missing");
            }
            if (!responses.claimDevice(wave.id(), admission.deviceToken())) {
                throw new RuleViolationException("survey.device.used");
            }
        }
    }
}

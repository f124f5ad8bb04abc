package de.sipa.surveys;

import java.time.Clock;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.RuleViolationException;

/** The partnership's questionnaires and survey waves. */
@Service
@Transactional
public class Surveys {

    private final QuestionnaireRepository questionnaires;
    private final SurveyWaveRepository waves;
    private final AuditTrail auditTrail;
    private final Clock clock;

    Surveys(QuestionnaireRepository questionnaires, SurveyWaveRepository waves, AuditTrail auditTrail, Clock clock) {
        this.questionnaires = questionnaires;
        this.waves = waves;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    @PreAuthorize(SurveyPermissions.READ)
    @Transactional(readOnly = true)
    public List<QuestionnaireSummary> questionnaires() {
        return questionnaires.all(CurrentUser.partnership());
    }

    @PreAuthorize(SurveyPermissions.READ)
    @Transactional(readOnly = true)
    public Questionnaire questionnaire(QuestionnaireId id) {
        return questionnaires.find(CurrentUser.partnership(), id)
                .orElseThrow(() -> new NotFoundException("Questionnaire", id));
    }

    @PreAuthorize(SurveyPermissions.MANAGE)
    public void createQuestionnaire(Questionnaire questionnaire) {
        QuestionnaireRules.check(questionnaire);
        var partnership = CurrentUser.partnership();
        if (questionnaires.titleTaken(partnership, questionnaire.title(), questionnaire.id())) {
            throw new RuleViolationException("survey.questionnaire.title.taken", questionnaire.title());
        }
        questionnaires.insert(partnership, questionnaire, clock.instant());
        auditTrail.record(AuditAction.CREATED, "Questionnaire", questionnaire.id(),
                auditTrail.summary("audit.questionnaire.created", questionnaire.title()));
    }

    @PreAuthorize(SurveyPermissions.READ)
    @Transactional(readOnly = true)
    public List<SurveyWave> waves() {
        return waves.all(CurrentUser.partnership());
    }

    @PreAuthorize(SurveyPermissions.READ)
    @Transactional(readOnly = true)
    public SurveyWave wave(SurveyWaveId id) {
        return waves.find(CurrentUser.partnership(), id).orElseThrow(() -> new NotFoundException("SurveyWave", id));
    }

    @PreAuthorize(SurveyPermissions.MANAGE)
    public void createWave(SurveyWave wave) {
        var partnership = CurrentUser.partnership();
        questionnaire(wave.questionnaire());
        if (waves.titleTaken(partnership, wave.title(), wave.id())) {
            throw new RuleViolationException("survey.wave.title.taken", wave.title());
        }
        if (wave.closesOn().isBefore(wave.opensOn())) {
            throw new RuleViolationException("survey.wave.period.invalid");
        }
        waves.insert(partnership, wave, clock.instant());
        auditTrail.record(AuditAction.CREATED, "SurveyWave", wave.id(),
                auditTrail.summary("audit.wave.created", wave.title()));
    }

    /** Ends a wave before its last day: from now on no answer is accepted. */
    @PreAuthorize(SurveyPermissions.MANAGE)
    public void close(SurveyWaveId id) {
        var wave = wave(id);
        waves.update(CurrentUser.partnership(), new SurveyWave(wave.id(), wave.questionnaire(), wave.title(),
                wave.opensOn(), wave.closesOn(), wave.mode(), true));
        auditTrail.record(AuditAction.CHANGED, "SurveyWave", id, auditTrail.summary("audit.wave.closed", wave.title()));
    }

    @PreAuthorize(SurveyPermissions.READ)
    @Transactional(readOnly = true)
    public int responses(SurveyWaveId id) {
        return waves.responses(wave(id).id());
    }
}

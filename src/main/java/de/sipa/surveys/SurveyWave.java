package de.sipa.surveys;

import java.time.LocalDate;

/**
 * One run of a questionnaire (Befragungswelle).
 *
 * @param closed the coordination ended the wave before its last day
 */
public record SurveyWave(SurveyWaveId id, QuestionnaireId questionnaire, String title, LocalDate opensOn,
        LocalDate closesOn, WaveMode mode, boolean closed) {

    /** Whether respondents may answer on the web on the day. */
    public boolean acceptsAnswers(LocalDate today) {
        return mode != WaveMode.EXTERNAL && !closed && !today.isBefore(opensOn) && !today.isAfter(closesOn);
    }
}

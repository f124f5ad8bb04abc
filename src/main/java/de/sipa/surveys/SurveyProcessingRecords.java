package de.sipa.surveys;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import de.sipa.shared.ProcessingRecords;

/**
 * Questionnaires and waves hold no personal data. Responses are anonymous by design (no address, account or time
 * finer than the day), but a free text may name someone and a district with age band and gender may single a person
 * out in a small town; codes and device hashes only keep a respondent from answering twice.
 */
@Component
class SurveyProcessingRecords implements ProcessingRecords {

    @Override
    public List<ProcessingActivity> activities() {
        return List.of(new ProcessingActivity("surveyResponses",
                Set.of("surveys_response", "surveys_answer", "surveys_invitation_code", "surveys_device")));
    }

    @Override
    public Set<String> tablesWithoutPersonalData() {
        return Set.of("surveys_questionnaire", "surveys_section", "surveys_question", "surveys_option",
                "surveys_wave");
    }
}

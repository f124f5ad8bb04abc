package de.sipa.surveys;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import de.sipa.shared.ProcessingRecords;

/**
 * A response is anonymous (no address, account or time finer than the day), but its free text and its district, age
 * band and gender together may still point to a person in a small district, so the responses are described as an
 * activity, and so are the answers counted per district, age band and gender (surveys_answer_count), whose small
 * cells may do the same. The invitation codes and the hashes of devices that answered an open wave are kept apart from the answers. Questionnaires and waves hold no personal data.
 */
@Component
class SurveyProcessingRecords implements ProcessingRecords {

    /** Years after a wave's end that its answers are kept for comparison at most. */
    static final int RETENTION_YEARS = 10;

    @Override
    public List<ProcessingActivity> activities() {
        return List.of(new ProcessingActivity("surveyResponses",
                Set.of("surveys_response", "surveys_answer", "surveys_answer_count", "surveys_invitation_code",
                        "surveys_device"),
                List.of(RETENTION_YEARS)));
    }

    @Override
    public Set<String> tablesWithoutPersonalData() {
        return Set.of("surveys_questionnaire", "surveys_section", "surveys_question", "surveys_option",
                "surveys_wave", "surveys_population_district", "surveys_population_cell");
    }
}

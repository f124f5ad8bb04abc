package de.sipa.surveys;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import de.sipa.Fixtures;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaPrincipal;

/**
 * For other modules' tests: a survey wave of a test city that asked the sense of security at night (the comparable
 * question {@link SenseOfSecurity#INDICATOR}) and got its answers, stored as an import would.
 */
@Component
public class AnsweredWaves {

    private final Fixtures fixtures;
    private final Surveys surveys;
    private final ResponseBatch batch;

    AnsweredWaves(Fixtures fixtures, Surveys surveys, ResponseBatch batch) {
        this.fixtures = fixtures;
        this.surveys = surveys;
        this.batch = batch;
    }

    /** A wave that opened on the day, in which {@code unsafe} of {@code answered} felt very unsafe in the first district. */
    public SurveyWaveId nightQuestion(Fixtures.City city, LocalDate opensOn, int answered, int unsafe) {
        var items = SurveyResultsTests.items("Bürgerumfrage " + opensOn, SenseOfSecurity.INDICATOR);
        var wave = new SurveyWave(SurveyWaveId.random(), items.questionnaire().id(), "Welle " + opensOn, opensOn,
                opensOn.plusDays(30), WaveMode.EXTERNAL, false);
        CurrentUser.runAs(((SipaPrincipal) fixtures.user(city.coordinator())).sipaUser(), () -> {
            surveys.createQuestionnaire(items.questionnaire());
            surveys.createWave(wave);
            return null;
        });
        var responses = new ArrayList<ResponseBatch.Response>();
        for (int i = 0; i < answered; i++) {
            var answer = new ResponseBatch.Answer(items.night().id().value(), i < unsafe ? "4" : "1", null, null);
            responses.add(new ResponseBatch.Response(opensOn.plusDays(1), "IMPORT", city.districts().get(0).value(),
                    null, null, List.of(answer)));
        }
        batch.insert(city.id(), wave.id(), responses);
        return wave.id();
    }
}

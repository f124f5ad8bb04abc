package de.sipa.surveys;

import java.time.LocalDate;
import java.util.List;

import de.sipa.partners.District;
import de.sipa.partners.Partnership;

/**
 * A wave as a respondent sees it on the public pages: its questionnaire and the partnership's districts as they are
 * today (the choice of a district question).
 */
public record PublicSurvey(Partnership partnership, SurveyWave wave, Questionnaire questionnaire,
        List<District> districts, LocalDate today) {

    public PublicSurvey {
        districts = List.copyOf(districts);
    }

    /** Where the wave stands for a respondent today. */
    public enum State {
        ACCEPTS, NOT_YET, OVER, NOT_ON_THE_WEB
    }

    public State state() {
        if (wave.mode() == WaveMode.EXTERNAL) {
            return State.NOT_ON_THE_WEB;
        }
        if (wave.acceptsAnswers(today)) {
            return State.ACCEPTS;
        }
        return !wave.closed() && today.isBefore(wave.opensOn()) ? State.NOT_YET : State.OVER;
    }

    public boolean acceptsAnswers() {
        return state() == State.ACCEPTS;
    }

    public List<Section> sections() {
        return questionnaire.sections();
    }
}

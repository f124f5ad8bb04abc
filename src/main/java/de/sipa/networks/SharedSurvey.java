package de.sipa.networks;

import java.time.LocalDate;
import java.util.List;

import de.sipa.shared.PartnershipId;
import de.sipa.surveys.SurveyWaveId;

/** A finished survey wave a town shares with its network. */
public record SharedSurvey(SurveyWaveId id, PartnershipId town, String townName, String title, LocalDate opensOn,
        LocalDate closesOn) {

    /** The wave's results as they leave the town: {@code null} wherever a count is suppressed. */
    public record Results(SharedSurvey survey, Long responses, List<Question> questions) {
    }

    /** @param n how many answered, {@code null} if fewer than five (then no answer is shown) */
    public record Question(String text, Long n, List<Answer> answers) {
    }

    /** @param share 0…1 */
    public record Answer(String label, Long count, Double share) {
    }
}

package de.sipa.surveys;

import java.util.List;
import java.util.UUID;

/**
 * The results of a wave: per question the counts and shares of its answers with the number of answers (n), weighted
 * and unweighted side by side, with the 95 % Wilson interval of each share (of the weighted share with Kish's effective
 * sample size when weighted).
 *
 * @param district the district the results are limited to, {@code null} for the whole city
 * @param suppressed counts below {@link SmallCells#MINIMUM} are not shown (the results leave the coordination)
 */
public record WaveResults(SurveyWave wave, String questionnaire, Weighting weighting, UUID district, long responses,
        boolean suppressed, List<QuestionResult> questions) {

    /**
     * One question's results.
     *
     * @param n how many answered the question
     * @param effectiveN Kish's effective sample size of the answers' weights ({@code n} when unweighted)
     * @param suppressed n is below the minimum: nothing of the question is shown
     */
    public record QuestionResult(Question question, String text, long n, double effectiveN, boolean suppressed,
            List<OptionResult> options) {

        public boolean multiple() {
            return question.kind() == QuestionKind.MULTIPLE_CHOICE;
        }
    }

    /**
     * One answer's count and shares; shares are 0…1.
     *
     * @param suppressed the count is below the minimum (or reveals one that is): shown as "< 5", no share
     */
    public record OptionResult(String code, String label, long count, double share, double weightedShare,
            double lower, double upper, boolean suppressed) {
    }
}

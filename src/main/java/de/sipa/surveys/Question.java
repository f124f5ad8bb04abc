package de.sipa.surveys;

import java.util.List;
import java.util.Optional;

/**
 * A question of a questionnaire.
 *
 * @param help shown under the question, {@code null} when there is none
 * @param comparableKey questions of different questionnaires with the same key are the same question and compared
 *     over the waves; {@code null} for a question asked only here
 * @param min the smallest number (NUMBER) or the first point of the scale (LIKERT), else {@code null}
 * @param max the largest number or the last point of the scale, else {@code null}
 * @param condition when the question is shown, {@code null} for always
 */
public record Question(QuestionId id, QuestionKind kind, Wording text, Wording help, boolean required,
        String comparableKey, Integer min, Integer max, List<AnswerOption> options, QuestionCondition condition) {

    public Question {
        options = List.copyOf(options);
    }

    public Optional<AnswerOption> option(String code) {
        return options.stream().filter(o -> o.code().equals(code)).findFirst();
    }

    public boolean comparable() {
        return comparableKey != null;
    }
}

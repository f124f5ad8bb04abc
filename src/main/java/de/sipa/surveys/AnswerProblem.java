package de.sipa.surveys;

import java.util.List;

/**
 * Why an answer is refused, as a message key with its arguments.
 *
 * @param question the question answered, which may be one the questionnaire does not have
 */
public record AnswerProblem(QuestionId question, String messageKey, List<Object> arguments) {

    public AnswerProblem {
        arguments = List.copyOf(arguments);
    }

    public AnswerProblem(QuestionId question, String messageKey) {
        this(question, messageKey, List.of());
    }

    public Object[] argumentArray() {
        return arguments.toArray();
    }
}

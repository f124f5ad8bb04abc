package de.sipa.surveys;

import java.util.Set;

/** A question is shown only when the question it depends on was answered with one of the codes. */
public record QuestionCondition(QuestionId question, Set<String> codes) {

    public QuestionCondition {
        codes = Set.copyOf(codes);
        if (codes.isEmpty()) {
            throw new IllegalArgumentException("A condition needs at least one answer code");
        }
    }
}

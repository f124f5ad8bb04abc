package de.sipa.surveys;

import java.util.List;

import de.sipa.shared.RuleViolationException;

/** A response whose answers break the questionnaire's rules: nothing of it is stored. */
public class AnswersRefused extends RuleViolationException {

    private final transient List<AnswerProblem> problems;

    public AnswersRefused(List<AnswerProblem> problems) {
        super("survey.answers.refused", problems.size());
        this.problems = List.copyOf(problems);
    }

    public List<AnswerProblem> problems() {
        return problems;
    }
}

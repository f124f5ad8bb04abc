package de.sipa.surveys;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.regex.Pattern;

import de.sipa.shared.RuleViolationException;

/**
 * What makes a questionnaire one that can be answered and counted: answer codes that are unique and plain, scales
 * numbered from their first point, numbers with bounds, each demographic question at most once, comparable keys
 * unique, and conditions that point to an earlier question with answer options and name codes it offers (a
 * respondent has answered it before the question that depends on it comes).
 */
final class QuestionnaireRules {

    static final Pattern CODE = Pattern.compile("[A-Za-z0-9_]{1,40}");
    static final Pattern KEY = Pattern.compile("[a-z0-9_]{1,80}");
    static final int MAX_OPTIONS = 30;
    static final int MIN_SCALE = 3;
    static final int MAX_SCALE = 7;

    private QuestionnaireRules() {
    }

    static void check(Questionnaire questionnaire) {
        var keys = new HashSet<String>();
        var demographic = EnumSet.noneOf(QuestionKind.class);
        var earlier = new HashMap<QuestionId, Question>();
        for (var question : questionnaire.questions()) {
            var text = question.text().german();
            check(question);
            if (question.comparableKey() != null && !keys.add(question.comparableKey())) {
                throw new RuleViolationException("survey.question.key.twice", question.comparableKey());
            }
            if (question.kind().demographic() && !demographic.add(question.kind())) {
                throw new RuleViolationException("survey.question.demographic.twice", text);
            }
            var condition = question.condition();
            if (condition != null) {
                var source = earlier.get(condition.question());
                if (source == null) {
                    throw new RuleViolationException("survey.condition.notEarlier", text);
                }
                if (!source.kind().hasOptions()) {
                    throw new RuleViolationException("survey.condition.noOptions", text);
                }
                for (var code : condition.codes()) {
                    if (source.option(code).isEmpty()) {
                        throw new RuleViolationException("survey.condition.unknownCode", text, source.text().german());
                    }
                }
            }
            earlier.put(question.id(), question);
        }
    }

    /** The rules of one question on its own. */
    static void check(Question question) {
        var text = question.text().german();
        if (text.strip().length() > 500) {
            throw new RuleViolationException("survey.question.text.tooLong");
        }
        if (question.comparableKey() != null && !KEY.matcher(question.comparableKey()).matches()) {
            throw new RuleViolationException("survey.question.key.invalid", question.comparableKey());
        }
        var codes = new HashSet<String>();
        for (var option : question.options()) {
            if (!CODE.matcher(option.code()).matches()) {
                throw new RuleViolationException("survey.option.code.invalid", option.code());
            }
            if (!codes.add(option.code())) {
                throw new RuleViolationException("survey.option.code.twice", option.code());
            }
            if (option.label().german().strip().length() > 200) {
                throw new RuleViolationException("survey.option.label.tooLong");
            }
        }
        if (question.kind().hasOptions()) {
            if (question.options().size() < 2 || question.options().size() > MAX_OPTIONS) {
                throw new RuleViolationException("survey.question.options.count", text, MAX_OPTIONS);
            }
        } else if (!question.options().isEmpty()) {
            throw new RuleViolationException("survey.question.options.none", text);
        }
        switch (question.kind()) {
            case LIKERT -> {
                // points min..max; a label for each point or at least for both ends, coded by the point's number
                if (question.min() == null || question.max() == null || question.min() < 0
                        || question.max() - question.min() + 1 < MIN_SCALE
                        || question.max() - question.min() + 1 > MAX_SCALE) {
                    throw new RuleViolationException("survey.question.scale.invalid", text, MIN_SCALE, MAX_SCALE);
                }
                for (var option : question.options()) {
                    if (!option.code().matches("\\d{1,2}") || Integer.parseInt(option.code()) < question.min()
                            || Integer.parseInt(option.code()) > question.max()) {
                        throw new RuleViolationException("survey.question.scale.invalid", text, MIN_SCALE, MAX_SCALE);
                    }
                }
            }
            case NUMBER -> {
                if (question.min() == null || question.max() == null || question.min() > question.max()) {
                    throw new RuleViolationException("survey.question.number.bounds", text);
                }
            }
            default -> {
                if (question.min() != null || question.max() != null) {
                    throw new RuleViolationException("survey.question.bounds.none", text);
                }
            }
        }
    }
}

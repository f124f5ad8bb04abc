package de.sipa.surveys;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import de.sipa.partners.District;

/**
 * The rules an answer keeps: a question applies when its condition is met (and the question it depends on applies
 * itself), a required question that applies is answered, a question that does not apply is not, a choice is one of
 * the question's codes (a district one of the partnership's), a number lies within the question's range and a text
 * within {@link #TEXT_LIMIT} characters.
 */
final class AnswerRules {

    /** The most characters a free text answer may have. */
    static final int TEXT_LIMIT = 2000;

    private AnswerRules() {
    }

    /** The answers without blank values and surrounding blanks, a multiple choice without repeated codes. */
    static Map<QuestionId, List<String>> normalised(Map<QuestionId, List<String>> answers) {
        var result = new LinkedHashMap<QuestionId, List<String>>();
        answers.forEach((question, values) -> {
            var kept = values == null ? List.<String>of() : values.stream().filter(v -> v != null && !v.isBlank())
                    .map(String::strip).collect(Collectors.toCollection(LinkedHashSet::new)).stream().toList();
            if (!kept.isEmpty()) {
                result.put(question, kept);
            }
        });
        return result;
    }

    static boolean applies(Questionnaire questionnaire, Question question, Map<QuestionId, List<String>> answers) {
        var seen = new HashSet<QuestionId>();
        var current = question;
        while (current.condition() != null) {
            if (!seen.add(current.id())) {
                return false;
            }
            var condition = current.condition();
            if (answers.getOrDefault(condition.question(), List.of()).stream().noneMatch(condition.codes()::contains)) {
                return false;
            }
            var dependsOn = questionnaire.question(condition.question());
            if (dependsOn.isEmpty()) {
                return false;
            }
            current = dependsOn.get();
        }
        return true;
    }

    /** The problems of the answers to the questions in scope (normalised answers). */
    static List<AnswerProblem> check(Questionnaire questionnaire, List<District> districts,
            Map<QuestionId, List<String>> answers, Collection<Question> scope) {
        var problems = new ArrayList<AnswerProblem>();
        for (var question : scope) {
            var values = answers.getOrDefault(question.id(), List.of());
            boolean applies = applies(questionnaire, question, answers);
            if (!applies) {
                if (!values.isEmpty()) {
                    problems.add(new AnswerProblem(question.id(), "survey.answer.notApplicable"));
                }
                continue;
            }
            if (values.isEmpty()) {
                if (question.required()) {
                    problems.add(new AnswerProblem(question.id(), "survey.answer.required"));
                }
                continue;
            }
            if (values.size() > 1 && question.kind() != QuestionKind.MULTIPLE_CHOICE) {
                problems.add(new AnswerProblem(question.id(), "survey.answer.oneOnly"));
                continue;
            }
            var problem = checkValues(question, districts, values);
            if (problem != null) {
                problems.add(problem);
            }
        }
        return problems;
    }

    /** The codes a choice offers: a scale's points, the partnership's districts or the stored options. */
    static Set<String> codes(Question question, List<District> districts) {
        if (question.kind() == QuestionKind.DISTRICT) {
            return districts.stream().map(d -> d.id().value().toString()).collect(Collectors.toSet());
        }
        if (question.kind() == QuestionKind.LIKERT && question.min() != null && question.max() != null) {
            var points = new LinkedHashSet<String>();
            for (int point = question.min(); point <= question.max(); point++) {
                points.add(String.valueOf(point));
            }
            return points;
        }
        return question.options().stream().map(AnswerOption::code).collect(Collectors.toSet());
    }

    private static AnswerProblem checkValues(Question question, List<District> districts, List<String> values) {
        switch (question.kind()) {
            case NUMBER -> {
                int number;
                try {
                    number = Integer.parseInt(values.get(0));
                } catch (NumberFormatException e) {
                    return new AnswerProblem(question.id(), "survey.answer.notANumber");
                }
                if ((question.min() != null && number < question.min())
                        || (question.max() != null && number > question.max())) {
                    return new AnswerProblem(question.id(), "survey.answer.outOfRange",
                            List.of(question.min() == null ? "" : String.valueOf(question.min()),
                                    question.max() == null ? "" : String.valueOf(question.max())));
                }
                return null;
            }
            case FREE_TEXT -> {
                return values.get(0).length() > TEXT_LIMIT
                        ? new AnswerProblem(question.id(), "survey.answer.tooLong", List.of(TEXT_LIMIT)) : null;
            }
            default -> {
                var codes = codes(question, districts);
                return codes.containsAll(values) ? null : new AnswerProblem(question.id(), "survey.answer.unknownOption");
            }
        }
    }
}

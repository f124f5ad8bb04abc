package de.sipa.surveys;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One page (section) of a wave as the respondent sees it: the questions that apply with the answers given so far,
 * the answers of the other pages carried along in hidden fields (nothing is kept on the server until the response
 * is sent), and the errors of the last attempt to go on.
 *
 * @param number from 1
 * @param last whether no later page has a question that applies: the page sends the response
 */
record SurveyPage(PublicSurvey survey, int number, int total, Section section, List<PageQuestion> questions,
        List<HiddenAnswer> hidden, String code, boolean first, boolean last, List<PageError> errors) {

    /** The most characters a text answer may have. */
    public int textLimit() {
        return AnswerRules.TEXT_LIMIT;
    }

    /** The request parameter of a question's answer. */
    static String parameter(QuestionId question) {
        return "a." + question.value();
    }

    /**
     * A question on the page.
     *
     * @param dependsOnPage the question it depends on is on the same page: shown, with a hint, and hidden by the
     *     page's script while the condition is not met
     * @param conditionHint the text of the question of the same page it depends on, else null
     * @param conditionAnswers the answers of that question that call for this one
     */
    record PageQuestion(Question question, String text, String help, List<Choice> choices, Set<String> values,
            boolean dependsOnPage, String conditionHint, String conditionAnswers, String error) {

        public String id() {
            return "q-" + question.id().value();
        }

        public String name() {
            return parameter(question.id());
        }

        /** The ids of the condition hint, the help and the error, for the fieldset's aria-describedby. */
        public String describedBy() {
            var ids = new ArrayList<String>();
            if (conditionHint != null) {
                ids.add(id() + "-condition");
            }
            if (help != null) {
                ids.add(id() + "-help");
            }
            if (error != null) {
                ids.add(id() + "-error");
            }
            return ids.isEmpty() ? null : String.join(" ", ids);
        }

        public String value() {
            return values.isEmpty() ? "" : values.iterator().next();
        }

        public String conditionName() {
            return dependsOnPage ? parameter(question.condition().question()) : null;
        }

        public String conditionCodes() {
            return dependsOnPage ? question.condition().codes().stream().sorted().collect(Collectors.joining(","))
                    : null;
        }

        public boolean choice() {
            return question.kind() != QuestionKind.NUMBER && question.kind() != QuestionKind.FREE_TEXT;
        }

        public boolean multiple() {
            return question.kind() == QuestionKind.MULTIPLE_CHOICE;
        }

        /** A single choice that need not be answered offers "no answer". */
        public boolean offersNoAnswer() {
            return choice() && !multiple() && !question.required();
        }
    }

    record Choice(String code, String label) {
    }

    record HiddenAnswer(String name, String value) {
    }

    /** An error listed at the top of the page, linked to the field. */
    record PageError(String anchor, String message) {
    }

    /** Whether a question is on the page: it applies, or the question it depends on is on the same page. */
    static List<Question> shown(PublicSurvey survey, Section section, Map<QuestionId, List<String>> answers) {
        var onPage = section.questions().stream().map(Question::id).collect(Collectors.toSet());
        var shown = new ArrayList<Question>();
        var shownIds = new HashSet<QuestionId>();
        for (var question : section.questions()) {
            var condition = question.condition();
            boolean show = condition != null && onPage.contains(condition.question())
                    ? shownIds.contains(condition.question())
                    : AnswerRules.applies(survey.questionnaire(), question, answers);
            if (show) {
                shown.add(question);
                shownIds.add(question.id());
            }
        }
        return shown;
    }

    static SurveyPage of(PublicSurvey survey, int index, Map<QuestionId, List<String>> answers, String code,
            Map<QuestionId, String> errors, List<String> otherErrors, Locale locale) {
        var sections = survey.sections();
        var section = sections.get(index);
        var onPage = section.questions().stream().map(Question::id).collect(Collectors.toSet());
        var questions = new ArrayList<PageQuestion>();
        var pageErrors = new ArrayList<PageError>();
        otherErrors.forEach(message -> pageErrors.add(new PageError(null, message)));
        for (var question : shown(survey, section, answers)) {
            var condition = question.condition();
            boolean dependsOnPage = condition != null && onPage.contains(condition.question());
            String hint = null;
            String hintAnswers = null;
            if (dependsOnPage) {
                var dependsOn = survey.questionnaire().question(condition.question()).orElseThrow();
                hint = dependsOn.text().in(locale);
                hintAnswers = choices(dependsOn, survey, locale).stream()
                        .filter(c -> condition.codes().contains(c.code())).map(Choice::label)
                        .collect(Collectors.joining(" / "));
            }
            var error = errors.get(question.id());
            var page = new PageQuestion(question, question.text().in(locale),
                    question.help() == null ? null : question.help().in(locale), choices(question, survey, locale),
                    new java.util.LinkedHashSet<>(answers.getOrDefault(question.id(), List.of())), dependsOnPage, hint,
                    hintAnswers, error);
            questions.add(page);
            if (error != null) {
                pageErrors.add(new PageError(page.id() + "-0", page.text() + ": " + error));
            }
        }
        var hidden = new ArrayList<HiddenAnswer>();
        answers.forEach((question, values) -> {
            if (!onPage.contains(question)) {
                values.forEach(value -> hidden.add(new HiddenAnswer(parameter(question), value)));
            }
        });
        return new SurveyPage(survey, index + 1, sections.size(), section, questions, hidden, code,
                previous(survey, index, answers) < 0, next(survey, index, answers) < 0, pageErrors);
    }

    /** The index of the next page with a question on it, -1 if there is none. */
    static int next(PublicSurvey survey, int index, Map<QuestionId, List<String>> answers) {
        for (int i = index + 1; i < survey.sections().size(); i++) {
            if (!shown(survey, survey.sections().get(i), answers).isEmpty()) {
                return i;
            }
        }
        return -1;
    }

    static int previous(PublicSurvey survey, int index, Map<QuestionId, List<String>> answers) {
        for (int i = index - 1; i >= 0; i--) {
            if (!shown(survey, survey.sections().get(i), answers).isEmpty()) {
                return i;
            }
        }
        return -1;
    }

    static List<Choice> choices(Question question, PublicSurvey survey, Locale locale) {
        return switch (question.kind()) {
            case DISTRICT -> survey.districts().stream()
                    .map(d -> new Choice(d.id().value().toString(), d.name())).toList();
            case LIKERT -> {
                if (question.min() == null || question.max() == null) {
                    yield options(question, locale);
                }
                var labels = new HashMap<String, String>();
                question.options().forEach(o -> labels.put(o.code(), o.label().in(locale)));
                var points = new ArrayList<Choice>();
                for (int point = question.min(); point <= question.max(); point++) {
                    var code = String.valueOf(point);
                    points.add(new Choice(code, labels.containsKey(code) ? labels.get(code) : code));
                }
                yield points;
            }
            case NUMBER, FREE_TEXT -> List.of();
            default -> options(question, locale);
        };
    }

    private static List<Choice> options(Question question, Locale locale) {
        return question.options().stream().map(o -> new Choice(o.code(), o.label().in(locale))).toList();
    }

    /** The answers in the order of the questionnaire, for tests and the hidden fields. */
    static Map<QuestionId, List<String>> ordered(PublicSurvey survey, Map<QuestionId, List<String>> answers) {
        var result = new LinkedHashMap<QuestionId, List<String>>();
        survey.questionnaire().questions().forEach(q -> {
            if (answers.containsKey(q.id())) {
                result.put(q.id(), answers.get(q.id()));
            }
        });
        answers.forEach(result::putIfAbsent);
        return result;
    }
}

package de.sipa.surveys;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import de.sipa.shared.RuleViolationException;

/**
 * A question as typed into the editor's form, everything as text so that nothing typed is lost when it is refused.
 * Answer options are rows of code, German and English label ({@code code_0}, {@code label_0}, {@code labelEn_0} …); a
 * row without a code gets its number. The condition is the ticked answers of one earlier question, each sent as
 * {@code <question id>:<code>}.
 */
record QuestionForm(String kind, String section, String text, String textEn, String help, String helpEn,
        boolean required, String comparableKey, String min, String max, List<OptionRow> options,
        Set<String> condition) {

    static final int SPARE_ROWS = 3;
    static final int MIN_ROWS = 5;
    static final int MAX_ROWS = QuestionnaireRules.MAX_OPTIONS;

    record OptionRow(String code, String label, String labelEn) {

        boolean blank() {
            return code.isBlank() && label.isBlank() && labelEn.isBlank();
        }
    }

    static QuestionForm empty(QuestionKind kind, UUID section) {
        return new QuestionForm(kind.name(), section.toString(), "", "", "", "", false, "", "", "",
                rows(List.of(), 0), Set.of());
    }

    static QuestionForm of(Question question, UUID section) {
        var options = question.options().stream().map(o -> new OptionRow(o.code(), o.label().german(),
                o.label().english() == null ? "" : o.label().english())).toList();
        var condition = question.condition() == null ? Set.<String>of()
                : question.condition().codes().stream().map(c -> question.condition().question() + ":" + c)
                        .collect(Collectors.toSet());
        return new QuestionForm(question.kind().name(), section.toString(), question.text().german(),
                blankIfNull(question.text().english()), question.help() == null ? "" : question.help().german(),
                question.help() == null ? "" : blankIfNull(question.help().english()), question.required(),
                blankIfNull(question.comparableKey()), question.min() == null ? "" : question.min().toString(),
                question.max() == null ? "" : question.max().toString(), rows(options, 0), condition);
    }

    /** The form as sent: the named fields, the option rows and the ticked condition answers. */
    static QuestionForm read(Map<String, String> params, List<String> condition) {
        var options = new ArrayList<OptionRow>();
        for (int i = 0; i < MAX_ROWS && params.containsKey("label_" + i); i++) {
            options.add(new OptionRow(value(params, "code_" + i), value(params, "label_" + i),
                    value(params, "labelEn_" + i)));
        }
        return new QuestionForm(value(params, "kind"), value(params, "section"), value(params, "text"),
                value(params, "textEn"), value(params, "help"), value(params, "helpEn"),
                params.containsKey("required"), value(params, "comparableKey"), value(params, "min"),
                value(params, "max"), options, condition == null ? Set.of() : new HashSet<>(condition));
    }

    /** The same form with more empty rows for answers. */
    QuestionForm withMoreRows() {
        return new QuestionForm(kind, section, text, textEn, help, helpEn, required, comparableKey, min, max,
                rows(options, MIN_ROWS), condition);
    }

    /** The form with its rows trimmed to the filled ones and a few spare ones. */
    QuestionForm withSpareRows() {
        return new QuestionForm(kind, section, text, textEn, help, helpEn, required, comparableKey, min, max,
                rows(options, 0), condition);
    }

    QuestionKind parsedKind() {
        try {
            return QuestionKind.valueOf(kind);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new RuleViolationException("survey.question.kind.required");
        }
    }

    UUID parsedSection() {
        try {
            return UUID.fromString(section);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new RuleViolationException("survey.question.section.required");
        }
    }

    /** The question the form describes; the rules of a questionnaire are checked when it is saved. */
    Question toQuestion(QuestionId id) {
        var kind = parsedKind();
        if (text.isBlank()) {
            throw new RuleViolationException("survey.question.text.required");
        }
        var answers = new ArrayList<AnswerOption>();
        if (kind.hasOptions()) {
            for (var row : options) {
                if (row.blank()) {
                    continue;
                }
                if (row.label().isBlank()) {
                    throw new RuleViolationException("survey.option.label.required");
                }
                var code = row.code().isBlank() ? String.valueOf(answers.size() + 1) : row.code();
                answers.add(new AnswerOption(code, new Wording(row.label(), nullIfBlank(row.labelEn()))));
            }
        }
        Integer low = null;
        Integer high = null;
        if (kind == QuestionKind.NUMBER || kind == QuestionKind.LIKERT) {
            low = number(min);
            high = number(max);
            if (kind == QuestionKind.LIKERT && low == null && high == null) {
                low = 1;
                high = answers.stream().mapToInt(a -> a.code().matches("\\d{1,2}") ? Integer.parseInt(a.code()) : 0)
                        .max().orElse(0);
            }
        }
        return new Question(id, kind, new Wording(text, nullIfBlank(textEn)),
                help.isBlank() ? null : new Wording(help, nullIfBlank(helpEn)), required,
                nullIfBlank(comparableKey), low, high, answers, parsedCondition());
    }

    private QuestionCondition parsedCondition() {
        if (condition.isEmpty()) {
            return null;
        }
        var questions = new HashSet<UUID>();
        var codes = new HashSet<String>();
        for (var ticked : condition) {
            int colon = ticked.indexOf(':');
            try {
                questions.add(UUID.fromString(ticked.substring(0, Math.max(colon, 0))));
            } catch (IllegalArgumentException e) {
                throw new RuleViolationException("survey.condition.oneQuestion");
            }
            codes.add(ticked.substring(colon + 1));
        }
        if (questions.size() != 1) {
            throw new RuleViolationException("survey.condition.oneQuestion");
        }
        return new QuestionCondition(new QuestionId(questions.iterator().next()), codes);
    }

    private static Integer number(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(typed.strip());
        } catch (NumberFormatException e) {
            throw new RuleViolationException("survey.question.number.invalid");
        }
    }

    private static List<OptionRow> rows(List<OptionRow> typed, int extra) {
        var rows = new ArrayList<>(typed.stream().filter(r -> !r.blank()).toList());
        int wanted = Math.min(MAX_ROWS, Math.max(MIN_ROWS, rows.size() + SPARE_ROWS) + extra);
        while (rows.size() < wanted) {
            rows.add(new OptionRow("", "", ""));
        }
        return rows;
    }

    private static String value(Map<String, String> params, String name) {
        var value = params.get(name);
        return value == null ? "" : value.strip();
    }

    private static String blankIfNull(String value) {
        return value == null ? "" : value;
    }

    private static String nullIfBlank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

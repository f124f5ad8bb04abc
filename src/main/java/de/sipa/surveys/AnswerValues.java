package de.sipa.surveys;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.sipa.partners.District;

/**
 * The values a file's column holds for a choice question (a scale, a single or multiple choice, the district, age band
 * or gender) while an import reads it: each value counted and turned into the answer's code the user mapped it to,
 * else the answer whose code or label it is (German or English, any case; a district's name). A value left unmapped
 * stays unknown, so that the rules refuse its row; one mapped to {@link AnswerImportMapping#NO_ANSWER} is left out.
 */
final class AnswerValues {

    /** The most values of one question the preview offers to map; the rest keep their automatic mapping. */
    static final int SHOWN = 60;
    /** Marks a value that is not an answer, whatever it looks like, so that the rules refuse it. */
    private static final String UNKNOWN = "\u2260";

    private final Question question;
    private final String key;
    private final List<District> districts;
    private final AnswerImportMapping mapping;
    private final List<AnswerImportPreview.Choice> choices;
    private final Map<String, Long> counts = new LinkedHashMap<>();

    AnswerValues(Question question, List<District> districts, AnswerImportMapping mapping, Locale locale) {
        this.question = question;
        this.key = question.id().value().toString();
        this.districts = districts;
        this.mapping = mapping;
        this.choices = choices(question, districts, locale);
    }

    /** Whether a question's answers are one of its choices, so that a file's values are mapped to them. */
    static boolean maps(Question question) {
        return question.kind() != QuestionKind.NUMBER && question.kind() != QuestionKind.FREE_TEXT;
    }

    /** A cell as the codes a web response would send; a multiple choice's answers separated by "|" or ",". */
    List<String> codes(String cell) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        var values = question.kind() == QuestionKind.MULTIPLE_CHOICE ? List.of(cell.split("[|,]")) : List.of(cell);
        var codes = new ArrayList<String>();
        for (var value : values) {
            var wanted = value.strip();
            if (wanted.isEmpty()) {
                continue;
            }
            counts.merge(wanted, 1L, Long::sum);
            var target = target(wanted);
            if (target.equals(AnswerImportMapping.UNMAPPED)) {
                codes.add(UNKNOWN + wanted);
            } else if (!target.equals(AnswerImportMapping.NO_ANSWER)) {
                codes.add(target);
            }
        }
        return codes;
    }

    /** The values counted so far with the answer each is mapped to, for the preview. */
    AnswerImportPreview.Values found(String header, Locale locale) {
        var values = counts.entrySet().stream().sorted(Map.Entry.comparingByKey(String.CASE_INSENSITIVE_ORDER))
                .limit(SHOWN).map(e -> new AnswerImportPreview.Value(e.getKey(), e.getValue(), target(e.getKey())))
                .toList();
        return new AnswerImportPreview.Values(key, question.text().in(locale), header, values, choices,
                counts.size() - values.size());
    }

    /** The user's choice for a value where it is one of the answers (or no answer), else the automatic one. */
    private String target(String value) {
        var chosen = mapping.target(key, value);
        if (chosen != null) {
            return chosen.equals(AnswerImportMapping.NO_ANSWER)
                    || choices.stream().anyMatch(c -> c.code().equals(chosen)) ? chosen : AnswerImportMapping.UNMAPPED;
        }
        return automatic(value);
    }

    private String automatic(String value) {
        if (question.kind() == QuestionKind.DISTRICT) {
            return districts.stream().filter(d -> d.name().equalsIgnoreCase(value)
                    || d.id().value().toString().equalsIgnoreCase(value))
                    .map(d -> d.id().value().toString()).findFirst().orElse(AnswerImportMapping.UNMAPPED);
        }
        if (question.options().isEmpty()) {
            return choices.stream().map(AnswerImportPreview.Choice::code).filter(value::equals).findFirst()
                    .orElse(AnswerImportMapping.UNMAPPED);
        }
        return question.options().stream().filter(o -> o.code().equalsIgnoreCase(value)
                || o.label().in(Locale.GERMAN).equalsIgnoreCase(value)
                || o.label().in(Locale.ENGLISH).equalsIgnoreCase(value))
                .map(AnswerOption::code).findFirst().orElse(AnswerImportMapping.UNMAPPED);
    }

    /** The answers a value can be mapped to: the districts, the options, or a scale's points where it has none. */
    private static List<AnswerImportPreview.Choice> choices(Question question, List<District> districts,
            Locale locale) {
        if (question.kind() == QuestionKind.DISTRICT) {
            return districts.stream().sorted(Comparator.comparing(District::name))
                    .map(d -> new AnswerImportPreview.Choice(d.id().value().toString(), d.name())).toList();
        }
        if (question.options().isEmpty()) {
            return AnswerRules.codes(question, districts).stream().map(c -> new AnswerImportPreview.Choice(c, c))
                    .toList();
        }
        return question.options().stream()
                .map(o -> new AnswerImportPreview.Choice(o.code(), o.code() + " – " + o.label().in(locale))).toList();
    }
}

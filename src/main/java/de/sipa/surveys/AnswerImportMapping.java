package de.sipa.surveys;

import java.util.Map;

/**
 * How the coordinator maps an external wave's CSV file: the file's column per question and, per choice question, the
 * file's values to the question's answers. A value without an entry takes the answer whose code or label it is; one
 * mapped to {@link #UNMAPPED} stays as it is, so that its rows are refused; one mapped to {@link #NO_ANSWER} counts as
 * not answered.
 *
 * @param columns the file's (lower-cased) header per question id
 * @param values per question id, the file's value → an answer's code, {@link #UNMAPPED} or {@link #NO_ANSWER}
 */
public record AnswerImportMapping(Map<String, String> columns, Map<String, Map<String, String>> values) {

    /** Not mapped: the rows with this value are refused. */
    public static final String UNMAPPED = "";
    /** Mapped to no answer, as if the cell were empty. */
    public static final String NO_ANSWER = "~keine-angabe";

    public AnswerImportMapping {
        columns = Map.copyOf(columns);
        values = Map.copyOf(values);
    }

    /** Only the columns; every value taken as an answer's code or label. */
    public static AnswerImportMapping columns(Map<String, String> columns) {
        return new AnswerImportMapping(columns, Map.of());
    }

    /** The answer the user chose for a value of a question's column, {@code null} when none was chosen. */
    String target(String question, String value) {
        return values.getOrDefault(question, Map.of()).get(value);
    }
}

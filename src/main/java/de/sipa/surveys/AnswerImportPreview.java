package de.sipa.surveys;

import java.util.List;

import de.sipa.shared.CheckedRows;
import de.sipa.shared.ImportRow;

/**
 * What an import of an external wave's answers (an institute's or a paper survey's CSV file) would store: the file's
 * columns, the question each is assigned to, every row with its problems. Nothing is stored until the user confirms,
 * and only a file without a single bad row is imported.
 *
 * @param header the file's columns (lower-cased)
 * @param columns every question of the questionnaire with the file's column assigned to it ({@code null}: none)
 * @param values per choice question with a column, the file's values and the answer each is mapped to
 * @param rows every data row with its problems, in the user's language
 * @param fileErrors problems with the file as a whole (unreadable, no column assigned, one column for two questions)
 * @param stored the responses the wave already has (the import adds to them)
 */
public record AnswerImportPreview(List<String> header, List<Column> columns, List<Values> values,
        List<ImportRow> rows, List<String> fileErrors, int stored) implements CheckedRows {

    /** A question and the file's column assigned to it. */
    public record Column(String key, String question, String header) {
    }

    /**
     * A choice question's values in the file.
     *
     * @param values the distinct values (at most {@link AnswerValues#SHOWN}) with the answer each is mapped to
     * @param choices the answers a value can be mapped to
     * @param more how many further values the file has that are not shown
     */
    public record Values(String key, String question, String header, List<Value> values, List<Choice> choices,
            int more) {

        public long unmapped() {
            return values.stream().filter(Value::unmapped).count();
        }
    }

    /**
     * @param target the code of the answer the value is mapped to, {@link AnswerImportMapping#UNMAPPED} or
     *     {@link AnswerImportMapping#NO_ANSWER}
     */
    public record Value(String value, long count, String target) {

        public boolean unmapped() {
            return target.equals(AnswerImportMapping.UNMAPPED);
        }
    }

    /** An answer a value can be mapped to. */
    public record Choice(String code, String label) {
    }
}

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
 * @param rows every data row with its problems, in the user's language
 * @param fileErrors problems with the file as a whole (unreadable, no column assigned, one column for two questions)
 * @param stored the responses the wave already has (the import adds to them)
 */
public record AnswerImportPreview(List<String> header, List<Column> columns, List<ImportRow> rows,
        List<String> fileErrors, int stored) implements CheckedRows {

    /** A question and the file's column assigned to it. */
    public record Column(String key, String question, String header) {
    }
}

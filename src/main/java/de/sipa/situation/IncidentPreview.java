package de.sipa.situation;

import de.sipa.shared.CheckedRows;
import java.time.LocalDate;
import java.util.List;

import de.sipa.shared.ImportRow;

/**
 * What an import of police incidents would do under a mapping of its columns: nothing is stored until the user
 * confirms, and only a file without a bad row can be imported, since it replaces its whole period.
 *
 * @param header the file's columns (lower-cased)
 * @param from the first day of the file's incidents ({@code null} without a good row)
 * @param to the last day
 * @param replaced how many stored incidents of the period the import replaces
 */
public record IncidentPreview(List<String> header, IncidentMapping mapping, List<ImportRow> rows,
        List<String> fileErrors, LocalDate from, LocalDate to, int replaced) implements CheckedRows {
}

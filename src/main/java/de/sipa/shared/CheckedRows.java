package de.sipa.shared;

import java.util.List;

/**
 * What the previews of imports share (crime figures, police incidents, survey answers): every data row with its problems and the problems of
 * the file as a whole. Only a file without a single bad row can be imported, because an import replaces a whole year
 * or period, and half of one would mislead.
 */
public interface CheckedRows {

    List<ImportRow> rows();

    List<String> fileErrors();

    default long validCount() {
        return rows().stream().filter(ImportRow::valid).count();
    }

    default long invalidCount() {
        return rows().size() - validCount();
    }

    default boolean importable() {
        return fileErrors().isEmpty() && !rows().isEmpty() && invalidCount() == 0;
    }
}

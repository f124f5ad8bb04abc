package de.sipa.responsibilities;

import java.util.List;

import de.sipa.shared.ImportRow;

/** What a matrix import would add: the good rows are imported, in one change, only once the user confirms. */
public record MatrixImportPreview(List<ImportRow> rows, List<String> fileErrors) {

    public long validCount() {
        return rows.stream().filter(ImportRow::valid).count();
    }

    public long invalidCount() {
        return rows.size() - validCount();
    }

    public boolean importable() {
        return fileErrors.isEmpty() && validCount() > 0;
    }
}

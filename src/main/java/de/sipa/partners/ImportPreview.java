package de.sipa.partners;

import de.sipa.shared.ImportRow;
import java.util.List;

/** What an import would do: the good rows are imported only once the user confirms. */
public record ImportPreview(ImportKind kind, List<ImportRow> rows, List<String> fileErrors) {

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

package de.sipa.shared;

import java.util.List;

/**
 * One data row of an uploaded CSV file.
 *
 * @param line the line number in the file as a spreadsheet shows it (the header is line 1)
 * @param summary what the row would create, for the preview
 * @param errors why the row is rejected, in the user's language; empty for a good row
 */
public record ImportRow(long line, String summary, List<String> errors) {

    public boolean valid() {
        return errors.isEmpty();
    }
}

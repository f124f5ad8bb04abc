package de.sipa.situation;

import java.util.List;

/**
 * One data row of an uploaded PKS file in the preview.
 *
 * @param line the line in the file as a spreadsheet shows it (the header is line 1)
 * @param summary what the row says, for the preview
 * @param errors why the row cannot be imported, in the user's language; empty for a good row
 */
public record PksRow(long line, String summary, List<String> errors) {

    public PksRow {
        errors = List.copyOf(errors);
    }

    public boolean valid() {
        return errors.isEmpty();
    }
}

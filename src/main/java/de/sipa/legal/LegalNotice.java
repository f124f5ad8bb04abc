package de.sipa.legal;

import jakarta.validation.constraints.Size;

/**
 * What a partnership publishes about itself: the Impressum, the Datenschutzerklärung with its data protection
 * officer, and the Erklärung zur Barrierefreiheit. Texts are plain text (shown with their line breaks, never as
 * HTML). Also the coordinator's form.
 *
 * @param imprint {@code null}: the template
 * @param privacy {@code null}: the template
 * @param accessibility the accessibility statement; {@code null}: the template
 * @param dpoName name (or office) of the data protection officer; {@code null} while not named
 * @param dpoContact how to reach them: address, e-mail, phone
 */
public record LegalNotice(
        @Size(max = LegalNotice.MAX_IMPRINT) String imprint,
        @Size(max = LegalNotice.MAX_PRIVACY) String privacy,
        @Size(max = LegalNotice.MAX_ACCESSIBILITY) String accessibility,
        @Size(max = 200) String dpoName,
        @Size(max = 1000) String dpoContact) {

    static final int MAX_IMPRINT = 20_000;
    static final int MAX_PRIVACY = 40_000;
    static final int MAX_ACCESSIBILITY = 20_000;

    static final LegalNotice NOTHING_WRITTEN = new LegalNotice(null, null, null, null, null);

    /** Line breaks as in a file, blanks at either end gone, nothing as {@code null}. */
    static String cleaned(String text) {
        if (text == null) {
            return null;
        }
        var clean = text.replace("\r\n", "\n").replace('\r', '\n').strip();
        return clean.isEmpty() ? null : clean;
    }
}

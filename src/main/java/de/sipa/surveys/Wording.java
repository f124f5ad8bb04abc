package de.sipa.surveys;

import java.util.Locale;

/**
 * A text of a questionnaire in German and, where the coordination gave one, in English.
 *
 * @param english {@code null} or blank when there is no English wording
 */
public record Wording(String german, String english) {

    public Wording {
        if (german == null || german.isBlank()) {
            throw new IllegalArgumentException("A wording needs its German text");
        }
    }

    public static Wording german(String german) {
        return new Wording(german, null);
    }

    /** The wording for a reader of the locale: English for English readers where there is one, German otherwise. */
    public String in(Locale locale) {
        boolean english = locale != null && "en".equals(locale.getLanguage());
        return english && this.english != null && !this.english.isBlank() ? this.english : german;
    }
}

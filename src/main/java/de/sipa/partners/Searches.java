package de.sipa.partners;

/** Helpers for the free-text searches and optional fields of this module. */
final class Searches {

    private Searches() {
    }

    /** A case-insensitive LIKE pattern for a user's search text, or null for "no filter". */
    static String pattern(String search) {
        if (search == null || search.isBlank()) {
            return null;
        }
        var escaped = search.strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

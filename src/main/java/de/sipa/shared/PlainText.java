package de.sipa.shared;

/**
 * Text as people type it: control characters (NUL, bell, escape …) that a client may send along are dropped,
 * tab and line breaks are kept. PostgreSQL refuses NUL in text, XML 1.0 cannot carry the others.
 */
public final class PlainText {

    private PlainText() {
    }

    /** The text without control characters, lone surrogates and non-characters; {@code null} stays {@code null}. */
    public static String clean(String text) {
        if (text == null || text.codePoints().allMatch(PlainText::allowed)) {
            return text;
        }
        var out = new StringBuilder(text.length());
        text.codePoints().filter(PlainText::allowed).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static boolean allowed(int c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0x7F) || (c > 0x9F && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
    }
}

package de.sipa.partners;

/** One person as a vCard 3.0 (RFC 2426) entry, lines ending in CRLF. */
final class VCard {

    private VCard() {
    }

    static String of(DirectoryEntry entry) {
        var card = new StringBuilder();
        line(card, "BEGIN:VCARD");
        line(card, "VERSION:3.0");
        line(card, "N:" + escape(entry.lastName()) + ";" + escape(entry.firstName()) + ";;" + escape(entry.salutation()) + ";");
        line(card, "FN:" + escape(entry.fullName()));
        line(card, "ORG:" + escape(entry.organisation()));
        if (present(entry.function())) {
            line(card, "TITLE:" + escape(entry.function()));
        }
        if (present(entry.phone())) {
            line(card, "TEL;TYPE=WORK,VOICE:" + escape(entry.phone()));
        }
        if (present(entry.mobile())) {
            line(card, "TEL;TYPE=CELL:" + escape(entry.mobile()));
        }
        if (present(entry.email())) {
            line(card, "EMAIL;TYPE=INTERNET,WORK:" + escape(entry.email()));
        }
        if (!entry.bodies().isEmpty()) {
            line(card, "NOTE:" + escape("Gremien: " + String.join(", ", entry.bodies())));
        }
        line(card, "UID:urn:uuid:" + entry.id().value());
        line(card, "END:VCARD");
        return card.toString();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** Escapes per RFC 2426 and folds lines longer than 75 octets. */
    private static void line(StringBuilder card, String content) {
        var bytes = content.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (bytes.length <= 75) {
            card.append(content).append("\r\n");
            return;
        }
        int start = 0;
        int octets = 0;
        boolean first = true;
        for (int i = 0; i < content.length(); i = content.offsetByCodePoints(i, 1)) {
            int size = new String(Character.toChars(content.codePointAt(i)))
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (octets + size > (first ? 75 : 74)) {
                card.append(first ? "" : " ").append(content, start, i).append("\r\n");
                start = i;
                octets = 0;
                first = false;
            }
            octets += size;
        }
        card.append(first ? "" : " ").append(content.substring(start)).append("\r\n");
    }

    private static String escape(String value) {
        if (value == null) {
            return "";
        }
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
                .replace("\n", "\\n");
    }
}

package de.sipa.legal;

import java.util.ArrayList;
import java.util.List;

import de.sipa.partners.Partnership;

/**
 * One public legal page as citizens read it.
 *
 * @param text plain text; paragraphs are separated by blank lines
 * @param fromTemplate whether the coordinator has not written this text yet
 * @param dpoName the data protection officer, named on the privacy page; {@code null} while not named
 */
public record LegalPage(Partnership partnership, String text, boolean fromTemplate, String dpoName,
        String dpoContact) {

    /** The text's paragraphs, each as its lines: the page shows them with their breaks, escaped. */
    public List<List<String>> paragraphs() {
        return paragraphs(text);
    }

    public List<String> dpoContactLines() {
        return dpoContact == null ? List.of() : dpoContact.lines().toList();
    }

    static List<List<String>> paragraphs(String text) {
        var paragraphs = new ArrayList<List<String>>();
        var current = new ArrayList<String>();
        for (var line : (text == null ? "" : text).lines().toList()) {
            if (line.isBlank()) {
                if (!current.isEmpty()) {
                    paragraphs.add(List.copyOf(current));
                    current.clear();
                }
            } else {
                current.add(line.stripTrailing());
            }
        }
        if (!current.isEmpty()) {
            paragraphs.add(List.copyOf(current));
        }
        return List.copyOf(paragraphs);
    }
}

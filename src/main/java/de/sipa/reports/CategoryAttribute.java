package de.sipa.reports;

import java.util.List;

/**
 * An extra question of a category, e.g. "Anzahl Personen".
 *
 * @param choices for list types: key and German name of each value
 */
public record CategoryAttribute(String code, AttributeType type, boolean required, String description,
        List<Choice> choices) {

    public record Choice(String key, String name) {
    }

    public CategoryAttribute {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }
}

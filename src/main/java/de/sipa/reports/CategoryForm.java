package de.sipa.reports;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import de.sipa.responsibilities.TopicId;

/**
 * A category as typed into its form. Everything is kept as typed (text), so a page with mistakes comes back as it
 * was sent; {@link #toCategory} reads it and {@link CategoryRules} says what is wrong. The values of a list question
 * are one per line, {@code key = Name} or just the name (the key is made from it).
 *
 * @param attributes the questions in the order they are asked
 */
public record CategoryForm(String code, String name, String description, String topicId, String serviceLevelDays,
        Boolean moderated, Boolean descriptionRequired, String keywords, List<Question> attributes) {

    /** A question as typed; {@code type} is an {@link AttributeType}'s name. */
    public record Question(String code, String type, Boolean required, String description, String choices) {

        static Question empty() {
            return new Question("", AttributeType.STRING.name(), false, "", "");
        }
    }

    public CategoryForm {
        attributes = attributes == null ? List.of() : attributes.stream().filter(q -> q != null).toList();
    }

    static CategoryForm empty() {
        return new CategoryForm("", "", "", "", "3", false, false, "", List.of());
    }

    static CategoryForm of(Category category) {
        return new CategoryForm(category.code(), category.name(), category.description(),
                category.topic() == null ? "" : category.topic().value().toString(),
                String.valueOf(category.serviceLevelDays()), category.moderated(), category.descriptionRequired(),
                category.keywords(),
                category.attributes().stream().map(a -> new Question(a.code(), a.type().name(), a.required(),
                        a.description(), String.join("\n", a.choices().stream()
                                .map(c -> c.key() + " = " + c.name()).toList())))
                        .toList());
    }

    /**
     * The form after a row button: {@code add} appends an empty question, {@code remove-2}, {@code up-2},
     * {@code down-2} take out or move the third; anything else leaves it as it is.
     */
    CategoryForm withRows(String step) {
        var rows = new ArrayList<>(attributes);
        if ("add".equals(step)) {
            rows.add(Question.empty());
        } else if (step != null && step.matches("(remove|up|down)-\\d{1,3}")) {
            int i = Integer.parseInt(step.substring(step.indexOf('-') + 1));
            if (i < rows.size()) {
                if (step.startsWith("remove")) {
                    rows.remove(i);
                } else if (step.startsWith("up") && i > 0) {
                    rows.add(i - 1, rows.remove(i));
                } else if (step.startsWith("down") && i + 1 < rows.size()) {
                    rows.add(i + 1, rows.remove(i));
                }
            }
        }
        return new CategoryForm(code, name, description, topicId, serviceLevelDays, moderated, descriptionRequired,
                keywords, rows);
    }

    /** The category as entered; what cannot be read (days, topic, type) comes out so that the rules refuse it. */
    Category toCategory(CategoryId id) {
        return new Category(id, code, name, description, topic(), days(), Boolean.TRUE.equals(moderated), keywords,
                true, attributes.stream().map(q -> new CategoryAttribute(q.code(), type(q.type()),
                        Boolean.TRUE.equals(q.required()), q.description(), choices(q.choices()))).toList(),
                Boolean.TRUE.equals(descriptionRequired));
    }

    private TopicId topic() {
        if (topicId == null || topicId.isBlank()) {
            return null;
        }
        try {
            return new TopicId(UUID.fromString(topicId.strip()));
        } catch (IllegalArgumentException e) {
            return new TopicId(new UUID(0, 0));
        }
    }

    private int days() {
        try {
            return Integer.parseInt(serviceLevelDays == null ? "" : serviceLevelDays.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static AttributeType type(String type) {
        try {
            return type == null ? null : AttributeType.valueOf(type);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<CategoryAttribute.Choice> choices(String text) {
        if (text == null) {
            return List.of();
        }
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).map(line -> {
            int equals = line.indexOf('=');
            return equals < 0 ? new CategoryAttribute.Choice(key(line), line)
                    : new CategoryAttribute.Choice(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
        }).toList();
    }

    /** A key made from a value's name: "Spritzen gefunden" → {@code spritzen-gefunden}. */
    static String key(String name) {
        var folded = name.toLowerCase(Locale.GERMAN).replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
                .replace("ß", "ss");
        folded = Normalizer.normalize(folded, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        var key = folded.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return key.length() <= CategoryRules.MAX_CODE ? key : key.substring(0, CategoryRules.MAX_CODE).replaceAll("-+$", "");
    }
}

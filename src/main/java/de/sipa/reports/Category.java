package de.sipa.reports;

import java.util.List;

import de.sipa.responsibilities.TopicId;

/**
 * A kind of concern citizens and partners can report (Open311: a service), mapped to a topic of the
 * responsibility matrix, with the working days within which a first answer is due.
 *
 * @param topic {@code null} for "Sonstiges": such reports go to the coordinator
 * @param moderated reports are checked by the coordinator before they are routed and shown to the public
 * @param active {@code false} once retired: kept for the reports made in it, no longer offered for new ones
 * @param descriptionRequired reports need a description (GeoReport v2 makes it optional)
 */
public record Category(CategoryId id, String code, String name, String description, TopicId topic,
        int serviceLevelDays, boolean moderated, String keywords, boolean active, List<CategoryAttribute> attributes,
        boolean descriptionRequired) {

    public Category {
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
    }

    /** The code a category of this name gets: "Lärm und Ruhestörung" → {@code laerm-und-ruhestoerung}. */
    public static String codeFor(String name) {
        return CategoryForm.key(name);
    }

    /** A category whose reports need no description. */
    public Category(CategoryId id, String code, String name, String description, TopicId topic, int serviceLevelDays,
            boolean moderated, String keywords, boolean active, List<CategoryAttribute> attributes) {
        this(id, code, name, description, topic, serviceLevelDays, moderated, keywords, active, attributes, false);
    }

    /** No longer offered on forms nor in Open311; reports made in it keep it. */
    Category retired() {
        return new Category(id, code, name, description, topic, serviceLevelDays, moderated, keywords, false,
                attributes, descriptionRequired);
    }

    /** Offered again after it was retired. */
    Category offeredAgain() {
        return new Category(id, code, name, description, topic, serviceLevelDays, moderated, keywords, true,
                attributes, descriptionRequired);
    }

    /** The attribute with that code, if the category asks it. */
    public java.util.Optional<CategoryAttribute> attribute(String code) {
        return attributes.stream().filter(a -> a.code().equals(code)).findFirst();
    }
}

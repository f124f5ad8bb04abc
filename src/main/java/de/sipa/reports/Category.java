package de.sipa.reports;

import java.util.List;

import de.sipa.responsibilities.TopicId;

/**
 * A kind of concern citizens and partners can report (Open311: a service), mapped to a topic of the
 * responsibility matrix, with the working days within which a first answer is due.
 *
 * @param topic {@code null} for "Sonstiges": such reports go to the coordinator
 * @param moderated reports are checked by the coordinator before they are routed and get a public id
 * @param active {@code false} once retired: kept for the reports made in it, no longer offered for new ones
 */
public record Category(CategoryId id, String code, String name, String description, TopicId topic,
        int serviceLevelDays, boolean moderated, String keywords, boolean active, List<CategoryAttribute> attributes) {

    public Category {
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
    }

    /** No longer offered on forms nor in Open311; reports made in it keep it. */
    Category retired() {
        return new Category(id, code, name, description, topic, serviceLevelDays, moderated, keywords, false,
                attributes);
    }

    /** Offered again after it was retired. */
    Category offeredAgain() {
        return new Category(id, code, name, description, topic, serviceLevelDays, moderated, keywords, true,
                attributes);
    }

    /** The attribute with that code, if the category asks it. */
    public java.util.Optional<CategoryAttribute> attribute(String code) {
        return attributes.stream().filter(a -> a.code().equals(code)).findFirst();
    }
}

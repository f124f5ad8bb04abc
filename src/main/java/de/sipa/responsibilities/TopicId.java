package de.sipa.responsibilities;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

public record TopicId(UUID value) implements Serializable {

    public TopicId {
        Objects.requireNonNull(value, "value");
    }

    public static TopicId random() {
        return new TopicId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

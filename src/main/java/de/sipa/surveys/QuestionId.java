package de.sipa.surveys;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

public record QuestionId(UUID value) implements Serializable {

    public QuestionId {
        Objects.requireNonNull(value, "value");
    }

    public static QuestionId random() {
        return new QuestionId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

package de.sipa.surveys;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

public record QuestionnaireId(UUID value) implements Serializable {

    public QuestionnaireId {
        Objects.requireNonNull(value, "value");
    }

    public static QuestionnaireId random() {
        return new QuestionnaireId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

package de.sipa.operations;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

public record PatrolId(UUID value) implements Serializable {

    public PatrolId {
        Objects.requireNonNull(value, "value");
    }

    public static PatrolId random() {
        return new PatrolId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

package de.sipa.operations;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

public record PatrolAreaId(UUID value) implements Serializable {

    public PatrolAreaId {
        Objects.requireNonNull(value, "value");
    }

    public static PatrolAreaId random() {
        return new PatrolAreaId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

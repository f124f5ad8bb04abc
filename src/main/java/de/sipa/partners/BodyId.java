package de.sipa.partners;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

public record BodyId(UUID value) implements Serializable {

    public BodyId {
        Objects.requireNonNull(value, "value");
    }

    public static BodyId random() {
        return new BodyId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

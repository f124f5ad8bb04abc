package de.sipa.responsibilities;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

public record ReviewId(UUID value) implements Serializable {

    public ReviewId {
        Objects.requireNonNull(value, "value");
    }

    public static ReviewId random() {
        return new ReviewId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

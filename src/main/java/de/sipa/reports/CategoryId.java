package de.sipa.reports;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

public record CategoryId(UUID value) implements Serializable {

    public CategoryId {
        Objects.requireNonNull(value, "value");
    }

    public static CategoryId random() {
        return new CategoryId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

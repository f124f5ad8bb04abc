package de.sipa.prevention;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

public record ProjectId(UUID value) implements Serializable {

    public ProjectId {
        Objects.requireNonNull(value, "value");
    }

    public static ProjectId random() {
        return new ProjectId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

package de.sipa.responsibilities;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

public record TimeWindowId(UUID value) implements Serializable {

    public TimeWindowId {
        Objects.requireNonNull(value, "value");
    }

    public static TimeWindowId random() {
        return new TimeWindowId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

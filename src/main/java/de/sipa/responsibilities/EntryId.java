package de.sipa.responsibilities;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

public record EntryId(UUID value) implements Serializable {

    public EntryId {
        Objects.requireNonNull(value, "value");
    }

    public static EntryId random() {
        return new EntryId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

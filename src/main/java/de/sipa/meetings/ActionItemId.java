package de.sipa.meetings;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

public record ActionItemId(UUID value) implements Serializable {

    public ActionItemId {
        Objects.requireNonNull(value, "value");
    }

    public static ActionItemId random() {
        return new ActionItemId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

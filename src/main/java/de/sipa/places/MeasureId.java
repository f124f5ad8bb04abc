package de.sipa.places;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

public record MeasureId(UUID value) implements Serializable {

    public MeasureId {
        Objects.requireNonNull(value, "value");
    }

    public static MeasureId random() {
        return new MeasureId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

package de.sipa.places;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

public record PlaceId(UUID value) implements Serializable {

    public PlaceId {
        Objects.requireNonNull(value, "value");
    }

    public static PlaceId random() {
        return new PlaceId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

package de.sipa.prevention;

import java.util.Objects;
import java.util.UUID;

public record IndicatorId(UUID value) {

    public IndicatorId {
        Objects.requireNonNull(value, "value");
    }

    public static IndicatorId random() {
        return new IndicatorId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

package de.sipa.partners;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

public record DistrictId(UUID value) implements Serializable {

    public DistrictId {
        Objects.requireNonNull(value, "value");
    }

    public static DistrictId random() {
        return new DistrictId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

package de.sipa.operations;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

public record PatrolPlanId(UUID value) implements Serializable {

    public PatrolPlanId {
        Objects.requireNonNull(value, "value");
    }

    public static PatrolPlanId random() {
        return new PatrolPlanId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

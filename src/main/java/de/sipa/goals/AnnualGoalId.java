package de.sipa.goals;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

public record AnnualGoalId(UUID value) implements Serializable {

    public AnnualGoalId {
        Objects.requireNonNull(value, "value");
    }

    public static AnnualGoalId random() {
        return new AnnualGoalId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

package de.sipa.volunteers;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

public record VolunteerOfferId(UUID value) implements Serializable {

    public VolunteerOfferId {
        Objects.requireNonNull(value, "value");
    }

    public static VolunteerOfferId random() {
        return new VolunteerOfferId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

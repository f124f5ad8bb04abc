package de.sipa.volunteers;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** A citizen's sign-up for one offer: the volunteer of that offer. */
public record VolunteerId(UUID value) implements Serializable {

    public VolunteerId {
        Objects.requireNonNull(value, "value");
    }

    public static VolunteerId random() {
        return new VolunteerId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

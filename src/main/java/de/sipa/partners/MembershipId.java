package de.sipa.partners;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

public record MembershipId(UUID value) implements Serializable {

    public MembershipId {
        Objects.requireNonNull(value, "value");
    }

    public static MembershipId random() {
        return new MembershipId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

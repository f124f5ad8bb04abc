package de.sipa.shared;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** A partner organisation; shared because accounts (identity) and every capability refer to it. */
public record OrganisationId(UUID value) implements Serializable {

    public OrganisationId {
        Objects.requireNonNull(value, "value");
    }

    public static OrganisationId random() {
        return new OrganisationId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

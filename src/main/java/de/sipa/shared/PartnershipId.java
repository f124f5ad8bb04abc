package de.sipa.shared;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** The tenant every record belongs to; used by all modules, hence shared. */
public record PartnershipId(UUID value) implements Serializable {

    public PartnershipId {
        Objects.requireNonNull(value, "value");
    }

    public static PartnershipId random() {
        return new PartnershipId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

package de.sipa.places;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

public record SiteAuditId(UUID value) implements Serializable {

    public SiteAuditId {
        Objects.requireNonNull(value, "value");
    }

    public static SiteAuditId random() {
        return new SiteAuditId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

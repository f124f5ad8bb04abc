package de.sipa.reports;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

public record ReportId(UUID value) implements Serializable {

    public ReportId {
        Objects.requireNonNull(value, "value");
    }

    public static ReportId random() {
        return new ReportId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

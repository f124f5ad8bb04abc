package de.sipa.operations;

import java.util.UUID;

public record UrgentRequestId(UUID value) {

    public static UrgentRequestId random() {
        return new UrgentRequestId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

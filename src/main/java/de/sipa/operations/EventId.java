package de.sipa.operations;

import java.util.UUID;

public record EventId(UUID value) {

    public static EventId random() {
        return new EventId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

package de.sipa.prevention;

import java.util.UUID;

public record IdeaId(UUID value) {

    public static IdeaId random() {
        return new IdeaId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

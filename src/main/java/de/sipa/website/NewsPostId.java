package de.sipa.website;

import java.util.UUID;

public record NewsPostId(UUID value) {

    public static NewsPostId random() {
        return new NewsPostId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

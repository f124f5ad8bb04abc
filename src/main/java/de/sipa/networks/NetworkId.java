package de.sipa.networks;

import java.util.UUID;

public record NetworkId(UUID value) {

    public static NetworkId random() {
        return new NetworkId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

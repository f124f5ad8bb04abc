package de.sipa.meetings;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

public record MeetingId(UUID value) implements Serializable {

    public MeetingId {
        Objects.requireNonNull(value, "value");
    }

    public static MeetingId random() {
        return new MeetingId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

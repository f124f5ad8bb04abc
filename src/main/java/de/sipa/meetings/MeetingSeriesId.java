package de.sipa.meetings;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** A body's regular meetings of one year, planned in one step. */
public record MeetingSeriesId(UUID value) implements Serializable {

    public MeetingSeriesId {
        Objects.requireNonNull(value, "value");
    }

    public static MeetingSeriesId random() {
        return new MeetingSeriesId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

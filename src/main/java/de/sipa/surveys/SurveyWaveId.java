package de.sipa.surveys;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

public record SurveyWaveId(UUID value) implements Serializable {

    public SurveyWaveId {
        Objects.requireNonNull(value, "value");
    }

    public static SurveyWaveId random() {
        return new SurveyWaveId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

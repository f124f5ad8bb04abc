package de.sipa.operations;

import java.io.Serializable;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An observation noted during a patrol; serializable, since a refused one comes back with the reloaded page.
 *
 * @param attributes the answers to the category's extra questions, by question code
 */
public record ObservationForm(@NotNull UUID categoryId, UUID areaId, @Size(max = 300) String place,
        @NotBlank @Size(max = 4000) String description, Map<String, String> attributes) implements Serializable {

    public ObservationForm {
        attributes = attributes == null ? Map.of() : attributes;
    }

    static ObservationForm empty() {
        return new ObservationForm(null, null, null, null, Map.of());
    }
}

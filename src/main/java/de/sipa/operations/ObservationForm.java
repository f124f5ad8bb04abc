package de.sipa.operations;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An observation noted during a patrol. */
public record ObservationForm(@NotNull UUID categoryId, UUID areaId, @Size(max = 300) String place,
        @NotBlank @Size(max = 4000) String description) {
}

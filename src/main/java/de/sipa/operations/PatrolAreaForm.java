package de.sipa.operations;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What is entered for a patrol area: a name, the district, and the GeoJSON drawn on the map or pasted. */
public record PatrolAreaForm(@NotBlank @Size(max = 120) String name, UUID districtId, @NotBlank String geometry) {
}

package de.sipa.partners;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record BodyDetails(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Pattern(regexp = "^[A-Za-zÄÖÜäöü0-9]{1,20}$", message = "{validation.shortName}") String shortName,
        @NotNull BodyKind kind,
        @Size(max = 2000) String description) {

    public static BodyDetails empty() {
        return new BodyDetails("", "", BodyKind.WORKING_GROUP, "");
    }
}

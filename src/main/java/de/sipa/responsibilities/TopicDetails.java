package de.sipa.responsibilities;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record TopicDetails(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 2000) String description,
        @Size(max = 500) String legalBasis,
        boolean active) {

    public static TopicDetails empty() {
        return new TopicDetails("", "", "", true);
    }
}

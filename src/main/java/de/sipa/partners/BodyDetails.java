package de.sipa.partners;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What the coordination enters for a body.
 *
 * @param confidential vertraulich / nicht öffentlich: the public website, its feeds and the OParl API leave the body
 *     out
 */
public record BodyDetails(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Pattern(regexp = "^[A-Za-zÄÖÜäöü0-9]{1,20}$", message = "{validation.shortName}") String shortName,
        @NotNull BodyKind kind,
        @Size(max = 2000) String description,
        boolean confidential) {

    /** A public body (not confidential). */
    public BodyDetails(String name, String shortName, BodyKind kind, String description) {
        this(name, shortName, kind, description, false);
    }

    public static BodyDetails empty() {
        return new BodyDetails("", "", BodyKind.WORKING_GROUP, "");
    }
}

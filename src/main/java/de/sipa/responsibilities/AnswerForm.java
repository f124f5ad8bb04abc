package de.sipa.responsibilities;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An answer to an entry under review. A proposed change names who should take it and why; "not ours" says why.
 */
public record AnswerForm(
        @NotNull ReviewAnswer answer,
        UUID proposedOrganisationId,
        Responsibility proposedResponsibility,
        @Size(max = 500) String proposedResources,
        @Size(max = 2000) String reason) {
}

package de.sipa.responsibilities;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new entry the coordinator proposes, e.g. a lead for a gap. */
public record ProposalForm(
        @NotNull UUID topicId,
        UUID districtId,
        UUID timeWindowId,
        @NotNull UUID organisationId,
        @NotNull Responsibility responsibility,
        @Size(max = 500) String resources,
        @NotBlank @Size(max = 2000) String rationale) {
}

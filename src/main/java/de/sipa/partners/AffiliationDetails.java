package de.sipa.partners;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What is entered when a person starts working for a second organisation. */
public record AffiliationDetails(@NotNull UUID organisationId, @Size(max = 200) String function) {
}

package de.sipa.partners;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

public record MembershipDetails(@NotNull UUID personId, @NotNull MembershipRole role, @NotNull LocalDate startsOn,
        LocalDate endsOn) {
}

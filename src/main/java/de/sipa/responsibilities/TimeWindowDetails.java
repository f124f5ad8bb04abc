package de.sipa.responsibilities;

import java.time.LocalTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record TimeWindowDetails(@NotBlank @Size(max = 100) String name, @NotNull LocalTime startsAt,
        @NotNull LocalTime endsAt) {
}

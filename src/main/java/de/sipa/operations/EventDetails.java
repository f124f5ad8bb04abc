package de.sipa.operations;

import java.time.LocalDateTime;
import java.util.UUID;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The event form; times in the partnership's local time. */
public record EventDetails(@NotNull EventType type, @NotBlank @Size(max = 200) String name,
        @NotNull LocalDateTime startsAt,
        @NotNull LocalDateTime endsAt, UUID districtId,
        String area, @Min(0) Integer expectedAttendance, @NotNull RiskLevel riskLevel,
        @Size(max = 4000) String riskAssessment) {
}

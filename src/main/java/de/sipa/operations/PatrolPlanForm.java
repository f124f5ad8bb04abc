package de.sipa.operations;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * What is entered for a joint patrol plan; the staffing comes as one number per organisation beside it. A change of
 * a plan names the day it applies from.
 */
public record PatrolPlanForm(
        @NotBlank @Size(max = 200) String name,
        @NotEmpty List<DayOfWeek> weekdays,
        @NotNull @DateTimeFormat(pattern = "HH:mm") LocalTime startsAt,
        @NotNull @DateTimeFormat(pattern = "HH:mm") LocalTime endsAt,
        @NotNull LocalDate validFrom,
        @NotNull LocalDate validUntil,
        Boolean skipHolidays,
        @NotEmpty List<UUID> areaIds,
        LocalDate changesFrom) {
}

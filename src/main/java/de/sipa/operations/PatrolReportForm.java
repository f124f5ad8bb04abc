package de.sipa.operations;

import java.time.LocalTime;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** The patrol report as typed on a phone; times are clock times of the patrol night. */
public record PatrolReportForm(
        @NotNull @DateTimeFormat(pattern = "HH:mm") LocalTime startedAt,
        @NotNull @DateTimeFormat(pattern = "HH:mm") LocalTime endedAt,
        @Size(max = 4000) String places,
        @NotNull @Min(0) @Max(10000) Integer citizenContacts,
        @Size(max = 4000) String incidents,
        @Size(max = 4000) String measures) {
}

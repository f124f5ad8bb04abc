package de.sipa.meetings;

import java.time.LocalDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What is entered for a meeting; times in the city's zone. */
public record MeetingDetails(
        @NotNull UUID bodyId,
        @NotBlank @Size(max = 200) String title,
        @NotNull LocalDateTime startsAt,
        @NotNull LocalDateTime endsAt,
        @Size(max = 300) String location,
        @Size(max = 500) String videoLink) {
}

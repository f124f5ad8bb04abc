package de.sipa.responsibilities;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Opening a review: what is reviewed (nothing chosen: everything) and until when the partners answer. */
public record ReviewForm(
        @NotBlank @Size(max = 200) String title,
        @NotNull @FutureOrPresent LocalDate deadline,
        List<UUID> topicIds,
        List<UUID> districtIds) {

    public ReviewForm {
        topicIds = topicIds == null ? List.of() : List.copyOf(topicIds);
        districtIds = districtIds == null ? List.of() : List.copyOf(districtIds);
    }
}

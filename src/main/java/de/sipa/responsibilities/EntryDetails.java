package de.sipa.responsibilities;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An entry as entered in the form, with the reason every change of the matrix needs.
 *
 * @param resources e.g. "8 h/Woche; 2 Personen"
 */
public record EntryDetails(
        @NotNull UUID topicId,
        UUID districtId,
        UUID timeWindowId,
        @NotNull UUID organisationId,
        @NotNull Responsibility responsibility,
        @Size(max = 500) String resources,
        @Size(max = 1000) String note,
        @NotBlank @Size(max = 2000) String reason) {

    public static EntryDetails forTopic(UUID topic, UUID organisation) {
        return new EntryDetails(topic, null, null, organisation, Responsibility.LEAD, "", "", "");
    }
}

package de.sipa.operations;

import java.time.LocalDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The short-notice request form; the time in the partnership's local time.
 *
 * @param requestingOrganisation chosen by the coordination only; the partners ask for their own organisation
 */
public record UrgentRequestForm(UUID requestingOrganisation,
        @NotNull(message = "{urgentRequest.addressedTo.required}") UUID addressedOrganisation,
        @NotNull(message = "{urgentRequest.neededAt.required}") LocalDateTime neededAt,
        @NotBlank(message = "{urgentRequest.place.required}") @Size(max = 200, message = "{urgentRequest.place.tooLong}")
        String place,
        UUID districtId,
        @NotBlank(message = "{urgentRequest.what.required}") @Size(max = 1000, message = "{urgentRequest.what.tooLong}")
        String what,
        @NotNull(message = "{urgentRequest.urgency.required}") Urgency urgency) {
}

package de.sipa.partners;

import java.util.Arrays;
import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import de.sipa.shared.FederalState;

/**
 * A new partnership with its districts (one name per line), its Land (whose public holidays count) and its first
 * coordinator, who works for the coordination office created with it.
 */
public record NewPartnership(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Pattern(regexp = "^[a-z0-9][a-z0-9-]{1,58}[a-z0-9]$", message = "{validation.slug}") String slug,
        @NotBlank @Size(max = 5000) String districts,
        @NotBlank @Size(max = 200) String coordinationOffice,
        @NotBlank @Pattern(regexp = "^[A-Za-z0-9._-]{3,100}$", message = "{validation.username}") String coordinatorUsername,
        @NotBlank @Size(max = 200) String coordinatorName,
        @Email @Size(max = 200) String coordinatorEmail,
        @NotBlank @Size(min = 12, max = 200, message = "{validation.password}") String coordinatorPassword,
        @NotNull(message = "{partnership.federalState.required}") FederalState federalState) {

    public static NewPartnership empty() {
        return new NewPartnership("", "", "", "Kommunale Kriminalprävention", "", "", "", "", null);
    }

    public List<String> districtNames() {
        return Arrays.stream(districts.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).distinct()
                .toList();
    }
}

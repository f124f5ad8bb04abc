package de.sipa.web;

import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import de.sipa.identity.Role;

/** A new account for staff of a partner organisation, opened by the coordinator. */
record AccountForm(
        @NotBlank @Pattern(regexp = "^[A-Za-z0-9._-]{3,100}$", message = "{validation.username}") String username,
        @NotBlank @Size(max = 200) String displayName,
        @Email @Size(max = 200) String email,
        @NotNull UUID organisationId,
        @NotNull Role role,
        @NotBlank @Size(min = 12, max = 200, message = "{validation.password}") String password) {

    static AccountForm empty() {
        return new AccountForm("", "", "", null, Role.PARTNER, "");
    }
}

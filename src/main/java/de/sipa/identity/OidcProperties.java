package de.sipa.identity;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How an OIDC login (e.g. a municipal Keycloak) maps to a SiPa account. The identity provider
 * authenticates; the account (partnership, organisation) must exist in SiPa. The role comes from a claim
 * when one of its values is mapped, else from the account.
 *
 * @param usernameClaim claim naming the SiPa account
 * @param roleClaim claim carrying role names or groups (string or list)
 * @param roles claim value to role, e.g. {@code sipa-koordination: COORDINATOR}
 */
@ConfigurationProperties("sipa.oidc")
record OidcProperties(
        @DefaultValue("preferred_username") String usernameClaim,
        @DefaultValue("groups") String roleClaim,
        Map<String, Role> roles) {

    OidcProperties {
        roles = roles == null ? Map.of() : Map.copyOf(roles);
    }
}

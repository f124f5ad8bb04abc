package de.sipa.identity;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Accounts and sessions as the installation wants them ({@code sipa.security.*}).
 *
 * @param trustedProxies addresses or CIDR ranges of the reverse proxies whose {@code X-Forwarded-For} is believed;
 *        from any other peer the header is ignored
 * @param requireTotpFor roles that must log in with a second factor (TOTP), e.g. {@code COORDINATOR,ADMIN}
 * @param loginDelayCap the longest wait progressive login delays impose on one user name
 * @param passwordResetValidity how long a password reset link works
 */
@ConfigurationProperties("sipa.security")
record SecuritySettings(
        List<String> trustedProxies,
        Set<Role> requireTotpFor,
        @DefaultValue("PT15M") Duration loginDelayCap,
        @DefaultValue("PT30M") Duration passwordResetValidity) {

    SecuritySettings {
        trustedProxies = trustedProxies == null ? List.of()
                : trustedProxies.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        requireTotpFor = requireTotpFor == null ? Set.of() : Set.copyOf(requireTotpFor);
    }

    boolean requiresTotp(Role role) {
        return requireTotpFor.contains(role);
    }
}

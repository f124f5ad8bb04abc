package de.sipa.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Supplier;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may read the metrics: a scraper presenting the configured bearer token, or a logged-in administrator. A
 * scraper has no session and no account; the token is compared in constant time.
 */
final class MetricsScrape implements AuthorizationManager<RequestAuthorizationContext> {

    private final byte[] token;

    MetricsScrape(String token) {
        this.token = token == null || token.isBlank() ? null : ("Bearer " + token.strip()).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
            RequestAuthorizationContext context) {
        var header = context.getRequest().getHeader("Authorization");
        if (token != null && header != null
                && MessageDigest.isEqual(token, header.getBytes(StandardCharsets.UTF_8))) {
            return new AuthorizationDecision(true);
        }
        var user = authentication.get();
        return new AuthorizationDecision(user != null && user.isAuthenticated() && user.getAuthorities().stream()
                .anyMatch(a -> ("ROLE_" + Role.ADMIN.name()).equals(a.getAuthority())));
    }
}

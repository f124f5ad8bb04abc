package de.sipa.operations;

import java.time.LocalDateTime;
import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import de.sipa.Fixtures;

/** Acting as one of a test city's accounts, and a plain event to plan for. */
final class OperationsTestSupport {

    private OperationsTestSupport() {
    }

    static <T> T as(Fixtures fixtures, String username, Supplier<T> work) {
        var user = fixtures.user(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    static void as(Fixtures fixtures, String username, Runnable work) {
        as(fixtures, username, () -> {
            work.run();
            return null;
        });
    }

    static EventDetails festival(String name, LocalDateTime start) {
        return new EventDetails(EventType.VOLKSFEST, name, start, start.plusDays(2), null, null, 50_000,
                RiskLevel.HIGH, "Enge Zugänge");
    }
}

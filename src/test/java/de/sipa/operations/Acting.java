package de.sipa.operations;

import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import de.sipa.Fixtures;

/** Test steps taken by a logged-in account (its role and organisation count, as in a request). */
final class Acting {

    private Acting() {
    }

    static <T> T asUser(Fixtures fixtures, String username, Supplier<T> work) {
        var user = fixtures.user(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    static void asUser(Fixtures fixtures, String username, Runnable work) {
        asUser(fixtures, username, () -> {
            work.run();
            return null;
        });
    }
}

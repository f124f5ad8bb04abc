package de.sipa.identity;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import de.sipa.shared.PartnershipId;

/** Who is acting, and therefore which partnership every query is scoped to. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<SipaUser> find() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SipaPrincipal principal) {
            return Optional.of(principal.sipaUser());
        }
        return Optional.empty();
    }

    public static SipaUser get() {
        return find().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("No SiPa user"));
    }

    public static PartnershipId partnership() {
        return get().partnership();
    }

    /** Runs work as the given user, e.g. SiPa's own jobs as {@link SipaUser#system}, and restores the caller. */
    public static <T> T runAs(SipaUser user, Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new Acting(user), null,
                List.of(new SimpleGrantedAuthority(user.role().authority()))));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static void runAs(SipaUser user, Runnable work) {
        runAs(user, () -> {
            work.run();
            return null;
        });
    }

    private record Acting(SipaUser sipaUser) implements SipaPrincipal {

        @Override
        public String toString() {
            return sipaUser.username();
        }
    }
}

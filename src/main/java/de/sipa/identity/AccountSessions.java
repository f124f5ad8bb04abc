package de.sipa.identity;

import java.util.Objects;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Ends the sessions of an account at once, on every instance (sessions live in PostgreSQL): when it is disabled or
 * its role or password changes, so nobody keeps working with rights they no longer have.
 */
@Component
class AccountSessions {

    private final FindByIndexNameSessionRepository<?> sessions;

    AccountSessions(FindByIndexNameSessionRepository<?> sessions) {
        this.sessions = sessions;
    }

    /** Ends every session of the user. */
    void endAll(String username) {
        endAllBut(username, null);
    }

    /** Ends every session of the user except the one given (the user's own, after changing the password). */
    void endAllBut(String username, String keep) {
        for (var id : sessions.findByPrincipalName(username).keySet()) {
            if (!Objects.equals(id, keep)) {
                sessions.deleteById(id);
            }
        }
    }
}

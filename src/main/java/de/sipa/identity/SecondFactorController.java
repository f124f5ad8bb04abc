package de.sipa.identity;

import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second step of a login with a second factor: after the right password the authentication waits in the
 * session (not yet in the security context) until a current TOTP code or an unused recovery code follows, within
 * {@link #PATIENCE}. Wrong codes count as failed logins of the user name (progressive delays, audit trail).
 */
@Controller
class SecondFactorController {

    static final Duration PATIENCE = Duration.ofMinutes(5);
    private static final String PENDING = "sipa.secondFactorPending";

    private record Pending(Authentication authentication, Instant since) implements Serializable {
    }

    private final Credentials credentials;
    private final LoginThrottle throttle;
    private final AuditTrail auditTrail;
    private final SecurityContextRepository contextRepository;
    private final Clock clock;
    private final SavedRequestAwareAuthenticationSuccessHandler onward = new SavedRequestAwareAuthenticationSuccessHandler();

    SecondFactorController(Credentials credentials, LoginThrottle throttle, AuditTrail auditTrail,
            SecurityContextRepository contextRepository, Clock clock) {
        this.credentials = credentials;
        this.throttle = throttle;
        this.auditTrail = auditTrail;
        this.contextRepository = contextRepository;
        this.clock = clock;
        onward.setRequestCache(new CookieRequestCache());
    }

    static void awaitSecondFactor(HttpServletRequest request, Authentication authentication, Instant now) {
        request.getSession().setAttribute(PENDING, new Pending(authentication, now));
    }

    @GetMapping("/login/totp")
    String form(HttpServletRequest request) {
        return pending(request) == null ? "redirect:/login" : "identity/totp-login";
    }

    @PostMapping("/login/totp")
    void verify(@RequestParam(defaultValue = "") String code, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        var pending = pending(request);
        if (pending == null) {
            response.sendRedirect(request.getContextPath() + "/login?expired");
            return;
        }
        var user = ((SipaPrincipal) pending.authentication().getPrincipal()).sipaUser();
        var wait = throttle.waitBefore(user.username(), request.getRemoteAddr());
        if (wait.isPresent()) {
            response.sendRedirect(request.getContextPath() + "/login/totp?blocked=" + (wait.get().toMillis() + 999) / 1000);
            return;
        }
        if (!credentials.verifySecondFactor(user.accountId(), code.length() > 40 ? "" : code)) {
            throttle.recordFailure(user.username(), request.getRemoteAddr());
            auditTrail.recordLogin(user, false, request.getRemoteAddr(), "zweiter Faktor");
            response.sendRedirect(request.getContextPath() + "/login/totp?error");
            return;
        }
        request.getSession().removeAttribute(PENDING);
        request.changeSessionId();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(pending.authentication());
        SecurityContextHolder.setContext(context);
        contextRepository.saveContext(context, request, response);
        request.getSession().setAttribute(SecurityConfiguration.AUTHENTICATED_AT, clock.instant());
        throttle.recordSuccess(user.username());
        auditTrail.recordLogin(user, true, request.getRemoteAddr(), "Passwort und zweiter Faktor");
        onward.onAuthenticationSuccess(request, response, pending.authentication());
    }

    private Pending pending(HttpServletRequest request) {
        var session = request.getSession(false);
        if (session == null || !(session.getAttribute(PENDING) instanceof Pending pending)) {
            return null;
        }
        if (pending.since().plus(PATIENCE).isBefore(clock.instant())) {
            session.removeAttribute(PENDING);
            return null;
        }
        return pending;
    }
}

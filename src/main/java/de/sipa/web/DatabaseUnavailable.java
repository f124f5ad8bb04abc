package de.sipa.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import de.sipa.shared.DatabaseFaults;

/**
 * While PostgreSQL is down (restarted, failed over, unreachable) every request answers 503 with Retry-After, so
 * that browsers, Open311 apps and the load balancer try again instead of seeing a 500; the connection pool finds the
 * database again by itself once it is back. Runs before the session filter, which is the first to need the
 * database.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class DatabaseUnavailable extends OncePerRequestFilter {

    static final int RETRY_AFTER_SECONDS = 30;
    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);

    private final MessageSource messages;

    DatabaseUnavailable(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!unreachable(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("Database unavailable, answering 503 to {} {}: {}", request.getMethod(), request.getRequestURI(),
                    e.toString());
            response.reset();
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
            response.setContentType("text/plain;charset=UTF-8");
            response.getOutputStream().write(messages.getMessage("error.databaseUnavailable",
                    new Object[] {RETRY_AFTER_SECONDS}, LocaleContextHolder.getLocale()).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Whether the failure is the database not answering at all, not a fault of one statement. */
    static boolean unreachable(Throwable failure) {
        return DatabaseFaults.unreachable(failure);
    }
}

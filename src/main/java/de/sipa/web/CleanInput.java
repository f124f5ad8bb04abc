package de.sipa.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import de.sipa.shared.CleanParameters;

/**
 * Every form and filter of the app gets its parameters without control characters, as Open311 does
 * ({@code Open311Guard}): a NUL in a search box would otherwise reach PostgreSQL, which refuses it. Nothing typed
 * is lost but the invisible characters.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class CleanInput extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/open311/") || path.startsWith("/css/") || path.startsWith("/js/")
                || path.startsWith("/webjars/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (RuntimeException e) {
            // An upload over the size limit, a malformed escape: left to Spring, whose answer names the problem
            // (the upload limit's page, 413).
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(new CleanParameters(request, parameters), response);
    }
}

package de.sipa.reports.open311;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses oversized Open311 posts with the spec's 413 before the body is read (the multipart limit would
 * otherwise end on an HTML error page).
 */
@Component
class Open311SizeLimit extends OncePerRequestFilter {

    /** A 5 MB photo and the form fields. */
    static final long MAX_REQUEST_BYTES = 6L * 1024 * 1024;

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().substring(request.getContextPath().length()).startsWith("/open311/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_REQUEST_BYTES) {
            var error = Open311Writer.error(Open311Format.ofPath(request.getRequestURI()), 413,
                    "The request is too large; media may have at most 5 MB");
            response.setStatus(413);
            response.setContentType(error.getHeaders().getContentType().toString());
            response.getOutputStream().write(error.getBody());
            return;
        }
        chain.doFilter(request, response);
    }
}

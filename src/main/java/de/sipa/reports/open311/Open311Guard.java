package de.sipa.reports.open311;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.regex.Pattern;

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
 * What every Open311 request passes before anything reads it, so that bad input gets the spec's error and never a
 * 500 with a stack trace:
 * <ul>
 * <li>an oversized post is refused with 413 before its body is read (the multipart limit would otherwise end on an
 * HTML error page);</li>
 * <li>the parameters are decoded in the charset the client names in {@code Content-Type} (UTF-8 when it names none);
 * a malformed escape ({@code %ZZ}) or bytes that are not valid in that charset (ISO-8859-1 sent as UTF-8) are
 * refused with 400;</li>
 * <li>control characters are dropped from every parameter.</li>
 * </ul>
 * It runs right after the character encoding filter, before Spring Security, which may read parameters too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class Open311Guard extends OncePerRequestFilter {

    private static final Pattern CHARSET = Pattern.compile(";\\s*charset\\s*=\\s*\"?([^\";\\s]*)",
            Pattern.CASE_INSENSITIVE);

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
            refuse(request, response, 413, "The request is too large; media may have at most 5 MB");
            return;
        }
        var charset = declaredCharset(request.getContentType());
        if (charset == null) {
            refuse(request, response, 400, "The Content-Type names an unknown charset; send UTF-8");
            return;
        }
        if (!charset.isEmpty()) {
            request.setCharacterEncoding(charset);
        }
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (RuntimeException e) {
            // Tomcat's InvalidParameterException (an IllegalStateException), or a multipart body it cannot read.
            refuse(request, response, 400, "The parameters could not be decoded: send them URL-encoded in UTF-8, "
                    + "or name the charset in the Content-Type (e.g. charset=ISO-8859-1)");
            return;
        }
        chain.doFilter(new CleanParameters(request, parameters), response);
    }

    /** The charset named in a Content-Type; empty if none is named, {@code null} if it is unknown. */
    static String declaredCharset(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return "";
        }
        var named = CHARSET.matcher(contentType);
        if (!named.find()) {
            return "";
        }
        var name = named.group(1);
        try {
            return Charset.isSupported(name) ? Charset.forName(name).name() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status,
            String description) throws IOException {
        var error = Open311Writer.error(Open311Format.ofPath(request.getRequestURI()), status, description);
        response.setStatus(status);
        response.setContentType(error.getHeaders().getContentType().toString());
        response.getOutputStream().write(error.getBody());
    }
}

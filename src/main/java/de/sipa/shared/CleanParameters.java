package de.sipa.shared;

import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose parameters' names and values lost their control characters ({@link PlainText}): PostgreSQL
 * refuses NUL, and no form field needs a bell or an escape.
 */
public final class CleanParameters extends HttpServletRequestWrapper {

    private final Map<String, String[]> parameters;

    public CleanParameters(HttpServletRequest request, Map<String, String[]> raw) {
        super(request);
        var cleaned = new LinkedHashMap<String, String[]>();
        raw.forEach((name, values) -> {
            var copy = new String[values.length];
            for (int i = 0; i < values.length; i++) {
                copy[i] = PlainText.clean(values[i]);
            }
            cleaned.merge(PlainText.clean(name), copy, (a, b) -> {
                var both = java.util.Arrays.copyOf(a, a.length + b.length);
                System.arraycopy(b, 0, both, a.length, b.length);
                return both;
            });
        });
        this.parameters = Collections.unmodifiableMap(cleaned);
    }

    @Override
    public String getParameter(String name) {
        var values = parameters.get(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    @Override
    public String[] getParameterValues(String name) {
        var values = parameters.get(name);
        return values == null ? null : values.clone();
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return parameters;
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(parameters.keySet());
    }
}

package de.sipa.shared;

import java.net.URI;
import java.net.URISyntaxException;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;

/**
 * The address SiPa is reached at from outside ({@code sipa.base-url}, environment {@code SIPA_BASE_URL}), for every
 * absolute link: in e-mails, calendar subscriptions, OParl and Open311. Links are never built from a request's
 * {@code Host} header, which a client chooses freely. Production must name it (start fails without); the demo
 * defaults to {@code http://localhost:${PORT}}. Bound once at start ({@code SipaApplication}), injected where needed.
 *
 * @param value absolute http(s) URL without a trailing slash, e.g. {@code https://sipa.stadt.de} or
 *        {@code https://stadt.de/sipa}
 */
@ConfigurationProperties("sipa")
public record BaseUrl(@Name("base-url") String value) {

    public static final String PROPERTY = "sipa.base-url";
    public static final String ENVIRONMENT_VARIABLE = "SIPA_BASE_URL";

    public BaseUrl {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(PROPERTY + " is not set: set the environment variable "
                    + ENVIRONMENT_VARIABLE + " (or --" + PROPERTY + "=…) to the address users reach SiPa at, e.g. "
                    + ENVIRONMENT_VARIABLE + "=https://sipa.example.de; e-mails link to it");
        }
        value = value.strip();
        while (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(PROPERTY + " (" + ENVIRONMENT_VARIABLE + ") is no valid URL: " + value, e);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalStateException(PROPERTY + " (" + ENVIRONMENT_VARIABLE
                    + ") must be an absolute http(s) URL without query, e.g. https://sipa.example.de, not: " + value);
        }
    }

    /** The absolute URL of a path of the application, e.g. {@code link("/reports/42")}. */
    public String link(String path) {
        return value + (path.startsWith("/") ? path : "/" + path);
    }

    @Override
    public String toString() {
        return value;
    }
}

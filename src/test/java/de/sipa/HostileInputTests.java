package de.sipa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every page, download, form and action, collected from the MVC mappings (so a new one is covered without editing
 * this test), called as the coordinator and as the public with hostile values in each of its request parameters,
 * each field of a form bound to a record, and the usual filter names: NUL and other control characters, dates beyond PostgreSQL's years,
 * numbers beyond a long, markup, path traversal, a very long text. None may answer 5xx, and a request refused with a
 * 4xx stores nothing: no row of the partnership's, in any table that has a {@code partnership_id} (the audit trail
 * among them), is added, changed away or removed.
 */
@SipaIntegrationTest
class HostileInputTests {

    static final List<String> HOSTILE = List.of("a\u0000b\u001b", "-999999999-01-01", "+999999999-12-31",
            "99999999999999999999", "-1", "2026-13-45", "'\"><script>alert(1)</script>--", "../../../../etc/passwd",
            "\uD800x\uFFFF", "x".repeat(20_000));
    /** Filter names bound to query objects rather than single parameters. */
    static final Set<String> USUAL = Set.of("q", "text", "search", "from", "to", "day", "month", "year", "page",
            "status", "category", "district", "organisation", "body", "function", "source", "cell", "bandwidth",
            "week", "until", "queue", "overdue", "kind", "type", "sort", "size");
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    JdbcClient jdbc;

    @Test
    void noHostileParameterGetsA500FromAnyPageOrForm() throws Exception {
        var city = fixtures.city();
        var slug = "stadt-" + city.key();
        var coordinator = user(fixtures.user(city.coordinator()));
        var failures = new ArrayList<String>();
        var stored = new ArrayList<String>();
        var rows = new TenantRows(jdbc, city.id().value());
        int requests = 0;
        for (var entry : mappings.getHandlerMethods().entrySet()) {
            var info = entry.getKey();
            var methods = info.getMethodsCondition().getMethods();
            boolean post = methods.contains(RequestMethod.POST);
            if (!methods.isEmpty() && !methods.contains(RequestMethod.GET) && !post) {
                continue;
            }
            var names = new LinkedHashSet<>(USUAL);
            for (var parameter : entry.getValue().getMethodParameters()) {
                var param = parameter.getParameterAnnotation(RequestParam.class);
                if (param != null) {
                    names.add(!param.name().isEmpty() ? param.name()
                            : !param.value().isEmpty() ? param.value() : parameter.getParameterName());
                } else if (parameter.getParameterType().isRecord()) {
                    // A form bound to a record: every field of it.
                    for (var component : parameter.getParameterType().getRecordComponents()) {
                        names.add(component.getName());
                    }
                }
            }
            for (var pattern : info.getPatternValues()) {
                if (pattern.contains("**") || pattern.equals("/error")) {
                    continue;
                }
                var path = VARIABLE.matcher(pattern).replaceAll(m -> m.group(1).equals("slug") ? slug
                        : UUID.randomUUID().toString());
                for (var hostile : HOSTILE) {
                    for (boolean asCoordinator : new boolean[] {true, false}) {
                        MockHttpServletRequestBuilder request = post ? post(path).with(csrf()) : get(path);
                        for (var name : names) {
                            if (name != null) {
                                request = request.param(name, hostile);
                            }
                        }
                        if (asCoordinator) {
                            request = request.with(coordinator);
                        }
                        int status;
                        String problem = "";
                        try {
                            status = mvc.perform(request).andReturn().getResponse().getStatus();
                        } catch (Exception e) {
                            // MockMvc hands on what no handler took; a servlet container would answer 500.
                            status = 500;
                            var cause = e.getCause() == null ? e : e.getCause();
                            problem = " → " + cause.getClass().getSimpleName() + ": " + cause.getMessage();
                        }
                        requests++;
                        var who = (asCoordinator ? "coordinator " : "public ") + (post ? "POST " : "GET ") + pattern
                                + " with " + printable(hostile);
                        if (status >= 500) {
                            failures.add(status + " " + who + problem);
                        }
                        // What was refused leaves no trace; what was taken in is the new baseline.
                        var changed = rows.changedSinceLast();
                        if (status >= 400 && status < 500 && !changed.isEmpty()) {
                            stored.add(status + " " + who + " changed " + changed);
                        }
                    }
                }
            }
        }
        System.out.println("HostileInputTests: " + requests + " requests, " + failures.size() + " answered 5xx, "
                + stored.size() + " refused but stored (checking took " + rows.checkingNanos / 1_000_000_000 + " s)");
        assertThat(failures).isEmpty();
        assertThat(stored).as("requests answered 4xx that changed the partnership's rows").isEmpty();
    }

    static String printable(String value) {
        var shown = value.length() > 40 ? value.substring(0, 20) + "…(" + value.length() + ")" : value;
        return shown.codePoints().mapToObj(c -> c < 0x20 || (c >= 0xD800 && c <= 0xDFFF) || c == 0xFFFF
                ? String.format("\\u%04x", c) : Character.toString(c)).reduce("", String::concat);
    }
}

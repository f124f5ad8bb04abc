package de.sipa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import de.sipa.identity.Accounts;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.NewAccount;
import de.sipa.identity.Role;
import de.sipa.identity.SipaUser;

/**
 * Every page, download, form and action of the app, collected from the MVC mappings, called without login and as
 * each role of a partnership (the police and the Ordnungsamt as two partners, since some pages depend on the kind of
 * organisation), and compared with one declared table, {@code endpoint-access.txt} next to this class. An endpoint
 * without a line fails, with the line it would need, so a new endpoint cannot slip in undeclared.
 *
 * <p>Outcomes: {@code Y} served (anything but a refusal), {@code N} refused (403), {@code L} sent to the login (only
 * without login). Requests carry no parameters and random ids: an endpoint that answers 400 for a missing parameter,
 * or 404 for an id it looks up before it checks the role, counts as either; the cross-tenant checks with real ids
 * are in the modules' tests.
 */
@SipaIntegrationTest
class EndpointAccessTests {

    static final String TABLE = "endpoint-access.txt";
    static final List<String> WHO = List.of("anonymous", "admin", "coordinator", "police", "publicOrder", "steering");
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Accounts accounts;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointAnswersEveryRoleAsTheTableDeclares() throws Exception {
        var city = fixtures.city();
        var slug = "stadt-" + city.key();
        var admin = "admin-" + city.key();
        CurrentUser.runAs(SipaUser.system(city.id()), () -> accounts.open(new NewAccount(city.id(), null, admin,
                "Anna Admin", null, Fixtures.PASSWORD, Role.ADMIN)));
        var as = new LinkedHashMap<String, RequestPostProcessor>();
        as.put("anonymous", request -> request);
        as.put("admin", user(fixtures.user(admin)));
        as.put("coordinator", user(fixtures.user(city.coordinator())));
        as.put("police", user(fixtures.user(city.policeUser())));
        as.put("publicOrder", user(fixtures.user(city.publicOrderUser())));
        as.put("steering", user(fixtures.user(city.steeringUser())));

        var declared = declared();
        var observed = new TreeMap<String, String>();
        var wrong = new ArrayList<String>();
        for (var entry : mappings.getHandlerMethods().entrySet()) {
            var info = entry.getKey();
            var methods = info.getMethodsCondition().getMethods();
            for (var method : List.of(RequestMethod.GET, RequestMethod.POST)) {
                if (!methods.isEmpty() && !methods.contains(method)) {
                    continue;
                }
                for (var pattern : info.getPatternValues()) {
                    if (pattern.equals("/error")) {
                        continue;
                    }
                    boolean byId = VARIABLE.matcher(pattern.replace("{slug}", "")).find();
                    var path = VARIABLE.matcher(pattern.replace("**", "x")).replaceAll(m -> m.group(1).equals("slug")
                            ? slug : UUID.randomUUID().toString());
                    var key = method + " " + pattern;
                    var outcomes = new StringBuilder();
                    var expected = declared.get(key);
                    for (var who : as.entrySet()) {
                        MockHttpServletRequestBuilder request = method == RequestMethod.POST
                                ? post(path).with(csrf()) : get(path);
                        var response = mvc.perform(request.with(who.getValue())).andReturn().getResponse();
                        char outcome = outcome(response.getStatus(), response.getRedirectedUrl(), byId);
                        outcomes.append(outcome == '?' && expected != null ? expected.charAt(outcomes.length())
                                : outcome);
                    }
                    observed.put(key, outcomes.toString());
                    if (expected != null && !expected.contentEquals(outcomes)) {
                        wrong.add(key + ": declared " + expected + ", answered " + outcomes);
                    }
                }
            }
        }
        var undeclared = observed.entrySet().stream().filter(e -> !declared.containsKey(e.getKey()))
                .map(e -> line(e.getKey(), e.getValue())).toList();
        var gone = declared.keySet().stream().filter(k -> !observed.containsKey(k)).toList();
        System.out.println("EndpointAccessTests: " + observed.size() + " endpoints × " + WHO.size() + " callers = "
                + observed.size() * WHO.size() + " requests");
        assertThat(undeclared).as("endpoints without a line in %s (the lines as they answer now; check them)", TABLE)
                .isEmpty();
        assertThat(gone).as("lines in %s for endpoints that no longer exist", TABLE).isEmpty();
        assertThat(wrong).as("endpoints that answer otherwise than %s declares (%s)", TABLE, String.join(" ", WHO))
                .isEmpty();
    }

    /** Y served, N refused, L sent to the login; {@code ?} a 400 or the 404 of a random id, which may be either. */
    private static char outcome(int status, String redirect, boolean byId) {
        if (status == 401 || (redirect != null && redirect.contains("/login"))) {
            return 'L';
        }
        if (status == 403) {
            return 'N';
        }
        // a form or action without its parameters is refused as a bad request before any role is asked
        return (status == 404 && byId) || status == 400 ? '?' : 'Y';
    }

    private static String line(String key, String outcomes) {
        var parts = key.split(" ", 2);
        return String.format("%-5s %-70s %s", parts[0], parts[1], String.join(" ", outcomes.split("")));
    }

    private static Map<String, String> declared() throws Exception {
        var table = new LinkedHashMap<String, String>();
        try (var reader = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                EndpointAccessTests.class.getResourceAsStream(TABLE), TABLE), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                var fields = line.split("\\s+");
                assertThat(fields).as("line of %s: %s", TABLE, line).hasSize(2 + WHO.size());
                var key = fields[0] + " " + fields[1];
                assertThat(String.join("", List.of(fields).subList(2, fields.length))).as("outcomes of %s", key)
                        .matches("[YNL]+");
                assertThat(table.put(key, String.join("", List.of(fields).subList(2, fields.length))))
                        .as("%s twice in %s", key, TABLE).isNull();
            }
        }
        return table;
    }
}

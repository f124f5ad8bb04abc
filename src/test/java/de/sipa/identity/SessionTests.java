package de.sipa.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.web.servlet.MockMvc;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.web.support.WebTestUtils;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.web.context.WebApplicationContext;

import de.sipa.Fixtures;
import de.sipa.SipaIntegrationTest;

/** Sessions end when the account's rights change, have an absolute lifetime, and anonymous visitors get none. */
@SipaIntegrationTest
class SessionTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcIndexedSessionRepository sessions;

    @Test
    void disablingAnAccountEndsItsOpenSessionAtOnce() throws Exception {
        var city = fixtures.city();
        var session = logIn(city.policeUser());
        mvc.perform(get("/directory").cookie(session)).andExpect(status().isOk());

        mvc.perform(post("/accounts/" + accountId(city, city.policeUser()) + "/enabled")
                .with(user(fixtures.user(city.coordinator()))).with(csrf()).param("enabled", "false"))
                .andExpect(status().is3xxRedirection());

        assertThat(sessionsOf(city.policeUser())).isZero();
        mvc.perform(get("/directory").cookie(session)).andExpect(redirectedUrl("/login"));
    }

    @Test
    void changingTheRoleEndsTheSessionsAndTheNextLoginHasTheNewRole() throws Exception {
        var city = fixtures.city();
        var session = logIn(city.policeUser());

        mvc.perform(post("/accounts/" + accountId(city, city.policeUser()) + "/role")
                .with(user(fixtures.user(city.coordinator()))).with(csrf()).param("role", "STEERING"))
                .andExpect(redirectedUrl("/accounts"));

        assertThat(sessionsOf(city.policeUser())).isZero();
        mvc.perform(get("/directory").cookie(session)).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/login").with(csrf()).param("username", city.policeUser()).param("password", Fixtures.PASSWORD)
                .with(request -> {
                    request.setRemoteAddr("10.77.0.1");
                    return request;
                })).andExpect(authenticated().withRoles("STEERING"));
    }

    @Test
    void aSessionEndsAfterItsAbsoluteLifetimeHoweverActive() throws Exception {
        var now = Instant.parse("2026-12-02T20:00:00Z");
        var filter = new SecurityConfiguration.AbsoluteLifetimeFilter(Duration.ofHours(12), Clock.fixed(now, ZoneOffset.UTC));

        var young = new MockHttpSession();
        young.setAttribute(SecurityConfiguration.AUTHENTICATED_AT, now.minus(Duration.ofHours(11)));
        var chain = new MockFilterChain();
        var request = new MockHttpServletRequest("GET", "/directory");
        request.setSession(young);
        filter.doFilter(request, new MockHttpServletResponse(), chain);
        assertThat(chain.getRequest()).isNotNull();
        assertThat(young.isInvalid()).isFalse();

        var old = new MockHttpSession();
        old.setAttribute(SecurityConfiguration.AUTHENTICATED_AT, now.minus(Duration.ofHours(12)).minusSeconds(1));
        chain = new MockFilterChain();
        request = new MockHttpServletRequest("GET", "/directory");
        request.setSession(old);
        var response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        assertThat(chain.getRequest()).isNull();
        assertThat(old.isInvalid()).isTrue();
        assertThat(response.getRedirectedUrl()).isEqualTo("/login?expired");
    }

    @Test
    void theSessionStoreNeverAsksWhoIsActing() {
        // Who is acting is found in the session. Asking while loading it loaded it again, nested, on every request.
        @SuppressWarnings({"unchecked", "rawtypes"})
        SessionRepository<Session> store = (SessionRepository) sessions; // its session class is not public
        var session = store.createSession();
        session.setAttribute("seen", "yes");
        store.save(session);
        SecurityContextHolder.setDeferredContext(() -> {
            throw new AssertionError("the session store asked who is acting");
        });
        try {
            assertThat(store.findById(session.getId()).<String>getAttribute("seen")).isEqualTo("yes");
            store.deleteById(session.getId());
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(store.findById(session.getId())).isNull();
    }

    @Test
    void anonymousRequestsCreateNoSessionRow() throws Exception {
        var city = fixtures.city();
        // Spring Security's csrf() test helper swaps the CSRF token repository of the shared filter chain for one in
        // the session; put the application's own (cookie) repository back for this test.
        var any = new MockHttpServletRequest(context.getServletContext(), "GET", "/login");
        var swapped = WebTestUtils.getCsrfTokenRepository(any);
        WebTestUtils.setCsrfTokenRepository(any, new CookieCsrfTokenRepository());
        try {
            anonymousPagesCreateNoSessionRow(city);
        } finally {
            WebTestUtils.setCsrfTokenRepository(any, swapped);
        }
    }

    private void anonymousPagesCreateNoSessionRow(Fixtures.City city) throws Exception {
        long before = allSessions();
        mvc.perform(get("/login")).andExpect(status().isOk());
        mvc.perform(get("/login/reset")).andExpect(status().isOk());
        mvc.perform(get("/directory")).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/buerger/stadt-" + city.key() + "/melden"));
        mvc.perform(get("/buerger/stadt-" + city.key() + "/karte"));
        mvc.perform(get("/open311/v2/services.json").param("jurisdiction_id", "stadt-" + city.key()))
                .andExpect(status().isOk());
        mvc.perform(get("/oparl/v1.1")).andExpect(status().isOk());
        mvc.perform(get("/login").param("lang", "en")).andExpect(status().isOk());
        assertThat(allSessions()).isEqualTo(before);
    }

    private Cookie logIn(String username) throws Exception {
        var result = mvc.perform(post("/login").with(csrf()).param("username", username)
                        .param("password", Fixtures.PASSWORD).with(request -> {
                            request.setRemoteAddr("10.77.0.2");
                            return request;
                        }))
                .andExpect(authenticated()).andReturn();
        var cookie = result.getResponse().getCookie("SIPA_SESSION");
        assertThat(cookie).isNotNull();
        assertThat(result.getResponse().getHeaders("Set-Cookie")).anySatisfy(header -> assertThat(header)
                .startsWith("SIPA_SESSION=").contains("HttpOnly").contains("SameSite=Lax"));
        assertThat(sessionsOf(username)).isEqualTo(1);
        return cookie;
    }

    private UUID accountId(Fixtures.City city, String username) {
        return CurrentUser.runAs(SipaUser.system(city.id()), accounts::ofMyPartnership).stream()
                .filter(a -> a.username().equals(username)).findFirst().orElseThrow().id();
    }

    private long sessionsOf(String username) {
        return jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = ?").param(username)
                .query(Long.class).single();
    }

    private long allSessions() {
        return jdbc.sql("SELECT count(*) FROM spring_session").query(Long.class).single();
    }
}

package de.sipa.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import de.sipa.Fixtures;
import de.sipa.SipaIntegrationTest;

@SipaIntegrationTest
class LoginTests {

    private static final AtomicInteger ADDRESS = new AtomicInteger(10);

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void coordinatorLogsInWithTheFormAndLandsOnTheStartPage() throws Exception {
        var city = fixtures.city();
        mvc.perform(login(city.coordinator(), Fixtures.PASSWORD, nextAddress()))
                .andExpect(redirectedUrl("/"))
                .andExpect(authenticated().withUsername(city.coordinator()).withRoles("COORDINATOR"));
    }

    @Test
    void theSessionIsStoredInPostgresSoThatAnyInstanceCanServeIt() throws Exception {
        var city = fixtures.city();
        mvc.perform(login(city.coordinator(), Fixtures.PASSWORD, nextAddress())).andExpect(authenticated());
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = ?").param(city.coordinator())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void wrongPasswordGetsTheGenericMessageWithoutSayingWhetherTheUserExists() throws Exception {
        var city = fixtures.city();
        var address = nextAddress();
        mvc.perform(login(city.coordinator(), "wrong", address))
                .andExpect(redirectedUrl("/login?error"))
                .andExpect(unauthenticated());
        mvc.perform(login("nobody-" + city.key(), "wrong", address))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/login").param("error", ""))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "Die Anmeldung ist fehlgeschlagen. Bitte prüfen Sie Benutzername und Passwort.")));
    }

    @Test
    void afterFiveFailuresEvenTheRightPasswordIsRefusedForAWhile() throws Exception {
        var city = fixtures.city();
        var address = nextAddress();
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_USERNAME; i++) {
            mvc.perform(login(city.coordinator(), "wrong-" + i, address)).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(login(city.coordinator(), Fixtures.PASSWORD, nextAddress()))
                .andExpect(redirectedUrl("/login?blocked"))
                .andExpect(unauthenticated());
    }

    @Test
    void anotherUserIsNotThrottledBySomeoneElsesFailures() throws Exception {
        var city = fixtures.city();
        var address = nextAddress();
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_USERNAME; i++) {
            mvc.perform(login(city.policeUser(), "wrong-" + i, address));
        }
        mvc.perform(login(city.coordinator(), Fixtures.PASSWORD, nextAddress()))
                .andExpect(authenticated().withUsername(city.coordinator()));
    }

    @Test
    void pagesNeedALoginAndSendSecurityHeaders() throws Exception {
        mvc.perform(get("/directory")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("frame-ancestors 'none'")));
    }

    @Test
    void loginWithoutCsrfTokenIsRefused() throws Exception {
        var city = fixtures.city();
        mvc.perform(post("/login").param("username", city.coordinator()).param("password", Fixtures.PASSWORD))
                .andExpect(status().isForbidden())
                .andExpect(unauthenticated());
    }

    private static MockHttpServletRequestBuilder login(String username, String password, String address) {
        return post("/login").param("username", username).param("password", password).with(csrf())
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                });
    }

    private static String nextAddress() {
        return "10.0.0." + ADDRESS.incrementAndGet();
    }
}

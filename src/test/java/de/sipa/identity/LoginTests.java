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
    void afterFiveFailuresTheNextAttemptWaitsTwoSecondsThenTheRightPasswordWorks() throws Exception {
        var city = fixtures.city();
        var address = nextAddress();
        for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_USERNAME; i++) {
            mvc.perform(login(city.coordinator(), "wrong-" + i, address)).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(login(city.coordinator(), Fixtures.PASSWORD, nextAddress()))
                .andExpect(redirectedUrl("/login?blocked=2"))
                .andExpect(unauthenticated());
        // a delay, not a lockout: once the two seconds have passed, the right password works again
        jdbc.sql("UPDATE identity_login_failure SET failed_at = failed_at - interval '3 seconds' WHERE username = ?")
                .param(city.coordinator()).update();
        mvc.perform(login(city.coordinator(), Fixtures.PASSWORD, nextAddress()))
                .andExpect(authenticated().withUsername(city.coordinator()));
    }

    @Test
    void eachFurtherFailureDoublesTheDelayUpToTheCap() {
        assertThat(LoginThrottle.delayAfter(4, 5, java.time.Duration.ofMinutes(15))).isZero();
        assertThat(LoginThrottle.delayAfter(5, 5, java.time.Duration.ofMinutes(15))).hasSeconds(2);
        assertThat(LoginThrottle.delayAfter(6, 5, java.time.Duration.ofMinutes(15))).hasSeconds(4);
        assertThat(LoginThrottle.delayAfter(9, 5, java.time.Duration.ofMinutes(15))).hasSeconds(32);
        assertThat(LoginThrottle.delayAfter(1000, 5, java.time.Duration.ofMinutes(15))).hasMinutes(15);
        assertThat(LoginThrottle.delayAfter(1000, LoginThrottle.FREE_FAILURES_PER_ADDRESS,
                LoginThrottle.ADDRESS_DELAY_CAP)).as("one address, e.g. a proxy, waits a minute at most").hasMinutes(1);
    }

    @Test
    void loginsAndFailedLoginsAreInTheAuditTrail() throws Exception {
        var city = fixtures.city();
        mvc.perform(login(city.policeUser(), "wrong", nextAddress())).andExpect(redirectedUrl("/login?error"));
        mvc.perform(login(city.policeUser(), Fixtures.PASSWORD, "10.9.9.9")).andExpect(authenticated());
        assertThat(jdbc.sql("SELECT action || ' ' || summary FROM identity_audit_entry WHERE actor = ? ORDER BY id")
                .param(city.policeUser()).query(String.class).list())
                .satisfiesExactly(
                        failed -> assertThat(failed).startsWith("LOGIN_FAILED"),
                        success -> assertThat(success).startsWith("LOGGED_IN").contains("10.9.9.9"));
    }

    @Test
    void aSpoofedForwardedForFromAnUntrustedPeerNeitherBypassesNorShiftsTheAddressLimit() throws Exception {
        var city = fixtures.city();
        var attacker = nextAddress();
        for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_ADDRESS; i++) {
            mvc.perform(login("guess-" + i + "-" + city.key(), "wrong", attacker)
                    .header("X-Forwarded-For", "198.51.100." + i)).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(login(city.coordinator(), Fixtures.PASSWORD, attacker).header("X-Forwarded-For", "198.51.100.200"))
                .andExpect(redirectedUrl("/login?blocked=2"));
        // the spoofed addresses were not blamed
        mvc.perform(login(city.coordinator(), Fixtures.PASSWORD, "198.51.100.3"))
                .andExpect(authenticated());
    }

    @Test
    void behindATrustedProxyEachClientHasItsOwnAddressLimit() throws Exception {
        var city = fixtures.city();
        var proxy = "192.0.2.10";
        var guesser = "203.0.113." + ADDRESS.incrementAndGet() % 250;
        for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_ADDRESS; i++) {
            mvc.perform(login("guess-" + i + "-" + city.key(), "wrong", proxy).header("X-Forwarded-For", guesser))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(login(city.policeUser(), Fixtures.PASSWORD, proxy).header("X-Forwarded-For", guesser))
                .andExpect(redirectedUrl("/login?blocked=2"));
        // another client behind the same proxy logs in
        mvc.perform(login(city.coordinator(), Fixtures.PASSWORD, proxy).header("X-Forwarded-For", "203.0.113.251"))
                .andExpect(authenticated());
    }

    @Test
    void anotherUserIsNotThrottledBySomeoneElsesFailures() throws Exception {
        var city = fixtures.city();
        var address = nextAddress();
        for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_USERNAME; i++) {
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

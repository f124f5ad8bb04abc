package de.sipa.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import de.sipa.Fixtures;
import de.sipa.SipaIntegrationTest;

/** A user's own password (change, reset by e-mail link) and second factor (TOTP, recovery codes). */
@SipaIntegrationTest
class CredentialsTests {

    private static final AtomicInteger ADDRESS = new AtomicInteger();
    private static final String NEW_PASSWORD = "Fahrrad unter der Brücke 7";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theUserChangesTheirPasswordWithTheOldOneAndTheirOtherSessionsEnd() throws Exception {
        var city = fixtures.city();
        var other = loginCookie(city.policeUser(), Fixtures.PASSWORD);
        var mine = loginCookie(city.policeUser(), Fixtures.PASSWORD);

        mvc.perform(post("/account/password").cookie(mine).with(csrf()).param("current", "falsch-falsch-falsch")
                        .param("password", NEW_PASSWORD).param("repeat", NEW_PASSWORD))
                .andExpect(flash().attribute("problem", "Das bisherige Passwort ist nicht richtig."));
        mvc.perform(post("/account/password").cookie(mine).with(csrf()).param("current", Fixtures.PASSWORD)
                        .param("password", "password1234").param("repeat", "password1234"))
                .andExpect(flash().attribute("problem", org.hamcrest.Matchers.containsString("zu verbreitet")));
        var changed = mvc.perform(post("/account/password").cookie(mine).with(csrf()).param("current", Fixtures.PASSWORD)
                        .param("password", NEW_PASSWORD).param("repeat", NEW_PASSWORD))
                .andExpect(flash().attribute("success", "password.changed")).andReturn();

        var renewed = changed.getResponse().getCookie("SIPA_SESSION");
        mvc.perform(get("/account").cookie(renewed != null ? renewed : mine)).andExpect(status().isOk());
        mvc.perform(get("/directory").cookie(other)).andExpect(redirectedUrl("/login"));
        mvc.perform(login(city.policeUser(), Fixtures.PASSWORD)).andExpect(unauthenticated());
        mvc.perform(login(city.policeUser(), NEW_PASSWORD)).andExpect(authenticated());
    }

    @Test
    void aResetLinkByMailSetsANewPasswordOnceAndTheAnswerDoesNotTellWhetherTheUserExists() throws Exception {
        var city = fixtures.city();
        var email = city.policeUser() + "@stadt.example";
        var forUnknown = mvc.perform(post("/login/reset").with(csrf()).param("name", "niemand-" + city.key()))
                .andExpect(redirectedUrl("/login/reset?sent")).andReturn();
        var forKnown = mvc.perform(post("/login/reset").with(csrf()).param("name", city.policeUser()))
                .andExpect(redirectedUrl("/login/reset?sent")).andReturn();
        assertThat(forKnown.getResponse().getContentAsString()).isEqualTo(forUnknown.getResponse().getContentAsString());

        var body = jdbc.sql("SELECT body FROM notifications_mail WHERE recipient = ?").param(email)
                .query(String.class).single();
        var matcher = Pattern.compile("http://localhost(/login/reset/[A-Za-z0-9_-]+)").matcher(body);
        assertThat(matcher.find()).isTrue();
        var link = matcher.group(1);
        assertThat(jdbc.sql("SELECT count(*) FROM identity_password_reset WHERE token_hash = ?")
                .param(link.substring(link.lastIndexOf('/') + 1)).query(Long.class).single())
                .as("only the hash of the token is stored").isZero();

        mvc.perform(get(link)).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.model().attribute("usable", true));
        mvc.perform(post(link).with(csrf()).param("password", "kurz").param("repeat", "kurz"))
                .andExpect(status().isOk());
        mvc.perform(post(link).with(csrf()).param("password", NEW_PASSWORD).param("repeat", NEW_PASSWORD))
                .andExpect(redirectedUrl("/login?reset"));
        mvc.perform(login(city.policeUser(), NEW_PASSWORD)).andExpect(authenticated());

        mvc.perform(post(link).with(csrf()).param("password", "Noch ein anderes Passwort")
                        .param("repeat", "Noch ein anderes Passwort"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.model().attribute("usable", false));
        mvc.perform(login(city.policeUser(), "Noch ein anderes Passwort")).andExpect(unauthenticated());
    }

    @Test
    void anExpiredResetLinkDoesNothing() throws Exception {
        var city = fixtures.city();
        mvc.perform(post("/login/reset").with(csrf()).param("name", city.policeUser() + "@stadt.example"))
                .andExpect(redirectedUrl("/login/reset?sent"));
        var body = jdbc.sql("SELECT body FROM notifications_mail WHERE recipient = ?")
                .param(city.policeUser() + "@stadt.example").query(String.class).single();
        var matcher = Pattern.compile("http://localhost(/login/reset/[A-Za-z0-9_-]+)").matcher(body);
        assertThat(matcher.find()).isTrue();
        jdbc.sql("UPDATE identity_password_reset SET expires_at = now() - interval '1 second' WHERE account_id IN "
                + "(SELECT id FROM identity_account WHERE username = ?)").param(city.policeUser()).update();
        mvc.perform(post(matcher.group(1)).with(csrf()).param("password", NEW_PASSWORD).param("repeat", NEW_PASSWORD))
                .andExpect(status().isOk());
        mvc.perform(login(city.policeUser(), NEW_PASSWORD)).andExpect(unauthenticated());
    }

    @Test
    void withASecondFactorThePasswordAloneDoesNotLogIn() throws Exception {
        var city = fixtures.city();
        var coordinator = fixtures.user(city.coordinator());
        var enrolment = mvc.perform(get("/account/totp").with(user(coordinator))).andExpect(status().isOk()).andReturn();
        var session = enrolment.getResponse().getCookie("SIPA_SESSION");
        var page = enrolment.getResponse().getContentAsString();
        var secretMatch = Pattern.compile("class=\"totp-secret\">([A-Z2-7 ]+)<").matcher(page);
        assertThat(secretMatch.find()).isTrue();
        assertThat(page).contains("otpauth://totp/SiPa:" + city.coordinator() + "?secret=");
        var secret = Totp.fromBase32(secretMatch.group(1));

        var codesPage = mvc.perform(post("/account/totp").cookie(session).with(user(coordinator)).with(csrf())
                        .param("code", Totp.code(secret, Instant.now())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var codes = Pattern.compile("<code>([a-z2-7]{5}-[a-z2-7]{5})</code>").matcher(codesPage).results()
                .map(m -> m.group(1)).toList();
        assertThat(codes).hasSize(Credentials.RECOVERY_CODES);

        // the password alone: not logged in, on to the second step
        var step = mvc.perform(login(city.coordinator(), Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/login/totp")).andExpect(unauthenticated()).andReturn();
        var pending = step.getResponse().getCookie("SIPA_SESSION");
        mvc.perform(get("/directory").cookie(pending)).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/login/totp").cookie(pending).with(csrf()).param("code", "000000"))
                .andExpect(redirectedUrl("/login/totp?error"));
        // the code of the next time step (the current one was used for the enrolment; each works once)
        var done = mvc.perform(post("/login/totp").cookie(pending).with(csrf())
                        .param("code", Totp.code(secret, Instant.now().plusSeconds(Totp.STEP_SECONDS))))
                .andExpect(redirectedUrl("/")).andReturn();
        mvc.perform(get("/directory").cookie(done.getResponse().getCookie("SIPA_SESSION"))).andExpect(status().isOk());

        // a recovery code works once
        var again = mvc.perform(login(city.coordinator(), Fixtures.PASSWORD)).andReturn().getResponse()
                .getCookie("SIPA_SESSION");
        mvc.perform(post("/login/totp").cookie(again).with(csrf()).param("code", codes.get(0).toUpperCase()))
                .andExpect(redirectedUrl("/"));
        var third = mvc.perform(login(city.coordinator(), Fixtures.PASSWORD)).andReturn().getResponse()
                .getCookie("SIPA_SESSION");
        mvc.perform(post("/login/totp").cookie(third).with(csrf()).param("code", codes.get(0)))
                .andExpect(redirectedUrl("/login/totp?error"));
        assertThat(jdbc.sql("SELECT count(*) FROM identity_audit_entry WHERE actor = ? AND action = 'LOGGED_IN'")
                .param(city.coordinator()).query(Long.class).single()).isEqualTo(2);
    }

    private Cookie loginCookie(String username, String password) throws Exception {
        return mvc.perform(login(username, password)).andExpect(authenticated()).andReturn().getResponse()
                .getCookie("SIPA_SESSION");
    }

    private static MockHttpServletRequestBuilder login(String username, String password) {
        var address = "10.88." + (ADDRESS.incrementAndGet() / 250) + "." + (ADDRESS.get() % 250);
        return post("/login").param("username", username).param("password", password).with(csrf())
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                });
    }
}

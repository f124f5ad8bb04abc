package de.sipa.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;

import jakarta.servlet.Filter;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.savedrequest.RequestCacheAwareFilter;
import org.springframework.test.web.servlet.MockMvc;

import de.sipa.Fixtures;
import de.sipa.SipaIntegrationTest;

/**
 * Open311 clients have a security chain of their own: they identify themselves with an api_key, so the chain
 * carries no session, no CSRF token, no saved request and no login, while every page keeps them.
 */
@SipaIntegrationTest
class SecurityChainsTests {

    @Autowired
    FilterChainProxy chains;

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Test
    void open311PassesNoLoginCsrfOrSavedRequestWhilePagesDo() {
        var open311 = filters("/open311/v2/requests.json");
        var page = filters("/reports");
        assertThat(open311).noneMatch(f -> f instanceof CsrfFilter || f instanceof RequestCacheAwareFilter
                || f instanceof UsernamePasswordAuthenticationFilter);
        assertThat(page).anyMatch(f -> f instanceof CsrfFilter).anyMatch(f -> f instanceof RequestCacheAwareFilter)
                .anyMatch(f -> f instanceof UsernamePasswordAuthenticationFilter);
        assertThat(open311.size()).isLessThan(page.size());
    }

    @Test
    void anOpen311PostNeedsNoCsrfTokenAndStartsNoSession() throws Exception {
        var city = fixtures.city();
        var response = mvc.perform(post("/open311/v2/requests.json").param("jurisdiction_id", "stadt-" + city.key())
                .param("api_key", "falsch").param("service_code", "x")).andReturn().getResponse();
        // Refused for its key (403 with the spec's error), not for a missing CSRF token (403 with an HTML page).
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentAsString()).contains("api_key");
        assertThat(response.getCookie("SIPA_SESSION")).isNull();
        // A page without the token is refused.
        var page = mvc.perform(post("/reports").with(user(fixtures.user(city.coordinator())))).andReturn()
                .getResponse();
        assertThat(page.getStatus()).isEqualTo(403);
    }

    private List<Filter> filters(String path) {
        return chains.getFilters(path);
    }
}

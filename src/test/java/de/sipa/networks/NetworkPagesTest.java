package de.sipa.networks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import de.sipa.Fixtures;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaPrincipal;

/** What the network tests do as the towns' and the county's users: requests with their status or page, and work. */
abstract class NetworkPagesTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    MockMvc mvc;

    void status(MockHttpServletRequestBuilder request, String username, int expected) throws Exception {
        var actual = mvc.perform(request.with(user(fixtures.user(username)))).andReturn().getResponse().getStatus();
        assertThat(actual).as("%s as %s", request.buildRequest(new org.springframework.mock.web.MockServletContext())
                .getRequestURI(), username).isEqualTo(expected);
    }

    String body(MockHttpServletRequestBuilder request, String username) throws Exception {
        var response = mvc.perform(request.with(user(fixtures.user(username)))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        response.setCharacterEncoding("UTF-8");
        return response.getContentAsString();
    }

    <T> T as(String username, Supplier<T> work) {
        var principal = (SipaPrincipal) fixtures.user(username);
        return CurrentUser.runAs(principal.sipaUser(), work);
    }
}

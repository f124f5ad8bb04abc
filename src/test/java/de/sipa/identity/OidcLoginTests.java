package de.sipa.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** With a client registration in the configuration, the login page offers the municipal identity provider. */
@SpringBootTest(properties = {
    "spring.security.oauth2.client.registration.keycloak.client-id=sipa",
    "spring.security.oauth2.client.registration.keycloak.client-secret=geheim",
    "spring.security.oauth2.client.registration.keycloak.client-name=Stadt-Login",
    "spring.security.oauth2.client.registration.keycloak.scope=openid,profile",
    "spring.security.oauth2.client.registration.keycloak.authorization-grant-type=authorization_code",
    "spring.security.oauth2.client.registration.keycloak.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
    "spring.security.oauth2.client.provider.keycloak.authorization-uri=https://idp.musterstadt.example/auth",
    "spring.security.oauth2.client.provider.keycloak.token-uri=https://idp.musterstadt.example/token",
    "spring.security.oauth2.client.provider.keycloak.jwk-set-uri=https://idp.musterstadt.example/certs",
    "spring.security.oauth2.client.provider.keycloak.user-name-attribute=preferred_username"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class OidcLoginTests {

    @Autowired
    MockMvc mvc;

    @Test
    void theLoginPageOffersTheIdentityProviderAndSendsTheUserThere() throws Exception {
        var page = mvc.perform(get("/login")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("Anmelden mit Stadt-Login", "/oauth2/authorization/keycloak");

        var redirect = mvc.perform(get("/oauth2/authorization/keycloak")).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(redirect).startsWith("https://idp.musterstadt.example/auth?").contains("client_id=sipa",
                "scope=openid%20profile", "response_type=code");
    }
}

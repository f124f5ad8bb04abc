package de.sipa.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import de.sipa.Fixtures;
import de.sipa.SipaIntegrationTest;

@SipaIntegrationTest
class ErrorHandlingTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Test
    void aMalformedFilterValueIsNamedWithA400AndAMalformedIdInThePathIsA404() throws Exception {
        var coordinator = user(fixtures.user(fixtures.city().coordinator()));
        var page = mvc.perform(get("/matrix").param("asOf", "<b>gestern</b>").with(coordinator))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("„&lt;b&gt;gestern&lt;/b&gt;“ ist kein gültiger Wert für „asOf“");

        mvc.perform(get("/meetings/keine-uuid").with(coordinator)).andExpect(status().isNotFound());
    }
}

package de.sipa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Health, liveness and readiness for load balancers, without login and without details; nothing else. */
@SipaIntegrationTest
class HealthEndpointTests {

    @Autowired
    MockMvc mvc;

    @Test
    void healthLivenessAndReadinessAnswerUpWithoutLoginAndWithoutDetails() throws Exception {
        for (var path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            var body = mvc.perform(get(path)).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"))
                    .andReturn().getResponse().getContentAsString();
            assertThat(body).as(path).doesNotContain("components", "details", "postgres", "diskSpace");
        }
    }

    @Test
    void anAdministratorSeesWhatTheHealthConsistsOf() throws Exception {
        mvc.perform(get("/actuator/health").with(user("ops").roles("ADMIN"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.components.db.status").value("UP"));
    }

    @Test
    void noOtherEndpointIsReachableNotEvenForTheAdministrator() throws Exception {
        for (var path : new String[] {"/actuator/env", "/actuator/beans", "/actuator/configprops", "/actuator/info",
            "/actuator/metrics", "/actuator/loggers", "/actuator/heapdump", "/actuator"}) {
            var anonymous = mvc.perform(get(path)).andReturn().getResponse();
            assertThat(anonymous.getStatus()).as("anonymous " + path).isIn(302, 401, 403, 404);
            assertThat(anonymous.getRedirectedUrl()).as("anonymous " + path).isIn(null, "/login", "http://localhost/login");
            mvc.perform(get(path).with(user("ops").roles("ADMIN"))).andExpect(status().isNotFound());
        }
    }
}

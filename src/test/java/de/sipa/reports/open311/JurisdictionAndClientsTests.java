package de.sipa.reports.open311;

import static de.sipa.reports.open311.Open311Documents.assertJsonError;
import static de.sipa.reports.open311.Open311Documents.assertXmlError;
import static de.sipa.reports.open311.Open311Documents.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import de.sipa.Fixtures;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.partners.Partnerships;

/** jurisdiction_id among several partnerships, and the coordinator's page of API clients. */
@SipaIntegrationTest
class JurisdictionAndClientsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Open311Cities cities;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Partnerships partnerships;

    @Autowired
    ApiClients clients;

    @Test
    void withSeveralPartnershipsTheJurisdictionChoosesAndIsRequired() throws Exception {
        var first = cities.create();
        var second = cities.create();
        assertThat(partnerships.onlyOne()).isEmpty();
        assertJsonError(mvc.perform(get("/open311/v2/services.json")).andReturn(), 400);
        assertXmlError(mvc.perform(get("/open311/v2/requests.xml")).andReturn(), 400);
        assertJsonError(mvc.perform(post("/open311/v2/requests.json").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("api_key", first.apiKey()).param("service_code", "laerm").param("lat", "48.7")
                .param("long", "9.1").param("description", "Laut")).andReturn(), 400);
        CurrentUser.runAs(SipaUser.system(second.city().id()), () -> {
            var category = second.noise();
            clients.deactivate(clients.all().get(0).id());
            return category;
        });
        var firstServices = json(mvc.perform(get("/open311/v2/services.json").param("jurisdiction_id", first.slug()))
                .andReturn());
        var codes = new ArrayList<String>();
        firstServices.forEach(s -> codes.add(s.get("group").asString()));
        assertThat(codes).allMatch(group -> group.contains(first.city().key()));
        var posted = mvc.perform(post("/open311/v2/requests.json").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("jurisdiction_id", first.slug()).param("api_key", first.apiKey()).param("service_code", "laerm")
                .param("address_string", "Marktplatz 1").param("description", "Laut")).andReturn();
        assertThat(posted.getResponse().getStatus()).isEqualTo(200);
        var id = json(posted).get(0).get("service_request_id").asString();
        assertThat(json(mvc.perform(get("/open311/v2/requests/" + id + ".json").param("jurisdiction_id", first.slug()))
                .andReturn()).size()).isEqualTo(1);
        assertJsonError(mvc.perform(get("/open311/v2/requests/" + id + ".json").param("jurisdiction_id", second.slug()))
                .andReturn(), 404);
    }

    @Test
    void theCoordinatorOpensAClientAndSeesItsKeyOnce() throws Exception {
        var city = cities.create();
        var coordinator = user(fixtures.user(city.city().coordinator()));
        var page = mvc.perform(get("/api-clients").with(coordinator)).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("Test-App");
        var opened = mvc.perform(post("/api-clients").with(coordinator).with(csrf()).param("name", "Stadt-App"))
                .andReturn();
        assertThat(opened.getResponse().getStatus()).isEqualTo(302);
        var key = (String) opened.getFlashMap().get("newKey");
        assertThat(key).isNotBlank();
        assertThat(clients.authenticate(city.city().id(), key)).isPresent();
        assertThat(clients.authenticate(city.city().id(), key + "x")).isEmpty();
        var client = clients.authenticate(city.city().id(), key).orElseThrow();
        mvc.perform(post("/api-clients/" + client.id() + "/deactivate").with(coordinator).with(csrf())).andReturn();
        assertThat(clients.authenticate(city.city().id(), key)).isEmpty();
        assertThat(mvc.perform(get("/api-clients").with(user(fixtures.user(city.city().policeUser())))).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
    }
}

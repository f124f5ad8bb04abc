package de.sipa.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import de.sipa.Fixtures;
import de.sipa.SipaIntegrationTest;

@SipaIntegrationTest
class EventPagesTests {

    static final String AREA = "{\"type\":\"Polygon\",\"coordinates\":[[[9.17,48.77],[9.18,48.77],[9.18,48.78],[9.17,48.77]]]}";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Test
    void theCoordinatorPlansEventsThatAreListedByKindAndTimeAndShownWithTheirArea() throws Exception {
        var city = fixtures.city();
        var coordinator = user(fixtures.user(city.coordinator()));
        var festival = mvc.perform(post("/events").with(coordinator).with(csrf()).param("type", "STADTFEST")
                        .param("name", "Stadtfest 2099").param("startsAt", "2099-07-01T10:00")
                        .param("endsAt", "2099-07-03T23:00").param("districtId", city.districts().get(0).value().toString())
                        .param("area", AREA).param("expectedAttendance", "80000").param("riskLevel", "HIGH")
                        .param("riskAssessment", "Enge Zugänge am Marktplatz"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(post("/events").with(coordinator).with(csrf()).param("type", "FLOOD").param("name", "Hochwasser 2020")
                .param("startsAt", "2020-03-01T00:00").param("endsAt", "2020-03-04T00:00").param("riskLevel", "VERY_HIGH"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/events").with(coordinator).with(csrf()).param("type", "STORM").param("name", "Falsch herum")
                .param("startsAt", "2099-03-04T00:00").param("endsAt", "2099-03-01T00:00").param("riskLevel", "LOW"))
                .andExpect(status().isOk());
        mvc.perform(post("/events").with(coordinator).with(csrf()).param("type", "STORM").param("name", "Keine Fläche")
                .param("startsAt", "2099-03-01T00:00").param("endsAt", "2099-03-04T00:00").param("riskLevel", "LOW")
                .param("area", "{\"type\":\"Point\",\"coordinates\":[9.1,48.7]}"))
                .andExpect(status().isOk());

        var police = user(fixtures.user(city.policeUser()));
        assertThat(body("/events", police)).contains("Stadtfest 2099").doesNotContain("Hochwasser 2020", "Falsch herum",
                "Keine Fläche");
        assertThat(body("/events?upcoming=false", police)).contains("Hochwasser 2020").doesNotContain("Stadtfest 2099");
        assertThat(body("/events?upcoming=false&kind=MAJOR_EVENT", police)).doesNotContain("Hochwasser 2020");
        assertThat(body(festival, police)).contains("Stadtfest 2099", "80.000", "hoch", "Enge Zugänge am Marktplatz",
                "data-geojson", "Mitte");
        mvc.perform(post("/events").with(police).with(csrf()).param("type", "HEAT").param("name", "Hitze")
                .param("startsAt", "2099-08-01T00:00").param("endsAt", "2099-08-04T00:00").param("riskLevel", "LOW"))
                .andExpect(status().isForbidden());

        var stranger = fixtures.city();
        mvc.perform(get(festival).with(user(fixtures.user(stranger.coordinator())))).andExpect(status().isNotFound());
    }

    private String body(String url, org.springframework.test.web.servlet.request.RequestPostProcessor who)
            throws Exception {
        return mvc.perform(get(url).with(who)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}

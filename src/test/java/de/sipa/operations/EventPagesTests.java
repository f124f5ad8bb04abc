package de.sipa.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

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

    @Test
    void aPlanIsWrittenSubmittedApprovedPrintedAndReadOnAPhoneThroughItsPages() throws Exception {
        var city = fixtures.city();
        var coordinator = user(fixtures.user(city.coordinator()));
        var event = mvc.perform(post("/events").with(coordinator).with(csrf()).param("type", "VOLKSFEST")
                        .param("name", "Volksfest 2098").param("startsAt", "2098-09-20T10:00")
                        .param("endsAt", "2098-09-22T23:00").param("riskLevel", "MEDIUM"))
                .andReturn().getResponse().getRedirectedUrl();
        var plan = event + "/plan";
        mvc.perform(post(plan + "/sections").with(coordinator).with(csrf()).param("name", "Festplatz")
                .param("organisation", city.police().toString()).param("lead", city.officer().toString()))
                .andExpect(flash().attribute("success", "plan.saved"));
        mvc.perform(post(plan + "/tasks").with(coordinator).with(csrf()).param("organisation", city.publicOrder().toString())
                .param("category", "YOUTH_PROTECTION").param("title", "Kontrollen an den Ständen"))
                .andExpect(flash().attribute("success", "plan.saved"));
        mvc.perform(post(plan + "/contacts").with(coordinator).with(csrf()).param("name", "Einsatzleitung")
                .param("phone", "0711 99 88").param("radioChannel", "Kanal 7"))
                .andExpect(flash().attribute("success", "plan.saved"));
        mvc.perform(post(plan + "/contacts").with(coordinator).with(csrf()).param("name", "Unerreichbar"))
                .andExpect(flash().attribute("problem", "Bitte geben Sie eine Telefonnummer oder einen Funkkanal an."));
        mvc.perform(post(plan + "/phases").with(coordinator).with(csrf()).param("name", "Einlass")
                .param("startsAt", "2098-09-20T09:00").param("endsAt", "2098-09-20T10:00"))
                .andExpect(flash().attribute("success", "plan.saved"));
        mvc.perform(post(plan + "/submit").with(coordinator).with(csrf()))
                .andExpect(flash().attribute("success", "plan.submitted"));

        var police = user(fixtures.user(city.policeUser()));
        assertThat(body(plan, police)).contains("Festplatz", "Kontrollen an den Ständen", "Kanal 7", "Einlass",
                "id=\"approve-plan\"", "Freigabe fehlt").doesNotContain("id=\"add-task\"");
        mvc.perform(post(plan + "/approve").with(police).with(csrf()))
                .andExpect(flash().attribute("success", "plan.approvedForOrganisation"));
        mvc.perform(post(plan + "/approve").with(user(fixtures.user(city.publicOrderUser()))).with(csrf()))
                .andExpect(flash().attribute("success", "plan.approvedForOrganisation"));
        assertThat(body(plan, coordinator)).contains("freigegeben", "Fassung 2 an", "id=\"add-task\"");
        assertThat(body(plan + "/mobile", police)).contains("tel:0711 99 88", "Kanal 7", "Kontrollen an den Ständen");

        var pdf = mvc.perform(get(plan + "/versions/1/plan.pdf").with(police)).andExpect(status().isOk()).andReturn()
                .getResponse();
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        var text = new PdfTextExtractor(new PdfReader(pdf.getContentAsByteArray())).getTextFromPage(1);
        assertThat(text).contains("Einsatzplan: Volksfest 2098", "Festplatz", "Jugendschutzkontrollen",
                "Kontrollen an den Ständen", "Kanal 7", "Freigegeben");

        assertThat(body(plan + "/template", coordinator)).contains("Volksfest 2099", "2099-09-20T10:00");
        var copy = mvc.perform(post(plan + "/template").with(coordinator).with(csrf()).param("type", "VOLKSFEST")
                        .param("name", "Volksfest 2099").param("startsAt", "2099-09-19T10:00")
                        .param("endsAt", "2099-09-21T23:00").param("riskLevel", "MEDIUM"))
                .andExpect(flash().attribute("success", "plan.fromTemplate")).andReturn().getResponse()
                .getRedirectedUrl();
        assertThat(body(copy, coordinator)).contains("Volksfest 2099", "Festplatz", "19.09. 09:00");
    }

    private String body(String url, RequestPostProcessor who)
            throws Exception {
        return mvc.perform(get(url).with(who)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}

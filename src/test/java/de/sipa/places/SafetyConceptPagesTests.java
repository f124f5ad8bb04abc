package de.sipa.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import de.sipa.Fixtures;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaPrincipal;

@SipaIntegrationTest
class SafetyConceptPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Places places;

    @Test
    void aPartnerAddsAMeasureAndARefusedOneComesBackAsTypedWithAGermanMessage() throws Exception {
        var city = fixtures.city();
        var place = place(city, "Bahnhofsunterführung");
        var partner = user(fixtures.user(city.publicOrderUser()));
        var concept = "/orte/" + place + "/konzept";

        var refused = page(mvc.perform(post(concept + "/massnahmen").with(partner).with(csrf())
                        .param("kind", "VIDEO").param("title", "Kamera am Nordausgang").param("legalBasis", "")
                        .param("organisation", city.police().toString()).param("status", "PLANNED")
                        .param("costEuros", "12000").param("description", "Zwei Kameras"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString());
        assertThat(refused.select("#legalBasis + .hint + .error").text())
                .isEqualTo("Videoüberwachung braucht eine Rechtsgrundlage, z. B. „§ 21 Abs. 3 PolG BW“.");
        assertThat(refused.select("#title").val()).isEqualTo("Kamera am Nordausgang");
        assertThat(refused.select("#costEuros").val()).isEqualTo("12000");
        assertThat(refused.select("#description").text()).isEqualTo("Zwei Kameras");
        assertThat(refused.select("#kind option[selected]").val()).isEqualTo("VIDEO");

        var typo = page(mvc.perform(post(concept + "/massnahmen").with(partner).with(csrf())
                        .param("kind", "CLEANING").param("title", "Reinigung").param("costEuros", "1.500,00")
                        .param("organisation", city.publicOrder().toString()).param("status", "PLANNED"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString());
        assertThat(typo.select("#costEuros ~ .error").text()).contains("ganze Zahl");
        assertThat(typo.select("#title").val()).isEqualTo("Reinigung");

        mvc.perform(post(concept + "/massnahmen").with(partner).with(csrf())
                        .param("kind", "CLEANING").param("title", "Nächtliche Schließung und Reinigung")
                        .param("organisation", city.publicOrder().toString()).param("status", "RUNNING")
                        .param("startsOn", "2026-03-01").param("costEuros", "8000"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("success", "measure.added"));

        var steering = user(fixtures.user(city.steeringUser()));
        var read = body(concept, steering);
        assertThat(read.select("#measures li").text()).contains("Nächtliche Schließung und Reinigung",
                "Reinigung und Instandsetzung", "läuft", "ab 01.03.2026", "8.000 €");
        assertThat(read.select("#place-status").text()).isEqualTo("Maßnahmen laufen");
        assertThat(read.select("#measure-form")).isEmpty();
        assertThat(read.select("nav.tabs a.current").text()).isEqualTo("Sicherheitskonzept");
        mvc.perform(post(concept + "/ziele").with(steering).with(csrf()).param("goals", "Nichts"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aMeasureIsChangedOnItsPageAndOtherCitiesFindNothing() throws Exception {
        var city = fixtures.city();
        var place = place(city, "Stadtpark");
        var coordinator = user(fixtures.user(city.coordinator()));
        var concept = "/orte/" + place + "/konzept";
        var added = mvc.perform(post(concept + "/ziele").with(coordinator).with(csrf())
                .param("goals", "Der Park ist abends hell\nWeniger Anliegen")).andExpect(status().is3xxRedirection());
        assertThat(body(concept, coordinator).select("#goals li").eachText())
                .containsExactly("Der Park ist abends hell", "Weniger Anliegen");
        mvc.perform(post(concept + "/massnahmen").with(coordinator).with(csrf()).param("kind", "LIGHTING")
                .param("title", "LED").param("organisation", city.publicOrder().toString()).param("status", "PLANNED"))
                .andExpect(status().is3xxRedirection());
        var link = body(concept, coordinator).select("#measures a").attr("href");

        mvc.perform(post(link).with(coordinator).with(csrf()).param("kind", "LIGHTING").param("title", "LED")
                        .param("organisation", city.publicOrder().toString()).param("status", "DONE")
                        .param("startsOn", "2026-05-01").param("endsOn", "2026-04-01"))
                .andExpect(status().isBadRequest());
        mvc.perform(post(link).with(coordinator).with(csrf()).param("kind", "LIGHTING").param("title", "LED-Leuchten")
                        .param("organisation", city.publicOrder().toString()).param("status", "DONE")
                        .param("startsOn", "2026-04-01").param("endsOn", "2026-05-01"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("success", "measure.changed"));
        var measurePage = body(link, coordinator);
        assertThat(measurePage.select("#measure-facts").text()).contains("umgesetzt", "01.04.2026 bis 01.05.2026");
        assertThat(measurePage.select(".link-form").eachAttr("id")).startsWith("link-DECISION")
                .contains("link-PATROL_PLAN", "link-TOPIC");

        var stranger = user(fixtures.user(fixtures.city().coordinator()));
        mvc.perform(get(link).with(stranger)).andExpect(status().isNotFound());
        mvc.perform(get(concept).with(stranger)).andExpect(status().isNotFound());
    }

    private PlaceId place(Fixtures.City city, String name) {
        var principal = (SipaPrincipal) fixtures.user(city.coordinator());
        return CurrentUser.runAs(principal.sipaUser(), () -> places.create(new PlaceDraft(name, null, Deficit.BOTH,
                "", null, null, PlaceOrigin.MANUAL, PlacesTests.GARDEN, null)));
    }

    private Document body(String path, RequestPostProcessor user) throws Exception {
        return page(mvc.perform(get(path).with(user)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    private static Document page(String html) {
        return Jsoup.parse(html);
    }
}

package de.sipa.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Supplier;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import de.sipa.Fixtures;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaPrincipal;

@SipaIntegrationTest
class SiteAuditPagesTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    Places places;

    @Autowired
    SiteAudits audits;

    @Autowired
    MockMvc mvc;

    Fixtures.City city;
    PlaceId garden;

    @BeforeEach
    void aPlace() {
        city = fixtures.city();
        garden = as(city.coordinator(), () -> places.create(PlacePagesTests.draft("Palastgarten", PlacesTests.GARDEN, null)));
    }

    @Test
    void eachCriterionIsSavedOnItsOwnAndTheWalkGoesOnToTheNext() throws Exception {
        var started = mvc.perform(post("/orte/" + garden + "/begehungen").with(as(city.policeUser())).with(csrf())
                        .param("walkedOn", today().minusDays(1).toString()).param("participants", "Polizei, Ordnungsamt"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(started).endsWith("/1");
        var audit = started.substring(0, started.length() - 2);

        var first = page(started, city.policeUser());
        assertThat(first.select("h1").text()).isEqualTo("Orientierung");
        assertThat(first.select("#audit-progress").text()).isEqualTo("Kriterium 1 von 9 · Palastgarten");
        assertThat(first.select("input[name=rating]").eachAttr("value"))
                .containsExactly("GOOD", "FAIR", "POOR", "NOT_ASSESSED");

        mvc.perform(post(audit + "/3").with(as(city.policeUser())).with(csrf()).param("rating", "POOR")
                        .param("note", "Lampen am Hauptweg aus"))
                .andExpect(redirectedUrl(audit + "/4"));
        mvc.perform(post(audit + "/4").with(as(city.policeUser())).with(csrf()).param("note", "ohne Bewertung"))
                .andExpect(redirectedUrl(audit + "/4"));
        mvc.perform(post(audit + "/9").with(as(city.policeUser())).with(csrf()).param("rating", "NOT_ASSESSED"))
                .andExpect(redirectedUrl(audit));

        var saved = as(city.coordinator(), () -> audits.audits(garden)).get(0);
        assertThat(saved.participants()).isEqualTo("Polizei, Ordnungsamt");
        assertThat(saved.ratings()).containsOnlyKeys(AuditCriterion.LIGHTING, AuditCriterion.HELP_NEARBY);
        assertThat(saved.ratings().get(AuditCriterion.LIGHTING).note()).isEqualTo("Lampen am Hauptweg aus");
        assertThat(saved.ratings().get(AuditCriterion.LIGHTING).ratedBy()).isEqualTo("Paula Polizei");
        var lighting = page(audit + "/3", city.policeUser());
        assertThat(lighting.select("#rating-POOR").hasAttr("checked")).isTrue();
        assertThat(lighting.select("#note").text()).isEqualTo("Lampen am Hauptweg aus");
        assertThat(page(audit, city.steeringUser()).select("#audit-result").text()).contains("Beleuchtung: schlecht",
                "Lampen am Hauptweg aus", "Fluchtwege: noch offen");
    }

    @Test
    void repeatedVisitsAreComparedCriterionByCriterionWithTheChange() throws Exception {
        as(city.coordinator(), () -> {
            var before = audits.start(garden, today().minusMonths(10), "");
            var after = audits.start(garden, today().minusMonths(1), "");
            audits.rate(garden, before, AuditCriterion.LIGHTING, AuditRating.POOR, "dunkel");
            audits.rate(garden, after, AuditCriterion.LIGHTING, AuditRating.GOOD, "hell");
            audits.rate(garden, before, AuditCriterion.CONDITION, AuditRating.GOOD, "");
            audits.rate(garden, after, AuditCriterion.CONDITION, AuditRating.FAIR, "Graffiti");
            audits.rate(garden, before, AuditCriterion.SIGNS, AuditRating.NOT_ASSESSED, "");
            audits.rate(garden, after, AuditCriterion.SIGNS, AuditRating.GOOD, "");
            return null;
        });

        var page = page("/orte/" + garden + "/begehungen", city.steeringUser());

        assertThat(page.select("#audit-comparison thead th")).hasSize(4);
        assertThat(row(page, "Beleuchtung")).isEqualTo("Beleuchtung schlecht gut besser");
        assertThat(row(page, "Zustand und Sauberkeit")).isEqualTo("Zustand und Sauberkeit gut mittel schlechter");
        assertThat(row(page, "Beschilderung")).isEqualTo("Beschilderung nicht bewertet gut gleich");
        assertThat(row(page, "Orientierung")).isEqualTo("Orientierung – – gleich");
        assertThat(page.select("#start-audit")).as("the steering group reads only").isEmpty();
        assertThat(page.select("nav.tabs a.current").text()).isEqualTo("Begehungen");
    }

    @Test
    void anAuditInTheFutureIsRefused() throws Exception {
        mvc.perform(post("/orte/" + garden + "/begehungen").with(as(city.policeUser())).with(csrf())
                        .param("walkedOn", today().plusDays(3).toString()))
                .andExpect(redirectedUrl("/orte/" + garden + "/begehungen"));
        assertThat(as(city.coordinator(), () -> audits.audits(garden))).isEmpty();
    }

    private static String row(Document page, String criterion) {
        return page.select("#audit-comparison tbody tr").stream().filter(r -> r.child(0).text().equals(criterion))
                .findFirst().orElseThrow().text();
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Berlin"));
    }

    private Document page(String url, String username) throws Exception {
        return Jsoup.parse(mvc.perform(get(url).with(as(username))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
    }

    private RequestPostProcessor as(String username) {
        return user(fixtures.user(username));
    }

    private <T> T as(String username, Supplier<T> work) {
        var principal = (SipaPrincipal) fixtures.user(username);
        return CurrentUser.runAs(principal.sipaUser(), work);
    }
}

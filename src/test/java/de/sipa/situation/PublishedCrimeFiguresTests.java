package de.sipa.situation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import de.sipa.Fixtures;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaPrincipal;
import de.sipa.partners.DistrictId;

/** The coordination publishes years and offence groups of the PKS; citizens see the whole city's figures of those only. */
@SipaIntegrationTest
class PublishedCrimeFiguresTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    CrimeFigures crimeFigures;

    @Autowired
    CrimeFigureImport crimeFigureImport;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    Fixtures.City city;
    DistrictId mitte;
    DistrictId nord;
    String slug;

    @BeforeEach
    void aCityWithFiguresOfTwoYears() {
        city = fixtures.city();
        mitte = city.districts().get(0);
        nord = city.districts().get(1);
        slug = "stadt-" + city.key();
        asCoordinator(() -> {
            crimeFigures.enterPopulations(2024, Map.of(mitte, 25_000, nord, 50_000));
            crimeFigureImport.confirm((CrimeFiguresTests.HEADER
                    + "899000;Straßenkriminalität;Mitte;2023;280;50;40\n"
                    + "899000;Straßenkriminalität;Mitte;2024;300;60;50\n"
                    + "899000;Straßenkriminalität;Nord;2024;150;30;25\n"
                    + "892000;Gewaltkriminalität;Mitte;2024;77;61;70\n").getBytes(StandardCharsets.UTF_8),
                    PksMapping.guess());
            return null;
        });
    }

    @Test
    void citizensSeeOnlyThePublishedYearsAndGroupsOfTheWholeCityWithoutLogin() throws Exception {
        var nothing = publicPage();
        assertThat(nothing.select("#nothing-published")).isNotEmpty();
        assertThat(nothing.select("#hellfeld").text()).contains("Hellfeld");
        assertThat(nothing.select("table")).isEmpty();

        var street = group("Straßenkriminalität");
        mvc.perform(post("/lagebild/kriminalitaet/veroeffentlichung").with(user(fixtures.user(city.coordinator())))
                .with(csrf()).param("publish", "2024:" + street.id()))
                .andExpect(redirectedUrl("/lagebild/kriminalitaet/veroeffentlichung"));

        var page = publicPage();
        assertThat(page.select("#hellfeld").text()).contains("Hellfeld", "bekannt geworden");
        assertThat(page.select("table.published-year")).hasSize(1);
        // the city 2024: 450 cases, 90 solved (20.0 %), 75,000 inhabitants → HZ 600
        assertThat(page.select("#year-2024 tbody tr").text()).isEqualTo("Straßenkriminalität 450 600 20,0 %");
        assertThat(page.text()).doesNotContain("2023", "Gewaltkriminalität", "Mitte", "Nord", "300", "150");
        assertThat(page.select("a[href=/buerger/" + slug + "/kriminalstatistik]")).as("linked from the footer")
                .isNotEmpty();
        assertThat(audit()).containsExactly("PKS veröffentlicht: 2024 Straßenkriminalität");

        mvc.perform(post("/lagebild/kriminalitaet/veroeffentlichung").with(user(fixtures.user(city.coordinator())))
                .with(csrf()).param("publish", "2023:" + street.id()))
                .andExpect(status().is3xxRedirection());
        var changed = publicPage();
        assertThat(changed.select("table.published-year")).hasSize(1);
        assertThat(changed.select("#year-2023 tbody tr").text()).startsWith("Straßenkriminalität 280");
        assertThat(changed.select("#year-2024")).isEmpty();
        assertThat(audit()).containsExactly("PKS veröffentlicht: 2024 Straßenkriminalität",
                "PKS veröffentlicht: 2023 Straßenkriminalität", "PKS-Veröffentlichung zurückgezogen: 2024 Straßenkriminalität");

        mvc.perform(post("/lagebild/kriminalitaet/veroeffentlichung").with(user(fixtures.user(city.coordinator())))
                .with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(publicPage().select("table")).isEmpty();
    }

    @Test
    void onlyTheCoordinationPublishesAndOnlyYearsAndGroupsWithFigures() throws Exception {
        var street = group("Straßenkriminalität");
        for (var who : List.of(city.policeUser(), city.steeringUser(), city.publicOrderUser())) {
            mvc.perform(post("/lagebild/kriminalitaet/veroeffentlichung").with(user(fixtures.user(who))).with(csrf())
                    .param("publish", "2024:" + street.id())).andExpect(status().isForbidden());
            mvc.perform(get("/lagebild/kriminalitaet/veroeffentlichung").with(user(fixtures.user(who))))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(post("/lagebild/kriminalitaet/veroeffentlichung").with(user(fixtures.user(city.coordinator())))
                .with(csrf()).param("publish", "2019:" + street.id())).andExpect(status().isBadRequest());
        mvc.perform(post("/lagebild/kriminalitaet/veroeffentlichung").with(user(fixtures.user(city.coordinator())))
                .with(csrf()).param("publish", "2024:kein-schlüssel")).andExpect(status().isBadRequest());
        assertThat(publicPage().select("table")).isEmpty();

        var form = Jsoup.parse(mvc.perform(get("/lagebild/kriminalitaet/veroeffentlichung")
                .with(user(fixtures.user(city.coordinator())))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(form.select("#publication thead th").eachText()).containsExactly("Deliktsgruppe", "2023", "2024");
        assertThat(form.select("input[name=publish]")).hasSize(2 * OffenceGroup.DEFAULTS.size());
    }

    @Test
    void theSteeringGroupSeesTheCityAggregateAndNothingPerDistrict() throws Exception {
        var steering = user(fixtures.user(city.steeringUser()));
        var page = Jsoup.parse(mvc.perform(get("/lagebild/kriminalitaet?measure=CASES&year=2024&group="
                + group("Straßenkriminalität").id()).with(steering)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("#year-table tfoot tr").text()).startsWith("Gesamtstadt 75.000 450");
        assertThat(page.text()).doesNotContain("Mitte", "Nord");
        assertThat(page.select("#publication-link")).isEmpty();
        for (var path : List.of("/lagebild/kriminalitaet/einwohner", "/lagebild/kriminalitaet/gruppen",
                "/lagebild/kriminalitaet/import", "/lagebild/kriminalitaet/veroeffentlichung", "/lagebild/hotspots",
                "/lagebild/hotspots.geojson", "/lagebild/hotspots/veraenderung", "/lagebild/hotspots/veraenderung.geojson")) {
            mvc.perform(get(path).with(steering)).andExpect(status().isForbidden());
        }
        for (var district : List.of(mitte, nord)) {
            var profile = mvc.perform(get("/lagebild/stadtteile/" + district.value()).with(steering))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(profile).doesNotContain("crime-figures", "district-trend-chart", "Straßenkriminalität");
        }
        var list = mvc.perform(get("/lagebild/stadtteile").with(steering)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).doesNotContain("300 (2024)", "150 (2024)");
    }

    private Document publicPage() throws Exception {
        return Jsoup.parse(mvc.perform(get("/buerger/" + slug + "/kriminalstatistik")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8), "http://localhost");
    }

    private List<String> audit() {
        return jdbc.sql("""
                SELECT summary FROM identity_audit_entry
                WHERE partnership_id = ? AND subject_type = 'CrimePublication' ORDER BY id""")
                .param(city.id().value()).query(String.class).list();
    }

    private OffenceGroup group(String name) {
        return asCoordinator(() -> crimeFigures.groups()).stream().filter(g -> g.name().equals(name)).findFirst()
                .orElseThrow();
    }

    private <T> T asCoordinator(Supplier<T> work) {
        var principal = (SipaPrincipal) fixtures.user(city.coordinator());
        return CurrentUser.runAs(principal.sipaUser(), work);
    }
}

package de.sipa.maps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import de.sipa.Fixtures;
import de.sipa.Fixtures.City;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.partners.Partnerships;
import de.sipa.reports.Categories;
import de.sipa.reports.Category;
import de.sipa.reports.CategoryId;
import de.sipa.reports.NewReport;
import de.sipa.reports.ReportSource;
import de.sipa.reports.Reports;

/**
 * Every map gets the installation's tile server (here {@code https://tiles.example.test}, application-test.yml),
 * which the Content-Security-Policy admits, and the partnership's district outlines.
 */
@SipaIntegrationTest
class MapPagesTests {

    private static final String MITTE = "{\"type\":\"Polygon\",\"coordinates\":[[[9.16,48.765],[9.2,48.765],"
            + "[9.2,48.785],[9.16,48.785],[9.16,48.765]]]}";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Partnerships partnerships;

    @Autowired
    Reports reports;

    @Autowired
    Categories categories;

    City city;

    @BeforeEach
    void city() {
        city = fixtures.city();
        CurrentUser.runAs(SipaUser.system(city.id()), () -> partnerships.drawBoundary(city.districts().get(0), MITTE));
    }

    @Test
    void theContentSecurityPolicyAdmitsImagesFromTheConfiguredTileServerOnly() throws Exception {
        var csp = mvc.perform(get("/buerger/stadt-" + city.key() + "/melden")).andExpect(status().isOk()).andReturn()
                .getResponse().getHeader("Content-Security-Policy");
        assertThat(csp).contains("img-src 'self' data: https://tiles.example.test;", "script-src 'self';")
                .doesNotContain("openstreetmap");
    }

    @Test
    void theCitizenFormHandsItsMapTheTileServerTheDistrictsAndNoAddressSearchWithoutGeocoder() throws Exception {
        var page = mvc.perform(get("/buerger/stadt-" + city.key() + "/melden")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("id=\"map-config\"", "data-tile-url=\"https://tiles.example.test/{z}/{x}/{y}.png\"",
                        "data-districts-url=\"/buerger/stadt-" + city.key() + "/bezirke.json\"",
                        "Meinen Standort verwenden", "<summary>Koordinaten</summary>")
                .doesNotContain("data-geocoder-url", "id=\"address-search\"");
    }

    @Test
    void theDistrictOutlinesArePublicGeoJsonWithTheirNames() throws Exception {
        mvc.perform(get("/buerger/stadt-" + city.key() + "/bezirke.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.type").value("FeatureCollection"))
                .andExpect(jsonPath("$.features.length()").value(1))
                .andExpect(jsonPath("$.features[0].properties.name").value("Mitte"))
                .andExpect(jsonPath("$.features[0].geometry.type").value("Polygon"));
        mvc.perform(get("/buerger/unbekannt/bezirke.json")).andExpect(status().isNotFound());
        mvc.perform(get("/districts/outlines.json").with(user(fixtures.user(city.coordinator()))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.features[0].properties.name").value("Mitte"));
    }

    @Test
    void aReportsPageShowsItsPlaceOnASmallMap() throws Exception {
        var receipt = CurrentUser.runAs(SipaUser.system(city.id()), () -> {
            var category = categories.create(new Category(CategoryId.random(), "licht", "Beleuchtung", null, null, 5,
                    false, null, true, java.util.List.of()));
            return reports.submit(new NewReport(city.id(), category, "Laterne defekt", 48.7751, 9.1802, null, null,
                    java.util.Map.of(), null, ReportSource.PARTNER));
        });
        var page = mvc.perform(get("/reports/" + receipt.report().value()).with(user(fixtures.user(city.coordinator()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"place-map\"", "data-latitude=\"48.7751\"", "data-longitude=\"9.1802\"",
                "data-districts-url=\"/districts/outlines.json\"");
    }
}

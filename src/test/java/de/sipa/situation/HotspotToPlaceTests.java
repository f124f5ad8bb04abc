package de.sipa.situation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import de.sipa.Fixtures;
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

/** A significant hotspot becomes a place with one click, and then shows as looked after. */
@SipaIntegrationTest
class HotspotToPlaceTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    Partnerships partnerships;

    @Autowired
    Categories categories;

    @Autowired
    Reports reports;

    @Autowired
    MockMvc mvc;

    Fixtures.City city;
    LocalDate today;

    @BeforeEach
    void aDistrictWithAClusterOfNoiseReports() {
        city = fixtures.city();
        today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        CurrentUser.runAs(SipaUser.system(city.id()), () -> {
            partnerships.drawBoundary(city.districts().get(0), HotspotPagesTests.DISTRICT);
            var noise = categories.create(new Category(CategoryId.random(), "laerm", "Lärm", null, null, 3, false, null,
                    true, List.of()));
            for (int k = 0; k < 40; k++) {
                submit(noise, 48.7751 + (k % 5) * 0.00005, 9.1668 + (k / 5) * 0.00005);
            }
            for (int k = 0; k < 30; k++) {
                submit(noise, 48.7705 + (k % 6) * 0.0017, 9.1610 + (k / 6) * 0.0025);
            }
        });
    }

    @Test
    void aHotCellOpensTheFormWithItsSquareAndOnceAPlaceCoversItTheCellSaysSo() throws Exception {
        var hotspots = page("/lagebild/hotspots?cell=100&from=" + today.minusDays(7) + "&to=" + today);
        var offers = hotspots.select("#hot-cells a.to-place");
        assertThat(offers).isNotEmpty();
        assertThat(hotspots.select("#hot-cells a.covered")).isEmpty();

        var form = Jsoup.parse(mvc.perform(get(java.net.URI.create(offers.first().attr("href")))
                .with(user(fixtures.user(city.coordinator())))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
        assertThat(form.select("#geometry").text()).startsWith("{\"type\":\"Polygon\",\"coordinates\":[[[9.16");
        assertThat(form.select("#place-origin").text()).isEqualTo("Aus einem Brennpunkt");
        mvc.perform(post("/orte/neu").with(user(fixtures.user(city.coordinator()))).with(csrf())
                        .param("name", "Feuersee").param("deficit", "OBJECTIVE")
                        .param("origin", form.select("#origin").val()).param("geometry", form.select("#geometry").text()))
                .andExpect(status().is3xxRedirection());

        var after = page("/lagebild/hotspots?cell=100&from=" + today.minusDays(7) + "&to=" + today);
        assertThat(after.select("#hot-cells a.covered").eachText()).contains("liegt im Ort Feuersee");
        assertThat(after.select("#hot-cells a.to-place")).hasSizeLessThan(offers.size());
    }

    private Document page(String url) throws Exception {
        return Jsoup.parse(mvc.perform(get(url).with(user(fixtures.user(city.coordinator())))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    private void submit(CategoryId category, double latitude, double longitude) {
        reports.submit(new NewReport(city.id(), category, "Hinweis", latitude, longitude, null, null, Map.of(), null,
                ReportSource.CITIZEN));
    }
}

package de.sipa.situation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import de.sipa.Fixtures;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaPrincipal;
import de.sipa.identity.SipaUser;
import de.sipa.partners.Partnerships;
import de.sipa.reports.Categories;
import de.sipa.reports.Category;
import de.sipa.reports.CategoryId;
import de.sipa.reports.NewReport;
import de.sipa.reports.ReportSource;
import de.sipa.reports.Reports;

/**
 * The hotspot change on constructed reports: a cluster at the Feuersee in both periods is persistent, a cluster in
 * the district's north-west only in the later period is emerging (sfhotspot's classes, see {@link HotspotChangeRule}).
 */
@SipaIntegrationTest
class HotspotChangePagesTests {

    static final double OLD_LATITUDE = 48.7751;
    static final double OLD_LONGITUDE = 9.1668;
    static final double NEW_LATITUDE = 48.7768;
    static final double NEW_LONGITUDE = 9.1610;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Partnerships partnerships;

    @Autowired
    Categories categories;

    @Autowired
    Reports reports;

    @Autowired
    HotspotAnalysis analysis;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    Fixtures.City city;
    LocalDate today;

    /**
     * Earlier period: 60 to 31 days ago, later: the last 30 days, two sub-periods each (15 days); in every
     * sub-period 20 reports in some 200 m around the Feuersee and 18 spread over the south of the district, and in
     * the later sub-periods 20 more in the north-west.
     */
    @BeforeEach
    void clustersInBothPeriodsAndOnlyInTheLaterOne() {
        city = fixtures.city();
        today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        CurrentUser.runAs(SipaUser.system(city.id()), () -> {
            partnerships.drawBoundary(city.districts().get(0), HotspotPagesTests.DISTRICT);
            var noise = categories.create(new Category(CategoryId.random(), "laerm", "Lärm", null, null, 3, false,
                    null, true, List.of()));
            for (int daysAgo : new int[] {55, 40, 25, 5}) {
                for (int k = 0; k < 20; k++) {
                    submit(noise, OLD_LATITUDE + (k % 4) * 0.0005, OLD_LONGITUDE + (k / 4) * 0.0007, daysAgo);
                    if (daysAgo < 30) {
                        submit(noise, NEW_LATITUDE + (k % 4) * 0.0005, NEW_LONGITUDE + (k / 4) * 0.0007, daysAgo);
                    }
                }
                for (int k = 0; k < 18; k++) {
                    submit(noise, 48.7710 + (k % 6) * 0.0010, 9.1650 + (k / 6) * 0.0040, daysAgo);
                }
            }
        });
    }

    @Test
    void aClusterInBothPeriodsIsPersistentAndOneOnlyInTheLaterPeriodIsEmerging() {
        var map = asCoordinator(() -> analysis.change(query()));

        assertThat(map.earlierPoints()).isEqualTo(76);
        assertThat(map.laterPoints()).isEqualTo(116);
        var old = nearest(map, OLD_LATITUDE + 0.00075, OLD_LONGITUDE + 0.0014);
        assertThat(old.earlierCount()).isPositive();
        assertThat(old.laterCount()).isPositive();
        assertThat(old.pattern()).isEqualTo("11|11");
        assertThat(old.changeClass()).isEqualTo(HotspotChangeClass.PERSISTENT);
        var fresh = nearest(map, NEW_LATITUDE + 0.00075, NEW_LONGITUDE + 0.0014);
        assertThat(fresh.earlierCount()).isZero();
        assertThat(fresh.laterCount()).isPositive();
        assertThat(fresh.pattern()).isEqualTo("00|11");
        assertThat(fresh.changeClass()).isEqualTo(HotspotChangeClass.EMERGING);
        assertThat(map.changedCells()).contains(old, fresh);
    }

    @Test
    void thePageShowsTheLegendAndTheTableAndTheGeoJsonHasEveryCellWithItsClass() throws Exception {
        var page = mvc.perform(withPeriods(get("/lagebild/hotspots/veraenderung")).param("category", "laerm")
                .with(user(fixtures.user(city.coordinator()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"change-cells\"", "sfhotspot", "nicht fair", ">neu<", ">dauerhaft<",
                "früher 0, später 2 von je 2", "00|11",
                "/lagebild/hotspots/veraenderung.geojson?earlierFrom=" + today.minusDays(60) + "&amp;earlierTo="
                        + today.minusDays(31) + "&amp;laterFrom=" + today.minusDays(30) + "&amp;laterTo=" + today
                        + "&amp;category=laerm&amp;cell=100&amp;splits=2");

        var response = mvc.perform(withPeriods(get("/lagebild/hotspots/veraenderung.geojson"))
                .param("category", "laerm").with(user(fixtures.user(city.policeUser()))))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/geo+json"))
                .andReturn().getResponse();
        JsonNode geojson = JsonMapper.builder().build().readTree(response.getContentAsString());
        var about = geojson.get("properties");
        assertThat(about.get("sub_periods_per_period").asInt()).isEqualTo(2);
        assertThat(about.get("later").get("reports").asInt()).isEqualTo(116);
        assertThat(about.get("classification").asString()).contains("sfhotspot");
        var features = geojson.get("features");
        assertThat(features.size()).isEqualTo(about.get("cells").asInt()).isGreaterThan(100);
        var classes = new HashMap<String, Integer>();
        int later = 0;
        for (JsonNode feature : features) {
            var properties = feature.get("properties");
            classes.merge(properties.get("class").asString(), 1, Integer::sum);
            later += properties.get("count_later").asInt();
            assertThat(properties.get("change").asInt()).isEqualTo(
                    properties.get("count_later").asInt() - properties.get("count_earlier").asInt());
        }
        assertThat(later).isEqualTo(116);
        assertThat(classes).containsKeys("emerging", "persistent", "none");
    }

    @Test
    void periodsInTheWrongOrderAreExplainedAndOnlyTheCoordinationAndThePoliceMayLook() throws Exception {
        var page = mvc.perform(get("/lagebild/hotspots/veraenderung")
                .param("earlierFrom", today.minusDays(30).toString()).param("earlierTo", today.toString())
                .param("laterFrom", today.minusDays(60).toString()).param("laterTo", today.minusDays(31).toString())
                .with(user(fixtures.user(city.coordinator()))))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Der frühere Zeitraum muss vor dem Beginn des späteren enden.");
        mvc.perform(get("/lagebild/hotspots/veraenderung").with(user(fixtures.user(city.policeUser()))))
                .andExpect(status().isOk());
        mvc.perform(get("/lagebild/hotspots/veraenderung").with(user(fixtures.user(city.steeringUser()))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/lagebild/hotspots/veraenderung.geojson")
                .with(user(fixtures.user(city.publicOrderUser())))).andExpect(status().isForbidden());
        var hotspots = mvc.perform(get("/lagebild/hotspots").with(user(fixtures.user(city.coordinator()))))
                .andReturn().getResponse().getContentAsString();
        assertThat(hotspots).contains("/lagebild/hotspots/veraenderung\"");
    }

    private MockHttpServletRequestBuilder withPeriods(MockHttpServletRequestBuilder request) {
        return request.param("earlierFrom", today.minusDays(60).toString())
                .param("earlierTo", today.minusDays(31).toString())
                .param("laterFrom", today.minusDays(30).toString()).param("laterTo", today.toString())
                .param("cell", "100").param("splits", "2");
    }

    private HotspotChangeQuery query() {
        return new HotspotChangeQuery(today.minusDays(60), today.minusDays(31), today.minusDays(30), today,
                List.of("laerm"), HotspotSource.ALL, 100, 2);
    }

    private static HotspotChangeCell nearest(HotspotChangeMap map, double latitude, double longitude) {
        return map.cells().stream().min(Comparator.comparingDouble(
                c -> Math.hypot(c.latitude() - latitude, (c.longitude() - longitude) * 0.66))).orElseThrow();
    }

    private <T> T asCoordinator(Supplier<T> work) {
        var principal = (SipaPrincipal) fixtures.user(city.coordinator());
        return CurrentUser.runAs(principal.sipaUser(), work);
    }

    private void submit(CategoryId category, double latitude, double longitude, int daysAgo) {
        var receipt = reports.submit(new NewReport(city.id(), category, "Hinweis", latitude, longitude, null, null,
                Map.of(), null, ReportSource.CITIZEN));
        var at = today.minusDays(daysAgo).atTime(12, 0).atZone(ZoneId.of("Europe/Berlin")).toInstant();
        jdbc.sql("UPDATE reports_report SET submitted_at = ? WHERE id = ?").param(Timestamp.from(at))
                .param(receipt.report().value()).update();
    }
}

package de.sipa.situation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

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

@SipaIntegrationTest
class HotspotPagesTests {

    /** About 1.0 km × 1.1 km in Stuttgart's west: some 111 cells of 100 m. */
    static final String DISTRICT = """
            {"type":"Polygon","coordinates":[[[9.160,48.770],[9.1736,48.770],[9.1736,48.780],[9.160,48.780],[9.160,48.770]]]}""";

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
    MockMvc mvc;

    Fixtures.City city;
    LocalDate today;

    @BeforeEach
    void aDistrictWithAClusterOfNoiseReports() {
        city = fixtures.city();
        today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        CurrentUser.runAs(SipaUser.system(city.id()), () -> {
            partnerships.drawBoundary(city.districts().get(0), DISTRICT);
            var noise = category("laerm", "Lärm");
            var litter = category("muell", "Müll");
            for (int k = 0; k < 40; k++) { // the Feuersee: 40 reports within a few metres
                submit(noise, 48.7751 + (k % 5) * 0.00005, 9.1668 + (k / 5) * 0.00005, ReportSource.CITIZEN);
            }
            for (int k = 0; k < 30; k++) { // spread over the district
                submit(noise, 48.7705 + (k % 6) * 0.0017, 9.1610 + (k / 6) * 0.0025, ReportSource.PARTNER);
            }
            submit(noise, 48.7720, 9.1700, ReportSource.PATROL);
            submit(litter, 48.7760, 9.1620, ReportSource.CITIZEN);
            submit(noise, 48.7900, 9.1700, ReportSource.CITIZEN); // north of the district
        });
    }

    @Test
    void theClusterIsASignificantHotspotAndTheFiltersChooseTheReports() {
        var map = asCoordinator(() -> analysis.analyse(query(List.of("laerm"), HotspotSource.ALL, null)));

        assertThat(map.epsg()).isEqualTo("EPSG:32632");
        assertThat(map.points()).isEqualTo(72);
        assertThat(map.outside()).isEqualTo(1);
        assertThat(map.cells().size()).isBetween(100, 125);
        assertThat(map.cells().stream().mapToInt(HotspotCell::count).sum()).isEqualTo(71);
        var busiest = map.cells().stream().max(Comparator.comparingInt(HotspotCell::count)).orElseThrow();
        assertThat(busiest.count()).isGreaterThanOrEqualTo(20);
        assertThat(busiest.pFdr()).isLessThan(0.05);
        assertThat(busiest.giClass().hot()).isTrue();
        assertThat(map.hotCells()).contains(busiest).allSatisfy(cell -> {
            assertThat(cell.latitude()).isCloseTo(48.7752, within(0.003));
            assertThat(cell.longitude()).isCloseTo(9.1670, within(0.004));
        });
        assertThat(map.bandwidth()).isEqualTo(map.defaultBandwidth()).isGreaterThanOrEqualTo(100);

        var patrols = asCoordinator(() -> analysis.analyse(query(List.of(), HotspotSource.PATROLS, 250.0)));
        assertThat(patrols.points()).isEqualTo(1);
        assertThat(patrols.bandwidth()).isEqualTo(250);
        var all = asCoordinator(() -> analysis.analyse(query(List.of(), HotspotSource.ALL, null)));
        assertThat(all.points()).isEqualTo(73);
    }

    @Test
    void thePageShowsTheLegendAndTheHotspotsAndTheGeoJsonHasEveryCell() throws Exception {
        var page = mvc.perform(get("/lagebild/hotspots").param("from", today.minusDays(7).toString())
                .param("to", today.toString()).param("category", "laerm").param("cell", "100")
                .with(user(fixtures.user(city.coordinator()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Getis-Ord Gi*", "nicht fair", "id=\"hot-cells\"", "Hotspot, 9",
                "/lagebild/hotspots.geojson?from=" + today.minusDays(7) + "&amp;to=" + today
                        + "&amp;category=laerm&amp;cell=100", "Lagebild", "Auswertung der Anliegen");

        var response = mvc.perform(get("/lagebild/hotspots.geojson").param("from", today.minusDays(7).toString())
                .param("to", today.toString()).param("category", "laerm").param("cell", "100")
                .with(user(fixtures.user(city.policeUser()))))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/geo+json"))
                .andReturn().getResponse();
        JsonNode geojson = JsonMapper.builder().build().readTree(response.getContentAsString());
        assertThat(geojson.get("type").asString()).isEqualTo("FeatureCollection");
        var about = geojson.get("properties");
        assertThat(about.get("cell_size_m").asInt()).isEqualTo(100);
        assertThat(about.get("grid").get("crs").asString()).isEqualTo("EPSG:32632");
        assertThat(about.get("grid").get("origin").get("easting").asDouble() % 100).isZero();
        assertThat(about.get("weights").asString()).contains("queen", "itself included");
        var features = geojson.get("features");
        assertThat(features.size()).isEqualTo(about.get("cells").asInt()).isGreaterThan(100);
        int total = 0;
        int zeros = 0;
        for (JsonNode feature : features) {
            var properties = feature.get("properties");
            assertThat(properties.has("z") && properties.has("p") && properties.has("p_fdr")
                    && properties.has("class")).isTrue();
            assertThat(feature.get("geometry").get("coordinates").get(0).size()).isEqualTo(5);
            total += properties.get("count").asInt();
            zeros += properties.get("count").asInt() == 0 ? 1 : 0;
        }
        assertThat(total).isEqualTo(71);
        assertThat(zeros).isPositive();

        var viewport = mvc.perform(get("/lagebild/hotspots.geojson").param("from", today.minusDays(7).toString())
                .param("to", today.toString()).param("bbox", "9.160,48.774,9.168,48.780")
                .with(user(fixtures.user(city.coordinator())))).andExpect(status().isOk()).andReturn().getResponse();
        var inView = JsonMapper.builder().build().readTree(viewport.getContentAsString()).get("features").size();
        assertThat(inView).isPositive().isLessThan(features.size());
    }

    @Test
    void theCoordinationAndThePoliceMaySeeHotspotsOtherPartnersAndTheSteeringGroupNot() throws Exception {
        mvc.perform(get("/lagebild/hotspots").with(user(fixtures.user(city.policeUser())))).andExpect(status().isOk());
        mvc.perform(get("/lagebild/hotspots").with(user(fixtures.user(city.publicOrderUser()))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/lagebild/hotspots.geojson").with(user(fixtures.user(city.publicOrderUser()))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/lagebild/hotspots").with(user(fixtures.user(city.steeringUser()))))
                .andExpect(status().isForbidden());
        var start = mvc.perform(get("/").with(user(fixtures.user(city.publicOrderUser()))))
                .andReturn().getResponse().getContentAsString();
        assertThat(start).doesNotContain("/lagebild/hotspots");
    }

    @Test
    void aCellSizeOutsideTheRangeIsExplained() throws Exception {
        var page = mvc.perform(get("/lagebild/hotspots").param("cell", "20")
                .with(user(fixtures.user(city.coordinator()))))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Die Zellgröße muss zwischen 50 und 500 m liegen.");
    }

    private HotspotQuery query(List<String> categoryCodes, HotspotSource source, Double bandwidth) {
        return new HotspotQuery(today.minusDays(7), today, categoryCodes, source, 100, bandwidth);
    }

    private <T> T asCoordinator(Supplier<T> work) {
        var principal = (SipaPrincipal) fixtures.user(city.coordinator());
        return CurrentUser.runAs(principal.sipaUser(), work);
    }

    private CategoryId category(String code, String name) {
        return categories.create(new Category(CategoryId.random(), code, name, null, null, 3, false, null, true,
                List.of()));
    }

    private void submit(CategoryId category, double latitude, double longitude, ReportSource source) {
        reports.submit(new NewReport(city.id(), category, "Hinweis", latitude, longitude, null, null, Map.of(), null,
                source));
    }
}

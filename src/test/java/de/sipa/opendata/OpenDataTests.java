package de.sipa.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import de.sipa.Fixtures;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.reports.Categories;
import de.sipa.reports.Category;
import de.sipa.reports.CategoryId;
import de.sipa.reports.NewReport;
import de.sipa.reports.ReportSource;
import de.sipa.reports.Reports;
import de.sipa.shared.CellSuppression;

/**
 * Open data: the coordination switches it on, the datasets agree with an independent SQL aggregation where they show
 * a count and hide every small count and every count a total would give back, CSV and JSON say the same, the
 * DCAT-AP.de catalogue has the required properties, and no dataset holds a text, an address or an e-mail.
 */
@SipaIntegrationTest
class OpenDataTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Reports reports;

    @Autowired
    Categories categories;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    OpenDataJobs jobs;

    Fixtures.City city;
    String base;

    @BeforeEach
    void aCityWithLastMonthsReports() {
        city = fixtures.city();
        base = "/buerger/stadt-" + city.key() + "/offene-daten";
        Supplier<CategoryId> noise = () -> categories.create(new Category(CategoryId.random(), "laerm", "Lärm",
                null, null, 3, false, null, true, List.of()));
        Supplier<CategoryId> rubbish = () -> categories.create(new Category(CategoryId.random(), "muell", "Müll",
                null, null, 3, false, null, true, List.of()));
        var categoryIds = List.of(asSystem(noise), asSystem(rubbish));
        // per category and district: Lärm 7 and 2, Müll 6 and 9
        int[][] counts = {{7, 2}, {6, 9}};
        var day = YearMonth.now(clock).minusMonths(1).atDay(10).atTime(LocalTime.NOON).atZone(ZONE).toInstant();
        for (int c = 0; c < 2; c++) {
            for (int d = 0; d < 2; d++) {
                for (int i = 0; i < counts[c][d]; i++) {
                    var receipt = reports.submit(new NewReport(city.id(), categoryIds.get(c),
                            "Herr Max Mustermann, max.mustermann@example.org, Hauptstraße 5 ist laut", 48.7, 9.1,
                            null, null, Map.of(), null, ReportSource.CITIZEN));
                    jdbc.sql("UPDATE reports_report SET submitted_at = ?, district_id = ? WHERE id = ?")
                            .params(Timestamp.from(day), city.districts().get(d).value(), receipt.report().value())
                            .update();
                }
            }
        }
    }

    @Test
    void aPartnershipWithoutOpenDataHasNoPublicDatasetsAndOnlyTheCoordinationSwitchesItOn() throws Exception {
        mvc.perform(get(base)).andExpect(status().isNotFound());
        mvc.perform(get(base + "/anliegen.csv")).andExpect(status().isNotFound());
        assertThat(siteNavigation()).as("no dead link on the public website").doesNotContain(base);
        mvc.perform(post("/offene-daten/schalter").with(csrf()).with(user(fixtures.user(city.steeringUser())))
                .param("enabled", "true")).andExpect(status().isForbidden());
        switchOn();
        assertThat(siteNavigation()).contains(base);
        var page = Jsoup.parse(mvc.perform(get(base)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
        assertThat(page.select("#datasets li")).hasSize(4);
        assertThat(page.select("#dataset-anliegen a").eachAttr("href")).containsExactly(base + "/anliegen.csv",
                base + "/anliegen.json");
        assertThat(jdbc.sql("SELECT summary FROM identity_audit_entry WHERE partnership_id = ? AND subject_type = 'OpenData'")
                .param(city.id().value()).query(String.class).list()).contains("Offene Daten eingeschaltet");

        mvc.perform(post("/offene-daten/schalter").with(csrf()).with(user(fixtures.user(city.coordinator())))
                .param("enabled", "false")).andExpect(status().is3xxRedirection());
        mvc.perform(get(base + "/anliegen.json")).andExpect(status().isNotFound());
        assertThat(siteNavigation()).doesNotContain(base);
    }

    /** The links of the public website's navigation, as its home page shows them. */
    private List<String> siteNavigation() throws Exception {
        var home = base.substring(0, base.length() - "/offene-daten".length());
        return Jsoup.parse(mvc.perform(get(home)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).select("nav.site-nav a").eachAttr("href");
    }

    @Test
    void theReportsDatasetAgreesWithSqlWhereItShowsACountAndHidesSmallCountsAndTheirComplements() throws Exception {
        switchOn();
        var month = YearMonth.now(clock).minusMonths(1).toString();
        var expected = new HashMap<String, Long>();
        jdbc.sql("""
                SELECT c.name AS category, d.name AS district, count(*) AS n FROM reports_report r
                JOIN reports_category c ON c.id = r.category_id JOIN partners_district d ON d.id = r.district_id
                WHERE r.partnership_id = ? AND to_char(r.submitted_at AT TIME ZONE 'Europe/Berlin', 'YYYY-MM') = ?
                GROUP BY GROUPING SETS ((c.name, d.name), (c.name), (d.name))""")
                .params(city.id().value(), month)
                .query(rs -> {
                    expected.put((rs.getString("category") == null ? "Insgesamt" : rs.getString("category")) + "|"
                            + (rs.getString("district") == null ? "Insgesamt" : rs.getString("district")),
                            rs.getLong("n"));
                });
        var csv = text(base + "/anliegen.csv");
        var lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo("monat,kategorie,bezirk,anzahl");
        var shown = new HashMap<String, String>();
        for (int i = 1; i < lines.length; i++) {
            var cells = lines[i].split(",", -1);
            if (cells[0].equals(month)) {
                shown.put(cells[1] + "|" + cells[2], cells[3]);
            }
        }
        var districts = List.of(districtName(0), districtName(1));
        int hiddenCells = 0;
        for (var category : List.of("Lärm", "Müll", "Insgesamt")) {
            for (var district : List.of(districts.get(0), districts.get(1), "Insgesamt")) {
                if (category.equals("Insgesamt") && district.equals("Insgesamt")) {
                    assertThat(shown).doesNotContainKey("Insgesamt|Insgesamt");
                    continue;
                }
                var key = category + "|" + district;
                long count = expected.getOrDefault(key, 0L);
                assertThat(shown).as(key).containsKey(key);
                if (CellSuppression.small(count)) {
                    assertThat(shown.get(key)).as("small count %s", key).isEmpty();
                }
                if (!shown.get(key).isEmpty()) {
                    assertThat(Long.parseLong(shown.get(key))).as(key).isEqualTo(count);
                } else {
                    hiddenCells++;
                }
            }
        }
        // Lärm in the second district (2) is small; its row and column totals are shown, so a second count goes in
        // each, and then in the other row too: nothing is left to subtract
        assertThat(shown.get("Lärm|" + districts.get(1))).isEmpty();
        assertThat(shown.get("Lärm|Insgesamt")).isEqualTo("9");
        assertThat(shown.get("Insgesamt|" + districts.get(1))).isEqualTo("11");
        for (var category : List.of("Lärm", "Müll")) {
            assertThat(districts.stream().filter(d -> shown.get(category + "|" + d).isEmpty()).count())
                    .as("hidden in row %s", category).isNotEqualTo(1);
        }
        for (var district : districts) {
            assertThat(List.of("Lärm", "Müll").stream().filter(c -> shown.get(c + "|" + district).isEmpty()).count())
                    .as("hidden in column %s", district).isNotEqualTo(1);
        }
        assertThat(hiddenCells).isGreaterThanOrEqualTo(2);

        var json = JSON.readTree(text(base + "/anliegen.json"));
        var fromJson = new ArrayList<String>();
        for (JsonNode row : json) {
            fromJson.add(row.get("monat").asString() + "," + row.get("kategorie").asString() + ","
                    + row.get("bezirk").asString() + "," + (row.get("anzahl").isNull() ? "" : row.get("anzahl").asString()));
        }
        assertThat(fromJson).containsExactly(java.util.Arrays.copyOfRange(lines, 1, lines.length));
    }

    @Test
    void theNightlyJobRegeneratesAndNoDatasetHoldsATextAnAddressOrAnEmail() throws Exception {
        switchOn();
        jdbc.sql("UPDATE opendata_dataset SET csv = '', json = '[]' WHERE partnership_id = ?")
                .param(city.id().value()).update();
        jobs.regenerateAll();
        for (var dataset : Dataset.values()) {
            for (var format : List.of("csv", "json")) {
                var content = text(base + "/" + dataset.file() + "." + format);
                assertThat(content).as(dataset + "." + format).isNotBlank()
                        .doesNotContain("Mustermann", "@", "Hauptstraße", "laut");
            }
        }
        assertThat(text(base + "/anliegen.csv").lines().count()).isGreaterThan(1);
    }

    @Test
    void theCatalogueDescribesEveryDatasetAfterDcatApDe() throws Exception {
        switchOn();
        mvc.perform(post("/offene-daten/katalog").with(csrf()).with(user(fixtures.user(city.coordinator())))
                .param("contributorId", "http://dcat-ap.de/def/contributors/stadt" + city.key())
                .param("publisherName", "Stadt " + city.key()).param("publisherUri", "https://stadt.example")
                .param("contactEmail", "sicherheit@stadt.example").param("contactUrl", ""))
                .andExpect(status().is3xxRedirection());
        var answer = mvc.perform(get(base + "/catalog.jsonld")).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(answer.getContentType()).startsWith("application/ld+json");
        var catalogue = JSON.readTree(answer.getContentAsString());
        assertThat(catalogue.get("@type").asString()).isEqualTo("dcat:Catalog");
        assertThat(catalogue.get("@context").get("dcatde").asString()).isEqualTo("http://dcat-ap.de/def/dcatde/");
        assertThat(catalogue.get("dct:title").asString()).startsWith("Offene Daten: ");
        assertThat(catalogue.get("dct:description").asString()).isNotBlank();
        assertThat(catalogue.get("dct:publisher").get("foaf:name").asString()).isEqualTo("Stadt " + city.key());
        assertThat(catalogue.get("dct:publisher").get("@id").asString()).isEqualTo("https://stadt.example");
        assertThat(catalogue.get("dcat:dataset")).hasSize(4);
        for (JsonNode dataset : catalogue.get("dcat:dataset")) {
            assertThat(dataset.get("@type").asString()).isEqualTo("dcat:Dataset");
            for (var property : List.of("dct:title", "dct:description", "dct:identifier", "dct:publisher",
                    "dcatde:contributorID", "dct:modified", "dcat:theme", "dcat:distribution")) {
                assertThat(dataset.has(property)).as(property).isTrue();
            }
            assertThat(dataset.get("dcatde:contributorID").get("@id").asString())
                    .isEqualTo("http://dcat-ap.de/def/contributors/stadt" + city.key());
            assertThat(dataset.get("dcat:contactPoint").get("vcard:hasEmail").get("@id").asString())
                    .isEqualTo("mailto:sicherheit@stadt.example");
            assertThat(dataset.get("dcat:contactPoint").has("vcard:hasURL")).isFalse();
            assertThat(dataset.get("dcat:distribution")).hasSize(2);
            for (JsonNode distribution : dataset.get("dcat:distribution")) {
                assertThat(distribution.get("dct:license").get("@id").asString())
                        .isEqualTo("http://dcat-ap.de/def/licenses/dl-by-de/2.0");
                assertThat(distribution.get("dct:format").get("@id").asString())
                        .startsWith("http://publications.europa.eu/resource/authority/file-type/");
                var url = distribution.get("dcat:downloadURL").get("@id").asString();
                assertThat(distribution.get("dcat:accessURL").get("@id").asString()).isEqualTo(url);
                assertThat(distribution.get("dct:modified").get("@value").asString()).isNotBlank();
                var path = url.substring(url.indexOf("/buerger/"));
                mvc.perform(get(path)).andExpect(status().isOk());
            }
        }
    }

    @Test
    void theCatalogueDetailsAreAddressesOrNothingAndWithoutThemTheCatalogueInventsNoContributorId() throws Exception {
        switchOn();
        for (var wrong : List.of(new String[] {"contributorId", "https://example.org/contributors/stadt"},
                new String[] {"contributorId", "musterstadt"}, new String[] {"publisherUri", "www.stadt.example"},
                new String[] {"contactUrl", "javascript:alert(1)"}, new String[] {"contactEmail", "keine Adresse"})) {
            var page = mvc.perform(post("/offene-daten/katalog").with(csrf())
                    .with(user(fixtures.user(city.coordinator()))).param(wrong[0], wrong[1]))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(Jsoup.parse(page).select("#" + wrong[0] + "-error").text()).as(wrong[1]).isNotBlank();
        }
        var catalogue = JSON.readTree(text(base + "/catalog.jsonld"));
        for (JsonNode dataset : catalogue.get("dcat:dataset")) {
            assertThat(dataset.has("dcatde:contributorID")).isFalse();
            assertThat(dataset.has("dcat:contactPoint")).isFalse();
            assertThat(dataset.get("dct:publisher").get("foaf:name").asString()).isNotBlank();
        }
    }

    private void switchOn() throws Exception {
        mvc.perform(post("/offene-daten/schalter").with(csrf()).with(user(fixtures.user(city.coordinator())))
                .param("enabled", "true")).andExpect(status().is3xxRedirection());
    }

    private String text(String path) throws Exception {
        var response = mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        return response.getContentAsString();
    }

    private String districtName(int index) {
        return jdbc.sql("SELECT name FROM partners_district WHERE id = ?").param(city.districts().get(index).value())
                .query(String.class).single();
    }

    private <T> T asSystem(Supplier<T> work) {
        return CurrentUser.runAs(SipaUser.system(city.id()), work);
    }
}

package de.sipa.situation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import de.sipa.Fixtures;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaPrincipal;
import de.sipa.identity.SipaUser;
import de.sipa.reports.Categories;
import de.sipa.reports.Category;
import de.sipa.reports.CategoryId;
import de.sipa.reports.NewReport;
import de.sipa.reports.ReportSource;
import de.sipa.reports.Reports;

@SipaIntegrationTest
class NearRepeatPagesTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    Categories categories;

    @Autowired
    Reports reports;

    @Autowired
    NearRepeatAnalysis analysis;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    Fixtures.City city;
    LocalDate today;
    Instant now;

    /**
     * Burglaries: 15 places 1.1 km apart, at each a second burglary 20 m away one day after the first, the places
     * 20 days apart in time. Litter: 20 reports at places at least 1.1 km apart, ten of them on one day, so never
     * close in space.
     */
    @BeforeEach
    void burglariesFollowedByANeighbourAndLitterThatNeverRepeatsNearby() {
        city = fixtures.city();
        today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        now = Instant.now();
        CurrentUser.runAs(SipaUser.system(city.id()), () -> {
            var burglary = category("einbruch", "Einbruch");
            var litter = category("muell", "Müll");
            for (int k = 0; k < 15; k++) {
                double latitude = 48.70 + k * 0.01;
                var first = now.minus(Duration.ofDays(10 + 20L * k));
                submit(burglary, latitude, 9.16, first);
                submit(burglary, latitude, 9.16027, first.plus(Duration.ofDays(1)));
            }
            for (int k = 0; k < 10; k++) {
                submit(litter, 48.70 + k * 0.01, 9.30, now.minus(Duration.ofDays(5 + 30L * k)));
                submit(litter, 48.70 + k * 0.01, 9.40, now.minus(Duration.ofDays(3)));
            }
            submit(burglary, 48.70, 9.16, now.minus(Duration.ofDays(500))); // before the period
        });
    }

    @Test
    void burglariesCloseInSpaceAndTimeAreMoreThanChanceAndLitterIsNot() {
        var table = asCoordinator(() -> analysis.analyse(query("einbruch", 100, 4, 7, 4)));
        assertThat(table.events()).isEqualTo(30);
        assertThat(table.pairs()).isEqualTo(30 * 29 / 2);
        var first = table.rows().get(0).cells().get(0);
        assertThat(first.observed()).isEqualTo(15);
        assertThat(first.expected()).isBetween(0.1, 2.0);
        assertThat(first.ratio()).isGreaterThan(5);
        assertThat(first.p()).isLessThanOrEqualTo(0.05);
        assertThat(first.significant()).isTrue();
        assertThat(table.rows()).hasSize(4);
        assertThat(table.rows().get(1).fromMetres()).isEqualTo(100);
        assertThat(table.rows().get(1).toMetres()).isEqualTo(200);
        assertThat(table.rows().get(0).cells()).hasSize(4);
        assertThat(table.rows().get(0).cells().get(1).fromDays()).isEqualTo(7);
        assertThat(table.rows().get(3).cells().get(3).observed()).isZero();
        // The same query gives the same table (fixed seed).
        var again = asCoordinator(() -> analysis.analyse(query("einbruch", 100, 4, 7, 4)));
        assertThat(again).isEqualTo(table);

        var litter = asCoordinator(() -> analysis.analyse(query("muell", 100, 4, 7, 4)));
        assertThat(litter.events()).isEqualTo(20);
        assertThat(litter.rows().get(0).cells().get(0).observed()).isZero();
        assertThat(litter.anySignificant()).isFalse();
    }

    @Test
    void thePageShowsTheKnoxTableWithAMarkerAndTheMethod() throws Exception {
        var page = mvc.perform(get("/lagebild/nahwiederholungen").param("category", "einbruch")
                .with(user(fixtures.user(city.coordinator()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"knox-table\"", "0–100 m", "300–400 m", "0–7 Tage", "21–28 Tage",
                "Einbruch: 30 Anliegen", "near-repeat-marker", "* signifikant (p ≤ 0,05)", "Knox-Test",
                "wer dort unterwegs ist", "/lagebild/nahwiederholungen");
        assertThat(page.indexOf("near-repeat-marker")).isGreaterThan(page.indexOf("0–100 m"))
                .isLessThan(page.indexOf("100–200 m"));

        var litter = mvc.perform(get("/lagebild/nahwiederholungen").param("category", "muell")
                .param("from", today.minusDays(400).toString()).param("to", today.toString())
                .param("distance", "50").param("distanceBands", "2").param("days", "14").param("dayBands", "3")
                .with(user(fixtures.user(city.policeUser()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(litter).contains("0–50 m", "50–100 m", "28–42 Tage", "Müll: 20 Anliegen")
                .doesNotContain("near-repeat-marker", "100–150 m", "42–56 Tage");

        var form = mvc.perform(get("/lagebild/nahwiederholungen").with(user(fixtures.user(city.coordinator()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("Bitte eine Kategorie wählen und", "value=\"100\"", "value=\"" + today + "\"",
                "value=\"" + today.minusYears(1).plusDays(1) + "\"").doesNotContain("id=\"knox-table\"");
    }

    @Test
    void wrongInputIsExplainedInGerman() throws Exception {
        expectProblem(Map.of("category", ""), "Bitte eine Kategorie wählen.");
        expectProblem(Map.of("category", "gibtsnicht"), "Die gewählte Kategorie gibt es nicht.");
        expectProblem(Map.of("category", "einbruch", "distance", "20"),
                "Das Entfernungsband muss zwischen 25 und 1000 m liegen.");
        expectProblem(Map.of("category", "einbruch", "distance", "1001"),
                "Das Entfernungsband muss zwischen 25 und 1000 m liegen.");
        expectProblem(Map.of("category", "einbruch", "distanceBands", "7"), "Es sind 1 bis 6 Entfernungsbänder möglich.");
        expectProblem(Map.of("category", "einbruch", "days", "0"), "Das Zeitband muss zwischen 1 und 60 Tagen liegen.");
        expectProblem(Map.of("category", "einbruch", "days", "61"), "Das Zeitband muss zwischen 1 und 60 Tagen liegen.");
        expectProblem(Map.of("category", "einbruch", "dayBands", "0"), "Es sind 1 bis 6 Zeitbänder möglich.");
        expectProblem(Map.of("category", "einbruch", "from", today.toString(), "to", today.minusDays(1).toString()),
                "Der Zeitraum ist ungültig");
    }

    @Test
    void moreThanTwentyThousandReportsAskForAShorterPeriod() throws Exception {
        var receipt = CurrentUser.runAs(SipaUser.system(city.id()), () -> reports.submit(new NewReport(city.id(),
                category("sperrmuell", "Sperrmüll"), "Hinweis", 48.78, 9.17, null, null, Map.of(), null,
                ReportSource.CITIZEN)));
        jdbc.sql("""
                INSERT INTO reports_report (id, partnership_id, token, category_id, description, latitude, longitude,
                                            source, status, submitted_at, updated_at)
                SELECT gen_random_uuid(), partnership_id, gen_random_uuid(), category_id, description,
                       latitude + g * 0.000001, longitude, source, status, submitted_at - g * interval '1 minute',
                       updated_at
                FROM reports_report, generate_series(1, ?) g WHERE id = ?""")
                .params(NearRepeatQuery.MAX_EVENTS, receipt.report().value()).update();
        expectProblem(Map.of("category", "sperrmuell"),
                "Im Zeitraum liegen 20.001 Anliegen dieser Kategorie, höchstens 20.000 lassen sich paarweise vergleichen; "
                        + "bitte den Zeitraum verkürzen.");
    }

    @Test
    void theCoordinationAndThePoliceMaySeeNearRepeatsOtherPartnersAndTheSteeringGroupNot() throws Exception {
        mvc.perform(get("/lagebild/nahwiederholungen").with(user(fixtures.user(city.publicOrderUser()))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/lagebild/nahwiederholungen").param("category", "einbruch")
                .with(user(fixtures.user(city.publicOrderUser())))).andExpect(status().isForbidden());
        mvc.perform(get("/lagebild/nahwiederholungen").with(user(fixtures.user(city.steeringUser()))))
                .andExpect(status().isForbidden());
        var start = mvc.perform(get("/").with(user(fixtures.user(city.publicOrderUser()))))
                .andReturn().getResponse().getContentAsString();
        assertThat(start).doesNotContain("/lagebild/nahwiederholungen");
        var coordinator = mvc.perform(get("/").with(user(fixtures.user(city.coordinator()))))
                .andReturn().getResponse().getContentAsString();
        assertThat(coordinator).contains("/lagebild/nahwiederholungen");
    }

    private void expectProblem(Map<String, String> parameters, String message) throws Exception {
        var request = get("/lagebild/nahwiederholungen").with(user(fixtures.user(city.coordinator())));
        parameters.forEach(request::param);
        var page = mvc.perform(request).andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains(message).doesNotContain("id=\"knox-table\"");
    }

    private NearRepeatQuery query(String category, int distance, int distanceBands, int days, int dayBands) {
        return new NearRepeatQuery(today.minusYears(1).plusDays(1), today, category, HotspotSource.ALL, distance,
                distanceBands, days, dayBands);
    }

    private <T> T asCoordinator(Supplier<T> work) {
        var principal = (SipaPrincipal) fixtures.user(city.coordinator());
        return CurrentUser.runAs(principal.sipaUser(), work);
    }

    private CategoryId category(String code, String name) {
        return categories.create(new Category(CategoryId.random(), code, name, null, null, 3, false, null, true,
                List.of()));
    }

    private void submit(CategoryId category, double latitude, double longitude, Instant at) {
        var receipt = reports.submit(new NewReport(city.id(), category, "Hinweis", latitude, longitude, null, null,
                Map.of(), null, ReportSource.CITIZEN));
        jdbc.sql("UPDATE reports_report SET submitted_at = ? WHERE id = ?").params(Timestamp.from(at),
                receipt.report().value()).update();
    }
}

package de.sipa.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import de.sipa.Fixtures;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.responsibilities.EntryDetails;
import de.sipa.responsibilities.Responsibilities;
import de.sipa.responsibilities.Responsibility;
import de.sipa.responsibilities.TopicDetails;

/** The contact point's figures at /actuator/prometheus, for a scraper with the token and for administrators only. */
@SipaIntegrationTest
class ReportMetricsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Reports reports;

    @Autowired
    Categories categories;

    @Autowired
    Responsibilities responsibilities;

    @Autowired
    ReportMetrics metrics;

    @Autowired
    JdbcClient jdbc;

    @Test
    void onlyAScraperWithTheTokenOrAnAdministratorReadsTheMetrics() throws Exception {
        assertThat(mvc.perform(get("/actuator/prometheus")).andReturn().getResponse().getStatus()).isIn(302, 401);
        assertThat(mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer wrong")).andReturn()
                .getResponse().getStatus()).isIn(302, 401);
        var city = fixtures.city();
        assertThat(mvc.perform(get("/actuator/prometheus").with(user(fixtures.user(city.coordinator()))))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/actuator/prometheus").with(user("ops").roles("ADMIN"))).andReturn()
                .getResponse().getStatus()).isEqualTo(200);
        assertThat(scrape()).contains("sipa_mail_outbox", "http_server_requests_seconds_bucket");
    }

    @Test
    void reportsReceivedPerChannelRoutedPerDeciderAndTheQueuesPerPartnership() throws Exception {
        var city = fixtures.city();
        var slug = jdbc.sql("SELECT slug FROM partners_partnership WHERE id = ?").param(city.id().value())
                .query(String.class).single();
        var led = CurrentUser.runAs(SipaUser.system(city.id()), () -> {
            var topic = responsibilities.createTopic(new TopicDetails("Lärm", null, null, true));
            responsibilities.assign(new EntryDetails(topic.value(), null, null, city.police().value(),
                    Responsibility.LEAD, "1 Streife", null, "Start"));
            return categories.create(new Category(CategoryId.random(), "laerm", "Lärm", null, topic, 3, false,
                    null, true, List.of()));
        });
        var unled = CurrentUser.runAs(SipaUser.system(city.id()), () -> categories.create(new Category(
                CategoryId.random(), "sonstiges", "Sonstiges", null, null, 3, false, null, true, List.of())));
        var before = scrape();

        reports.submit(new NewReport(city.id(), led, "Laute Musik", 48.7, 9.1, null, null, Map.of(), null,
                ReportSource.OPEN311));
        reports.submit(new NewReport(city.id(), unled, "Etwas anderes", 48.7, 9.1, null, null, Map.of(), null,
                ReportSource.OPEN311));
        var overdue = reports.submit(new NewReport(city.id(), led, "Wieder laut", 48.7, 9.1, null, null, Map.of(),
                null, ReportSource.CITIZEN)).report();
        jdbc.sql("UPDATE reports_report SET deadline = now() - interval '1 day' WHERE id = ?")
                .param(overdue.value()).update();
        metrics.countQueues();

        var after = scrape();
        assertThat(value(after, "sipa_reports_received_total{source=\"OPEN311\"}")
                - value(before, "sipa_reports_received_total{source=\"OPEN311\"}")).isEqualTo(2);
        assertThat(value(after, "sipa_reports_received_total{source=\"CITIZEN\"}")
                - value(before, "sipa_reports_received_total{source=\"CITIZEN\"}")).isEqualTo(1);
        assertThat(value(after, "sipa_reports_routed_total{by=\"automatic\"}")
                - value(before, "sipa_reports_routed_total{by=\"automatic\"}")).isEqualTo(2);
        assertThat(value(after, "sipa_reports_routed_total{by=\"coordinator\"}")
                - value(before, "sipa_reports_routed_total{by=\"coordinator\"}")).isEqualTo(1);
        assertThat(value(after, "sipa_reports_open{partnership=\"" + slug + "\"}")).isEqualTo(3);
        assertThat(value(after, "sipa_reports_unrouted{partnership=\"" + slug + "\"}")).isEqualTo(1);
        assertThat(value(after, "sipa_reports_overdue{partnership=\"" + slug + "\"}")).isEqualTo(1);
    }

    private String scrape() throws Exception {
        return mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer test-scrape-token"))
                .andReturn().getResponse().getContentAsString();
    }

    /** The sample's value in the text format; 0 when the line is not there yet. */
    private static double value(String scrape, String sample) {
        var line = Pattern.compile("^" + Pattern.quote(sample) + " (\\S+)$", Pattern.MULTILINE).matcher(scrape);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }
}

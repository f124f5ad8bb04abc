package de.sipa.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import de.sipa.Fixtures;
import de.sipa.Fixtures.City;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.notifications.Notifications;
import de.sipa.notifications.OutboxEntry;
import de.sipa.reports.Categories;
import de.sipa.reports.Category;
import de.sipa.reports.CategoryId;
import de.sipa.reports.Contact;
import de.sipa.reports.NewReport;
import de.sipa.reports.ReportSource;
import de.sipa.reports.Reports;
import de.sipa.responsibilities.EntryDetails;
import de.sipa.responsibilities.Responsibilities;
import de.sipa.responsibilities.Responsibility;
import de.sipa.responsibilities.TopicDetails;
import de.sipa.shared.BaseUrl;

/**
 * Absolute links (in e-mails, calendar subscriptions, OParl, Open311) start with {@code sipa.base-url}; a request
 * naming another host in its Host header never makes it into a link.
 */
@SipaIntegrationTest
class AbsoluteLinksTests {

    private static final String EVIL = "evil.example";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Responsibilities responsibilities;

    @Autowired
    Categories categories;

    @Autowired
    Reports reports;

    @Autowired
    Notifications notifications;

    @Autowired
    BaseUrl baseUrl;

    City city;
    CategoryId litter;

    @BeforeEach
    void city() {
        city = fixtures.city();
        litter = CurrentUser.runAs(SipaUser.system(city.id()), () -> {
            var topic = responsibilities.createTopic(new TopicDetails("Müll", null, null, true));
            responsibilities.assign(new EntryDetails(topic.value(), null, null, city.publicOrder().value(),
                    Responsibility.LEAD, "1 Person", null, "Start"));
            return categories.create(new Category(CategoryId.random(), "muell", "Vermüllung", null, topic, 5, false,
                    null, true, List.of()));
        });
    }

    @Test
    void mailsLinkToTheBaseUrlNotToTheHostOfTheRequestThatCausedThem() throws Exception {
        mvc.perform(post("/buerger/stadt-" + city.key() + "/melden").with(evilHost()).with(csrf())
                        .param("categoryId", litter.toString()).param("description", "Scherben am Spielplatz")
                        .param("latitude", "48.7").param("longitude", "9.1"))
                .andDo(result -> assertThat(result.getRequest().getServerName()).isEqualTo(EVIL))
                .andExpect(status().is3xxRedirection());
        var receipt = reports.submit(new NewReport(city.id(), litter, "Sperrmüll", 48.7, 9.1, null, null, Map.of(),
                new Contact("Erika", "erika@example.org", null), ReportSource.CITIZEN));
        mvc.perform(post("/reports/" + receipt.report() + "/close").with(evilHost()).with(csrf())
                        .with(as(city.coordinator())).param("outcome", "DONE").param("publicNote", "Abgeholt"))
                .andExpect(status().is3xxRedirection());

        var mails = CurrentUser.runAs(SipaUser.system(city.id()),
                () -> notifications.outbox(PageRequest.of(0, 50)).getContent());
        assertThat(mails).filteredOn(mail -> mail.recipient().equals("ordnung-" + city.key() + "@stadt.example"))
                .as("the assignee's mail").isNotEmpty()
                .allSatisfy(mail -> assertThat(mail.body()).contains(baseUrl.link("/reports")));
        assertThat(mails).filteredOn(mail -> mail.recipient().equals("erika@example.org")).singleElement()
                .extracting(OutboxEntry::body).asString()
                .contains(baseUrl.link("/buerger/anliegen/" + receipt.token()));
        assertThat(mails).extracting(OutboxEntry::body).noneMatch(body -> body.contains(EVIL));
    }

    @Test
    void calendarOparlOpen311AndPagingNeverEchoTheHostHeader() throws Exception {
        var calendar = body(get("/calendar").with(as(city.policeUser())));
        assertThat(calendar).contains("value=\"" + baseUrl.link("/kalender/")).doesNotContain(EVIL);

        assertThat(body(get("/oparl/v1.1"))).contains(baseUrl.link("/oparl/v1.1")).doesNotContain(EVIL);
        assertThat(body(get("/oparl/v1.1/bodies").param("elementsPerPage", "1")))
                .contains("\"first\":\"" + baseUrl.link("/oparl/v1.1/bodies")).doesNotContain(EVIL);
        assertThat(body(get("/open311/v2/discovery.json"))).contains(baseUrl.link("/open311/v2"))
                .doesNotContain(EVIL);

        assertThat(body(get("/reports").param("view", "list").with(as(city.coordinator()))))
                .as("links within the page are relative").contains("href=\"/reports?view=map\"")
                .doesNotContain(EVIL);
    }

    private String body(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        return mvc.perform(request.with(evilHost())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** A request that names another host, as a client (or a poisoned cache) may. */
    private static RequestPostProcessor evilHost() {
        return request -> {
            request.addHeader("Host", EVIL);
            request.setServerName(EVIL);
            return request;
        };
    }

    private RequestPostProcessor as(String username) {
        return user(fixtures.user(username));
    }
}

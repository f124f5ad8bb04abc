package de.sipa.meetings;

import static de.sipa.PdfFiles.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import de.sipa.Fixtures;
import de.sipa.Fixtures.City;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.AuditEntry;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.reports.Categories;
import de.sipa.reports.Category;
import de.sipa.reports.CategoryId;
import de.sipa.reports.NewReport;
import de.sipa.reports.Receipt;
import de.sipa.reports.ReportSource;
import de.sipa.reports.Reports;
import de.sipa.responsibilities.EntryDetails;
import de.sipa.responsibilities.Responsibilities;
import de.sipa.responsibilities.Responsibility;
import de.sipa.responsibilities.TopicDetails;
import de.sipa.responsibilities.TopicId;

/** Agenda items point to a report of the central contact point and to topics of the matrix. */
@SipaIntegrationTest
class AgendaLinkTests {

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
    AuditTrail auditTrail;

    @Autowired
    MeetingPapers papers;

    City city;
    RequestPostProcessor coordinator;
    /** Led by the police, so the police may read the report and the Ordnungsamt may not. */
    Linked noise;
    String meeting;
    String publicItem;
    String confidentialItem;

    /** A topic of the matrix and a report of its category. */
    record Linked(TopicId topic, String topicName, Receipt report) {
    }

    @BeforeEach
    void meetingWithAPublicAndAConfidentialItem() throws Exception {
        city = fixtures.city();
        coordinator = user(fixtures.user(city.coordinator()));
        noise = record(city, "Lärm im Park " + city.key());
        meeting = mvc.perform(post("/meetings").with(coordinator).with(csrf())
                        .param("bodyId", city.steeringGroup().toString()).param("title", "Sitzung mit Bezügen")
                        .param("startsAt", "2027-09-01T10:00").param("endsAt", "2027-09-01T12:00"))
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(post(meeting + "/agenda").with(coordinator).with(csrf()).param("title", "Lärm am Wochenende"));
        mvc.perform(post(meeting + "/agenda").with(coordinator).with(csrf()).param("title", "Ermittlungsstand")
                .param("confidential", "true"));
        var page = page(coordinator);
        var items = Pattern.compile("(" + meeting + "/agenda/[0-9a-f-]{36})/links/report").matcher(page);
        assertThat(items.find()).isTrue();
        publicItem = items.group(1);
        assertThat(items.find()).isTrue();
        confidentialItem = items.group(1);
    }

    @Test
    void theCoordinatorLinksAReportByItsNumberAndATopicAndTheInvitationNamesThem() throws Exception {
        mvc.perform(post(publicItem + "/links/report").with(coordinator).with(csrf())
                        .param("report", " " + noise.report().publicId() + " "))
                .andExpect(flash().attribute("success", "agenda.link.added"));
        mvc.perform(post(publicItem + "/links/topic").with(coordinator).with(csrf())
                        .param("topic", noise.topic().toString()))
                .andExpect(flash().attribute("success", "agenda.link.added"));

        assertThat(page(coordinator)).contains("href=\"/reports/" + noise.report().report() + "\"",
                noise.report().publicId() + " · Lärm", "href=\"/topics/" + noise.topic() + "\"", noise.topicName());
        var invitation = text(mvc.perform(get(meeting + "/invitation.pdf").with(coordinator)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray());
        assertThat(invitation).contains("Bezug: Anliegen " + noise.report().publicId() + " · Lärm",
                "Bezug: Aufgabe " + noise.topicName());
        assertThat(audit("verweist auf")).anySatisfy(entry -> assertThat(entry.summary())
                .isEqualTo("Tagesordnungspunkt „Lärm am Wochenende“ verweist auf Anliegen "
                        + noise.report().publicId() + " · Lärm"));
    }

    @Test
    void thePublishedInvitationNamesTheLinkedTopicButNotTheReportThePublicMayNotRead() throws Exception {
        mvc.perform(post(publicItem + "/links/report").with(coordinator).with(csrf())
                .param("report", noise.report().publicId()));
        mvc.perform(post(publicItem + "/links/topic").with(coordinator).with(csrf())
                .param("topic", noise.topic().toString()));

        var pdf = new ByteArrayOutputStream();
        papers.publish(city.id(), new MeetingId(UUID.fromString(meeting.substring("/meetings/".length()))),
                false, pdf);
        assertThat(text(pdf.toByteArray())).contains("Lärm am Wochenende", "Bezug: Aufgabe " + noise.topicName())
                .doesNotContain(noise.report().publicId(), "Ermittlungsstand");
    }

    @Test
    void unknownRecordsRecordsOfAnotherPartnershipAndSecondLinksAreRefusedWithAMessage() throws Exception {
        var otherCity = fixtures.city();
        var foreign = record(otherCity, "Fremdes Thema " + otherCity.key());

        for (var unknown : List.of("2099-999999", foreign.report().publicId(), foreign.report().report().toString())) {
            refused(post(publicItem + "/links/report").param("report", unknown),
                    "Ein Anliegen „" + unknown + "“ gibt es in Ihrer Sicherheitspartnerschaft nicht.");
        }
        refused(post(publicItem + "/links/report").param("report", " "),
                "Bitte geben Sie die Nummer des Anliegens an.");
        refused(post(publicItem + "/links/topic").param("topic", foreign.topic().toString()),
                "Diese Aufgabe gibt es in der Zuständigkeitsmatrix Ihrer Sicherheitspartnerschaft nicht.");

        mvc.perform(post(publicItem + "/links/topic").with(coordinator).with(csrf())
                .param("topic", noise.topic().toString())).andExpect(flash().attribute("success", "agenda.link.added"));
        refused(post(publicItem + "/links/topic").param("topic", noise.topic().toString()),
                "Dieser Tagesordnungspunkt ist damit bereits verknüpft.");

        mvc.perform(post(publicItem + "/links/report").with(user(fixtures.user(city.policeUser()))).with(csrf())
                .param("report", noise.report().publicId())).andExpect(status().isForbidden());
        assertThat(page(coordinator)).doesNotContain(foreign.topicName(), foreign.report().publicId());
    }

    @Test
    void aLinkIsShownOnlyToReadersOfTheLinkedRecordAndOfTheAgendaItem() throws Exception {
        var traffic = record(city, "Verkehr " + city.key());
        mvc.perform(post(publicItem + "/links/report").with(coordinator).with(csrf())
                .param("report", noise.report().report().toString()));
        mvc.perform(post(publicItem + "/links/topic").with(coordinator).with(csrf())
                .param("topic", noise.topic().toString()));
        mvc.perform(post(confidentialItem + "/links/topic").with(coordinator).with(csrf())
                .param("topic", traffic.topic().toString()));

        var police = user(fixtures.user(city.policeUser()));
        assertThat(page(police)).as("the police leads the report and sits in the body")
                .contains(noise.report().publicId(), noise.topicName(), traffic.topicName());

        var publicOrder = user(fixtures.user(city.publicOrderUser()));
        assertThat(page(publicOrder)).as("the Ordnungsamt may read neither the report nor the confidential item")
                .contains(noise.topicName()).doesNotContain(noise.report().publicId(), traffic.topicName());
        var invitation = text(mvc.perform(get(meeting + "/invitation.pdf").with(publicOrder)).andReturn().getResponse()
                .getContentAsByteArray());
        assertThat(invitation).contains("Bezug: Aufgabe " + noise.topicName())
                .doesNotContain(noise.report().publicId(), traffic.topicName());
    }

    @Test
    void theCoordinatorRemovesALinkAndTheAuditTrailSaysWhich() throws Exception {
        mvc.perform(post(publicItem + "/links/topic").with(coordinator).with(csrf())
                .param("topic", noise.topic().toString()));
        var remove = Pattern.compile("(" + meeting + "/links/[0-9a-f-]{36}/delete)").matcher(page(coordinator));
        assertThat(remove.find()).isTrue();

        mvc.perform(post(remove.group(1)).with(user(fixtures.user(city.policeUser()))).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post(remove.group(1)).with(coordinator).with(csrf()))
                .andExpect(flash().attribute("success", "agenda.link.removed"));

        assertThat(page(coordinator)).doesNotContain("href=\"/topics/" + noise.topic() + "\"");
        assertThat(audit("verweist nicht mehr")).extracting(AuditEntry::summary)
                .containsExactly("Tagesordnungspunkt „Lärm am Wochenende“ verweist nicht mehr auf Aufgabe "
                        + noise.topicName());
    }

    /** A topic led by the city's police, a category for it and a report of that category. */
    private Linked record(City in, String topicName) {
        return CurrentUser.runAs(SipaUser.system(in.id()), () -> {
            var topic = responsibilities.createTopic(new TopicDetails(topicName, null, null, true));
            responsibilities.assign(new EntryDetails(topic.value(), null, null, in.police().value(),
                    Responsibility.LEAD, "2 Streifen", null, "Start"));
            var code = "laerm-" + topic.value().toString().substring(0, 8);
            var category = categories.create(new Category(CategoryId.random(), code, "Lärm", null, topic, 3, false,
                    null, true, List.of()));
            var report = reports.submit(new NewReport(in.id(), category, "Laute Musik bis 3 Uhr", 48.7, 9.1, null, null,
                    Map.of(), null, ReportSource.CITIZEN));
            return new Linked(topic, topicName, report);
        });
    }

    private void refused(MockHttpServletRequestBuilder request, String message) throws Exception {
        mvc.perform(request.with(coordinator).with(csrf())).andExpect(flash().attribute("problem", message));
    }

    private String page(RequestPostProcessor viewer) throws Exception {
        return mvc.perform(get(meeting).with(viewer)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private List<AuditEntry> audit(String search) {
        return CurrentUser.runAs(SipaUser.system(city.id()),
                () -> auditTrail.entries(search, PageRequest.of(0, 20)).getContent());
    }
}

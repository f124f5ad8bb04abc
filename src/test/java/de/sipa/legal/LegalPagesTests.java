package de.sipa.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.reports.Categories;
import de.sipa.reports.Category;
import de.sipa.reports.CategoryId;
import de.sipa.reports.ContactRetention;
import de.sipa.reports.NewReport;
import de.sipa.reports.ReportSource;
import de.sipa.reports.Reports;
import de.sipa.responsibilities.EntryDetails;
import de.sipa.responsibilities.Responsibilities;
import de.sipa.responsibilities.Responsibility;
import de.sipa.responsibilities.TopicDetails;

/** The Impressum, the Datenschutzerklärung and the Erklärung zur Barrierefreiheit of a partnership's public pages. */
@SipaIntegrationTest
class LegalPagesTests {

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
    AuditTrail auditTrail;

    @Autowired
    ContactRetention retention;

    @Autowired
    LegalNotices notices;

    City city;
    String slug;
    CategoryId litter;

    @BeforeEach
    void city() {
        city = fixtures.city();
        slug = "stadt-" + city.key();
        litter = CurrentUser.runAs(SipaUser.system(city.id()), () -> {
            var topic = responsibilities.createTopic(new TopicDetails("Müll", null, null, true));
            responsibilities.assign(new EntryDetails(topic.value(), null, null, city.publicOrder().value(),
                    Responsibility.LEAD, "1 Person", null, "Start"));
            return categories.create(new Category(CategoryId.random(), "muell", "Vermüllung", null, topic, 5, false,
                    null, true, List.of()));
        });
    }

    @Test
    void theCoordinatorWritesImprintAndPrivacyNoticeAndCitizensReadThemAsPlainText() throws Exception {
        mvc.perform(edit("Stadt Teststadt\nRathausplatz 1\n\n<script>alert('impressum')</script>",
                        "Wir schützen Ihre Daten.\r\nZweite Zeile <b>fett</b>", "Dora Datenschutz",
                        "Rathausplatz 1\ndatenschutz@stadt.example").with(as(city.coordinator())))
                .andExpect(status().is3xxRedirection());

        var imprint = page("/buerger/" + slug + "/impressum");
        assertThat(imprint).contains("Stadt Teststadt<br>Rathausplatz 1", "&lt;script&gt;alert(&#39;impressum&#39;)&lt;/script&gt;")
                .doesNotContain("<script>alert", "[Postleitzahl und Ort]");
        var privacy = page("/buerger/" + slug + "/datenschutz");
        assertThat(privacy).contains("Wir schützen Ihre Daten.<br>Zweite Zeile &lt;b&gt;fett&lt;/b&gt;",
                "Dora Datenschutz", "Rathausplatz 1<br>datenschutz@stadt.example")
                .doesNotContain("<b>fett</b>", "Art. 6 Abs. 1 Buchst. e DSGVO");

        var audit = CurrentUser.runAs(SipaUser.system(city.id()),
                () -> auditTrail.entries("Bürgerseiten", PageRequest.of(0, 5)).getContent());
        assertThat(audit).singleElement().satisfies(entry -> assertThat(entry.summary())
                .contains("Impressum", "Datenschutzerklärung", "Datenschutzbeauftragte"));

        var form = mvc.perform(get("/partnership/legal").with(as(city.coordinator()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(form).as("the editor shows what was written").contains("Ihre Daten.", "Zweite Zeile")
                .contains("Dora Datenschutz");
    }

    @Test
    void untilTheCoordinatorWritesItThePrivacyNoticeIsTheTemplateWithRetentionRecipientsAndOfficer()
            throws Exception {
        var days = retention.days();
        var template = page("/buerger/" + slug + "/datenschutz");
        assertThat(template).contains("Art. 6 Abs. 1 Buchst. e DSGVO", "Einwilligung", "Art. 77 DSGVO",
                days + " Tage nach Abschluss", "Ordnungsamt " + city.key(), "Stadt " + city.key())
                .as("the police holds no responsibility in this matrix").doesNotContain("Polizeirevier " + city.key())
                .contains("Datenschutzbeauftragte", "von der Sicherheitskoordination einzutragen")
                .as("the partnership's Land, not a blank").contains("Ordnungsrecht des Landes Baden-Württemberg")
                .doesNotContain("[Land");
        assertThat(page("/buerger/" + slug + "/impressum")).contains("§ 5 Digitale-Dienste-Gesetz", "[Postleitzahl und Ort]");

        var editor = mvc.perform(get("/partnership/legal").with(as(city.coordinator()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(editor).as("pre-filled with the template").contains(days + " Tage nach Abschluss",
                "Digitale-Dienste-Gesetz");

        // Only the officer is named; the texts handed back as shown stay the template.
        var shown = CurrentUser.runAs(SipaUser.system(city.id()), () -> notices.forEditing(Locale.GERMAN));
        mvc.perform(edit(shown.imprint(), shown.privacy(), "Dora Datenschutz", "dsb@stadt.example")
                .with(as(city.coordinator()))).andExpect(status().is3xxRedirection());
        var withOfficer = page("/buerger/" + slug + "/datenschutz");
        assertThat(withOfficer).contains(days + " Tage nach Abschluss", "Dora Datenschutz", "dsb@stadt.example")
                .doesNotContain("von der Sicherheitskoordination einzutragen");
        assertThat(CurrentUser.runAs(SipaUser.system(city.id()), () -> notices.ownTexts()))
                .isEqualTo(new LegalNotice(null, null, null, "Dora Datenschutz", "dsb@stadt.example"));

        assertThat(page("/buerger/" + slug + "/datenschutz?lang=en")).as("English visitors read the English template")
                .contains("Art. 6 (1) (e) GDPR", days + " days after your report was closed", "Dora Datenschutz");
    }

    @Test
    void everyPublicPageLinksTheImprintAndThePrivacyNotice() throws Exception {
        var receipt = reports.submit(new NewReport(city.id(), litter, "Scherben", 48.7, 9.1, null, null, Map.of(),
                null, ReportSource.CITIZEN));
        var pages = List.of("/buerger/" + slug + "/melden", "/buerger/" + slug + "/karte",
                "/buerger/anliegen/" + receipt.token(), "/buerger/" + slug + "/impressum",
                "/buerger/" + slug + "/datenschutz", "/buerger/" + slug + "/barrierefreiheit", "/buerger/" + slug);
        for (var path : pages) {
            assertThat(page(path)).as(path).contains("href=\"/buerger/" + slug + "/impressum\"",
                    "href=\"/buerger/" + slug + "/datenschutz\"", "href=\"/buerger/" + slug + "/barrierefreiheit\"");
        }
        var thanks = mvc.perform(post("/buerger/" + slug + "/melden").with(csrf()).param("categoryId", litter.toString())
                        .param("description", "Bot").param("website", "http://spam.example"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(thanks).contains("href=\"/buerger/" + slug + "/datenschutz\"");

        assertThat(page("/buerger/" + slug + "/melden")).as("the form says what happens with the contact data")
                .contains("nicht veröffentlicht und " + retention.days() + " Tage nach Abschluss Ihres Anliegens gelöscht",
                        "id=\"contact-privacy\"");
    }

    @Test
    void theAccessibilityStatementStartsFromATemplateForTheLandAndTheCoordinatorCompletesIt() throws Exception {
        var template = page("/buerger/" + slug + "/barrierefreiheit");
        assertThat(template).contains("Erklärung zur Barrierefreiheit", "BITV 2.0", "Richtlinie (EU) 2016/2102",
                        "Nicht barrierefreie Inhalte", "PDF/UA", "Leichter Sprache", "Barrieren melden",
                        "Durchsetzungsverfahren", "[Stelle, Anschrift, E-Mail, Telefon]")
                .as("the partnership's Land and name").contains("Schlichtungsstelle des Landes Baden-Württemberg",
                        "Stadt " + city.key());
        assertThat(page("/buerger/" + slug + "/barrierefreiheit?lang=en")).contains("Accessibility statement",
                "Enforcement procedure", "Land Baden-Württemberg");
        var editor = mvc.perform(get("/partnership/legal").with(as(city.coordinator()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(editor).as("pre-filled with the template").contains("id=\"accessibility\"", "Barrieren melden");

        var shown = CurrentUser.runAs(SipaUser.system(city.id()), () -> notices.forEditing(Locale.GERMAN));
        var completed = shown.accessibility().replace("[Stelle, Anschrift, E-Mail, Telefon]",
                "Sicherheitskoordination, barrierefrei@stadt.example") + "\n\n<i>Stand: 1. Dezember</i>";
        mvc.perform(edit(shown.imprint(), shown.privacy(), completed, null, null).with(as(city.coordinator())))
                .andExpect(status().is3xxRedirection());

        assertThat(page("/buerger/" + slug + "/barrierefreiheit"))
                .contains("Sicherheitskoordination, barrierefrei@stadt.example", "&lt;i&gt;Stand: 1. Dezember&lt;/i&gt;")
                .doesNotContain("[Stelle, Anschrift, E-Mail, Telefon]", "<i>Stand");
        assertThat(CurrentUser.runAs(SipaUser.system(city.id()), () -> notices.ownTexts()))
                .as("only the statement was written; the other texts stay the template")
                .satisfies(own -> assertThat(own.imprint()).isNull())
                .satisfies(own -> assertThat(own.privacy()).isNull())
                .satisfies(own -> assertThat(own.accessibility()).contains("barrierefrei@stadt.example"));
        var audit = CurrentUser.runAs(SipaUser.system(city.id()),
                () -> auditTrail.entries("Bürgerseiten", PageRequest.of(0, 5)).getContent());
        assertThat(audit).singleElement().satisfies(entry -> assertThat(entry.summary())
                .contains("Erklärung zur Barrierefreiheit").doesNotContain("Impressum", "Datenschutz"));

        mvc.perform(edit(shown.imprint(), shown.privacy(), "  ", null, null).with(as(city.coordinator())))
                .andExpect(status().is3xxRedirection());
        assertThat(page("/buerger/" + slug + "/barrierefreiheit")).as("emptied, the template again")
                .contains("[Stelle, Anschrift, E-Mail, Telefon]");
    }

    @Test
    void onlyTheCoordinationEditsTheLegalPages() throws Exception {
        for (var username : List.of(city.policeUser(), city.steeringUser())) {
            mvc.perform(get("/partnership/legal").with(as(username))).andExpect(status().isForbidden());
            mvc.perform(edit("Gekapert", "Gekapert", "Niemand", "").with(as(username)))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/partnership/legal")).andExpect(status().is3xxRedirection());
        assertThat(page("/buerger/" + slug + "/impressum")).doesNotContain("Gekapert");
        assertThat(page("/buerger/" + slug + "/datenschutz")).doesNotContain("Gekapert", "Niemand");
        assertThat(page("/buerger/" + slug + "/barrierefreiheit")).doesNotContain("Gekapert");
    }

    @Test
    void anUnknownPartnershipHasNoLegalPages() throws Exception {
        mvc.perform(get("/buerger/gibt-es-nicht-" + city.key() + "/impressum")).andExpect(status().isNotFound());
        mvc.perform(get("/buerger/gibt-es-nicht-" + city.key() + "/datenschutz")).andExpect(status().isNotFound());
        mvc.perform(get("/buerger/gibt-es-nicht-" + city.key() + "/barrierefreiheit")).andExpect(status().isNotFound());
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static MockHttpServletRequestBuilder edit(String imprint, String privacy, String dpoName, String dpoContact) {
        return edit(imprint, privacy, null, dpoName, dpoContact);
    }

    private static MockHttpServletRequestBuilder edit(String imprint, String privacy, String accessibility,
            String dpoName, String dpoContact) {
        var request = post("/partnership/legal").with(csrf()).param("imprint", imprint).param("privacy", privacy)
                .param("dpoName", dpoName).param("dpoContact", dpoContact);
        return accessibility == null ? request : request.param("accessibility", accessibility);
    }

    private RequestPostProcessor as(String username) {
        return user(fixtures.user(username));
    }
}

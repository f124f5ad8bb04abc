package de.sipa.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
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
import de.sipa.reports.open311.ApiClients;
import de.sipa.responsibilities.EntryDetails;
import de.sipa.responsibilities.Responsibilities;
import de.sipa.responsibilities.Responsibility;
import de.sipa.responsibilities.TopicDetails;
import de.sipa.responsibilities.TopicId;

/**
 * The coordination sets up the categories of a partnership that has none (as a fresh production installation):
 * Open311 then offers them and takes reports in them; a retired category stays with its reports only.
 */
@SipaIntegrationTest
class CategoryPagesTests {

    private static final AtomicInteger ADDRESS = new AtomicInteger(1);

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Categories categories;

    @Autowired
    Reports reports;

    @Autowired
    Responsibilities responsibilities;

    @Autowired
    ApiClients clients;

    @Autowired
    AuditTrail auditTrail;

    @Autowired
    CategorySuggestions suggestions;

    City city;
    TopicId drugs;

    @BeforeEach
    void city() {
        city = fixtures.city();
        drugs = as(() -> {
            var topic = responsibilities.createTopic(new TopicDetails("Drogenkonsum im öffentlichen Raum", null, null, true));
            responsibilities.assign(new EntryDetails(topic.value(), null, null, city.police().value(),
                    Responsibility.LEAD, "2 Streifen", null, "Start"));
            return topic;
        });
    }

    @Test
    void aCategoryCreatedByTheCoordinatorIsOfferedByOpen311AndTakesAnAppsReport() throws Exception {
        assertThat(json("/open311/v2/services.json?jurisdiction_id=" + slug())).isEqualTo("[]");
        var page = page(get("/reports/categories/new").with(coordinator()));
        assertThat(page).contains("Drogenkonsum im öffentlichen Raum", "Frage hinzufügen");

        mvc.perform(drugsForm(post("/reports/categories"))).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/reports/categories"));

        var list = page(get("/reports/categories").with(coordinator()));
        assertThat(list).contains("Drogenkonsum oder -handel", "drogen", "Drogenkonsum im öffentlichen Raum",
                "2 Arbeitstage", "Was haben Sie beobachtet?", "angeboten");
        assertThat(json("/open311/v2/services.json?jurisdiction_id=" + slug()))
                .contains("\"service_code\":\"drogen\"", "\"service_name\":\"Drogenkonsum oder -handel\"",
                        "\"metadata\":true", "\"keywords\":\"spritzen,dealer\"");
        assertThat(json("/open311/v2/services/drogen.json?jurisdiction_id=" + slug()))
                .contains("\"code\":\"art\"", "\"datatype\":\"singlevaluelist\"", "\"required\":true",
                        "{\"key\":\"konsum\",\"name\":\"Konsum\"}", "{\"key\":\"spritzen-gefunden\",\"name\":\"Spritzen gefunden\"}",
                        "\"code\":\"anzahl\"", "\"datatype\":\"number\"");

        var key = as(() -> clients.open("Stadt-App").key());
        var answer = mvc.perform(post("/open311/v2/requests.json").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("jurisdiction_id", slug()).param("api_key", key).param("service_code", "drogen")
                        .param("lat", "48.7781").param("long", "9.1835").param("description", "Handel an der Treppe")
                        .param("attribute[art]", "handel"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(answer).contains("\"service_request_id\":\"");
        var id = answer.replaceAll("(?s).*\"service_request_id\":\"([^\"]+)\".*", "$1");
        var report = as(() -> reports.queue(new ReportQuery(null, false, null, null, null, false, true, null),
                PageRequest.of(0, 10)).getContent()).get(0);
        assertThat(report.publicId()).isEqualTo(id);
        assertThat(report.assignee()).as("routed by the category's topic").isEqualTo(city.police());
        assertThat(report.attributes()).containsEntry("art", "handel");
    }

    @Test
    void aRetiredCategoryStaysWithItsReportsButIsOfferedNowhereAndTakesNoNewOnes() throws Exception {
        mvc.perform(drugsForm(post("/reports/categories"))).andExpect(status().is3xxRedirection());
        var category = as(() -> categories.all()).get(0);
        var old = reports.submit(new NewReport(city.id(), category.id(), "Spritzen im Gebüsch", 48.7781, 9.1835, null,
                null, java.util.Map.of("art", "spritzen-gefunden"), null, ReportSource.CITIZEN));

        mvc.perform(post("/reports/categories/" + category.id() + "/retire").with(coordinator()).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/reports/categories"));

        assertThat(page(get("/reports/categories").with(coordinator()))).contains("nicht mehr angeboten", "Wieder anbieten");
        assertThat(json("/open311/v2/services.json?jurisdiction_id=" + slug())).isEqualTo("[]");
        assertThat(json("/open311/v2/services.xml?jurisdiction_id=" + slug())).doesNotContain("drogen");
        mvc.perform(get("/open311/v2/services/drogen.json").param("jurisdiction_id", slug()))
                .andExpect(status().isNotFound());
        var key = as(() -> clients.open("Stadt-App").key());
        var refused = mvc.perform(post("/open311/v2/requests.json").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("jurisdiction_id", slug()).param("api_key", key).param("service_code", "drogen")
                        .param("lat", "48.7781").param("long", "9.1835").param("description", "Noch mehr Spritzen")
                        .param("attribute[art]", "handel"))
                .andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(404);
        assertThat(refused.getContentAsString()).contains("service_code 'drogen' has been retired");

        var form = page(get("/buerger/" + slug() + "/melden"));
        assertThat(form).doesNotContain("Drogenkonsum oder -handel");
        var citizen = mvc.perform(post("/buerger/" + slug() + "/melden").with(csrf()).with(from())
                        .param("categoryId", category.id().toString()).param("description", "Spritzen")
                        .param("attributes[art]", "handel").param("latitude", "48.7781").param("longitude", "9.1835"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(citizen).contains("Die Kategorie „Drogenkonsum oder -handel“ wird nicht mehr angeboten.");

        assertThat(page(get("/reports/" + old.report()).with(coordinator())))
                .as("the old report keeps its category").contains("Drogenkonsum oder -handel", "nicht mehr angeboten");
        assertThat(page(get("/buerger/anliegen/" + old.token()))).contains("Drogenkonsum oder -handel");

        mvc.perform(post("/reports/categories/" + category.id() + "/offer").with(coordinator()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(json("/open311/v2/services.json?jurisdiction_id=" + slug())).contains("\"service_code\":\"drogen\"");
    }

    @Test
    void mistakesAreNamedAtTheirFieldsAndWhatWasTypedStays() throws Exception {
        var page = mvc.perform(post("/reports/categories").with(coordinator()).with(csrf())
                        .param("code", "Drogen!").param("name", "").param("serviceLevelDays", "0")
                        .param("description", "Spritzen, Handel").param("topicId", "kein-thema")
                        .param("attributes[0].code", "art").param("attributes[0].type", "SINGLEVALUELIST")
                        .param("attributes[0].description", "Was haben Sie beobachtet?").param("attributes[0].choices", "")
                        .param("attributes[1].code", "art").param("attributes[1].type", "NUMBER")
                        .param("attributes[1].description", "").param("attributes[1].choices", "eins\nzwei"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Das Kürzel darf nur Kleinbuchstaben ohne Umlaute",
                "Bitte geben Sie einen Namen an.",
                "Die Frist muss eine ganze Zahl von 1 bis 60 Arbeitstagen sein.",
                "Diese Aufgabe gibt es in der Zuständigkeitsmatrix nicht.",
                "Eine Auswahl braucht mindestens eine Antwortmöglichkeit.",
                "Das Kürzel „art“ hat schon eine andere Frage dieser Kategorie.",
                "Bitte schreiben Sie die Frage.",
                "Antwortmöglichkeiten gibt es nur bei einer Auswahl")
                .as("what was typed").contains("value=\"Drogen!\"", ">Spritzen, Handel</textarea>",
                        "value=\"Was haben Sie beobachtet?\"", ">eins\nzwei</textarea>");
        mvc.perform(post("/reports/categories").with(coordinator()).with(csrf()).param("code", "x").param("name", "X")
                .param("serviceLevelDays", "3").param("moderated", "vielleicht")
                .param("attributes[0].required", "jein")).andExpect(status().isBadRequest());
        assertThat(as(() -> categories.all())).isEmpty();

        mvc.perform(drugsForm(post("/reports/categories"))).andExpect(status().is3xxRedirection());
        var taken = mvc.perform(drugsForm(post("/reports/categories")))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(taken).contains("Eine Kategorie mit dem Kürzel „drogen“ gibt es bereits.", "value=\"spritzen dealer\"",
                "konsum = Konsum\nhandel = Handel\nSpritzen gefunden</textarea>");
        assertThat(as(() -> categories.all())).hasSize(1);
    }

    @Test
    void questionRowsAreAddedMovedAndRemovedWithoutSaving() throws Exception {
        var added = page(post("/reports/categories").with(coordinator()).with(csrf()).param("code", "laerm")
                .param("name", "Lärm").param("serviceLevelDays", "3").param("row", "add"));
        assertThat(added).contains("Frage 1", "name=\"attributes[0].code\"", "value=\"laerm\"");

        var moved = page(drugsForm(post("/reports/categories")).param("row", "up-1"));
        assertThat(moved.indexOf("value=\"Anzahl Personen\"")).isLessThan(moved.indexOf("value=\"Was haben Sie beobachtet?\""));
        var removed = page(drugsForm(post("/reports/categories")).param("row", "remove-0"));
        assertThat(removed).contains("value=\"Anzahl Personen\"").doesNotContain("Was haben Sie beobachtet?");
        assertThat(as(() -> categories.all())).isEmpty();
    }

    @Test
    void aChangeReplacesTheQuestionsAndEveryStepIsAudited() throws Exception {
        mvc.perform(drugsForm(post("/reports/categories"))).andExpect(status().is3xxRedirection());
        var category = as(() -> categories.all()).get(0);
        var edit = page(get("/reports/categories/" + category.id()).with(coordinator()));
        assertThat(edit).contains("value=\"drogen\"", "konsum = Konsum", "Nicht mehr anbieten");

        mvc.perform(post("/reports/categories/" + category.id()).with(coordinator()).with(csrf())
                        .param("code", "drogen").param("name", "Drogen").param("serviceLevelDays", "5")
                        .param("topicId", "").param("moderated", "true").param("descriptionRequired", "true")
                        .param("keywords", "")
                        .param("attributes[0].code", "anzahl").param("attributes[0].type", "NUMBER")
                        .param("attributes[0].required", "true").param("attributes[0].description", "Wie viele?"))
                .andExpect(status().is3xxRedirection());

        var changed = as(() -> categories.get(category.id()));
        assertThat(changed).extracting(Category::name, Category::serviceLevelDays, Category::topic, Category::moderated,
                Category::keywords, Category::active, Category::descriptionRequired)
                .containsExactly("Drogen", 5, null, true, null, true, true);
        assertThat(changed.attributes()).containsExactly(
                new CategoryAttribute("anzahl", AttributeType.NUMBER, true, "Wie viele?", List.of()));

        mvc.perform(post("/reports/categories/" + category.id() + "/retire").with(coordinator()).with(csrf()));
        var retiredAgain = mvc.perform(post("/reports/categories/" + category.id() + "/retire").with(coordinator())
                .with(csrf())).andReturn().getFlashMap().get("problem");
        assertThat(retiredAgain).isEqualTo("Die Kategorie „Drogen“ wird schon nicht mehr angeboten.");
        mvc.perform(post("/reports/categories/" + category.id()).with(coordinator()).with(csrf())
                        .param("code", "drogen").param("name", "Drogen und Spritzen").param("serviceLevelDays", "5"))
                .andExpect(status().is3xxRedirection());
        assertThat(as(() -> categories.get(category.id())).active()).as("a change does not offer it again").isFalse();

        var audit = as(() -> auditTrail.entries("Kategorie", PageRequest.of(0, 20)).getContent()).stream()
                .filter(e -> e.subjectType().equals("Category")).map(AuditEntry::summary).toList();
        assertThat(audit).containsExactly(
                "Kategorie „Drogen und Spritzen“ (drogen) geändert",
                "Kategorie „Drogen“ (drogen) nicht mehr angeboten",
                "Kategorie „Drogen“ (drogen) geändert",
                "Kategorie „Drogenkonsum oder -handel“ (drogen) angelegt");
    }

    @Test
    void onlyTheCoordinationManagesCategoriesAndTheSteeringGroupReadsThem() throws Exception {
        mvc.perform(drugsForm(post("/reports/categories"))).andExpect(status().is3xxRedirection());
        var category = as(() -> categories.all()).get(0);
        var steering = user(fixtures.user(city.steeringUser()));
        var partner = user(fixtures.user(city.policeUser()));

        var read = page(get("/reports/categories").with(steering));
        assertThat(read).contains("Drogenkonsum oder -handel", "href=\"/reports/categories\"")
                .doesNotContain("Neue Kategorie", "Nicht mehr anbieten", "/reports/categories/" + category.id());
        assertThat(page(get("/reports").with(coordinator()))).contains("href=\"/reports/categories\"");
        assertThat(page(get("/reports").with(partner))).doesNotContain("href=\"/reports/categories\"");

        mvc.perform(get("/reports/categories").with(partner)).andExpect(status().isForbidden());
        for (var who : List.of(steering, partner)) {
            mvc.perform(get("/reports/categories/new").with(who)).andExpect(status().isForbidden());
            mvc.perform(get("/reports/categories/" + category.id()).with(who)).andExpect(status().isForbidden());
            mvc.perform(drugsForm(post("/reports/categories"), who)).andExpect(status().isForbidden());
            mvc.perform(post("/reports/categories/" + category.id() + "/retire").with(who).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        assertThat(as(() -> categories.get(category.id())).active()).isTrue();
        assertThat(as(() -> categories.all())).hasSize(1);
    }

    @Test
    void aNewCategorysKeywordsAreSuggestedAtOnce() throws Exception {
        mvc.perform(drugsForm(post("/reports/categories"))).andExpect(status().is3xxRedirection());
        assertThat(suggestions.suggest(city.id(), "Schlagloch auf dem Radweg", 3)).as("the model is trained now")
                .extracting(s -> s.category().code()).containsExactly("drogen");

        var roads = as(() -> responsibilities.createTopic(new TopicDetails("Verkehrssicherung", null, null, true)));
        mvc.perform(post("/reports/categories").with(coordinator()).with(csrf()).param("code", "strasse")
                        .param("name", "Straßenschäden").param("serviceLevelDays", "5")
                        .param("topicId", roads.value().toString()).param("keywords", "schlagloch radweg"))
                .andExpect(status().is3xxRedirection());

        assertThat(suggestions.suggest(city.id(), "Schlagloch auf dem Radweg", 3))
                .extracting(s -> s.category().code()).first().isEqualTo("strasse");
    }

    private MockHttpServletRequestBuilder drugsForm(MockHttpServletRequestBuilder request) {
        return drugsForm(request, coordinator());
    }

    private MockHttpServletRequestBuilder drugsForm(MockHttpServletRequestBuilder request, RequestPostProcessor who) {
        return request.with(who).with(csrf()).param("code", "drogen").param("name", "Drogenkonsum oder -handel")
                .param("description", "Spritzen, Handel").param("topicId", drugs.value().toString())
                .param("serviceLevelDays", "2").param("keywords", "spritzen dealer")
                .param("attributes[0].code", "art").param("attributes[0].type", "SINGLEVALUELIST")
                .param("attributes[0].required", "true").param("_attributes[0].required", "on")
                .param("attributes[0].description", "Was haben Sie beobachtet?")
                .param("attributes[0].choices", "konsum = Konsum\nhandel = Handel\nSpritzen gefunden")
                .param("attributes[1].code", "anzahl").param("attributes[1].type", "NUMBER")
                .param("_attributes[1].required", "on").param("attributes[1].description", "Anzahl Personen")
                .param("attributes[1].choices", "");
    }

    private String json(String url) throws Exception {
        return mvc.perform(get(url))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private RequestPostProcessor coordinator() {
        return user(fixtures.user(city.coordinator()));
    }

    private String slug() {
        return "stadt-" + city.key();
    }

    private <T> T as(java.util.function.Supplier<T> work) {
        return CurrentUser.runAs(SipaUser.system(city.id()), work);
    }

    private static RequestPostProcessor from() {
        var address = "198.51.100." + ADDRESS.incrementAndGet();
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}

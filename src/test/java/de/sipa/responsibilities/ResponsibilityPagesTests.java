package de.sipa.responsibilities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import de.sipa.Fixtures;
import de.sipa.Fixtures.City;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;

/** Every page of the module renders for the roles that use it, and the forms reach the facade. */
@SipaIntegrationTest
class ResponsibilityPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Responsibilities responsibilities;

    @Autowired
    Reviews reviews;

    City city;
    TopicId topic;
    EntryId entry;
    ReviewId review;

    @BeforeEach
    void city() {
        city = fixtures.city();
        CurrentUser.runAs(SipaUser.system(city.id()), () -> {
            topic = responsibilities.createTopic(new TopicDetails("Lärm " + city.key(), "im Park", "PolG", true));
            entry = responsibilities.assign(new EntryDetails(topic.value(), null, null, city.police().value(),
                    Responsibility.LEAD, "2 Streifen", null, "Start"));
            review = reviews.open(new ReviewForm("Runde " + city.key(), LocalDate.now().plusDays(10), List.of(), List.of()));
        });
    }

    @Test
    void thePagesRenderForCoordinatorPartnerAndSteering() throws Exception {
        var pages = List.of("/matrix", "/matrix?asOf=2020-01-01", "/matrix?district=" + city.districts().get(0),
                "/matrix/findings", "/matrix/history", "/matrix/organisations/" + city.police(), "/topics",
                "/topics/" + topic, "/reviews", "/reviews/" + review);
        for (var username : List.of(city.coordinator(), city.policeUser(), city.steeringUser())) {
            for (var page : pages) {
                mvc.perform(get(page).with(as(username))).andExpect(status().isOk());
            }
        }
        for (var page : List.of("/topics/new", "/topics/" + topic + "/edit", "/matrix/entries/new?topic=" + topic,
                "/matrix/entries/" + entry + "/edit", "/reviews/new", "/matrix/import", "/outbox")) {
            mvc.perform(get(page).with(as(city.coordinator()))).andExpect(status().isOk());
        }
        var change = CurrentUser.runAs(SipaUser.system(city.id()),
                () -> responsibilities.history(org.springframework.data.domain.PageRequest.of(0, 1)).getContent().get(0));
        mvc.perform(get("/matrix/history/" + change.id()).with(as(city.policeUser()))).andExpect(status().isOk());
    }

    @Test
    void thePartnerAnswersThroughTheFormAndTheCoordinatorAdoptsTheAnswer() throws Exception {
        var item = CurrentUser.runAs(SipaUser.system(city.id()), () -> reviews.items(review).get(0));
        var page = mvc.perform(get("/reviews/" + review).with(as(city.policeUser()))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("review-item", "Lärm " + city.key());

        mvc.perform(post("/reviews/" + review + "/items/" + item.id() + "/answer").with(as(city.policeUser())).with(csrf())
                        .param("answer", "NOT_OURS").param("reason", ""))
                .andExpect(flash().attribute("problem", "Bitte begründen Sie Ihre Antwort."));
        mvc.perform(post("/reviews/" + review + "/items/" + item.id() + "/answer").with(as(city.policeUser())).with(csrf())
                        .param("answer", "NOT_OURS").param("reason", "Keine Streifen mehr"))
                .andExpect(flash().attribute("success", "review.answered.saved"));
        mvc.perform(post("/reviews/" + review + "/items/" + item.id() + "/adopt").with(as(city.policeUser())).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/reviews/" + review + "/items/" + item.id() + "/adopt").with(as(city.coordinator())).with(csrf()))
                .andExpect(flash().attribute("success", "review.adopted"));
        assertThat(CurrentUser.runAs(SipaUser.system(city.id()), () -> reviews.proposals(review)))
                .singleElement().extracting(Proposal::kind).isEqualTo(ProposalKind.REMOVE);
    }

    @Test
    void anEntryFormWithoutReasonKeepsTheInputAndSaysWhy() throws Exception {
        var page = mvc.perform(post("/matrix/entries").with(as(city.coordinator())).with(csrf())
                        .param("topicId", topic.toString()).param("organisationId", city.publicOrder().toString())
                        .param("responsibility", "SUPPORT").param("resources", "3 h/Woche").param("reason", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("darf nicht leer sein", "value=\"3 h/Woche\"");
        assertThat(CurrentUser.runAs(SipaUser.system(city.id()), () -> responsibilities.matrix().entriesOf(topic)))
                .hasSize(1);
    }

    @Test
    void theImportPageShowsThePreviewAndImportsAfterConfirmation() throws Exception {
        var csv = ("Aufgabe;Organisation;Zuständigkeit\nLärm " + city.key() + ";Ordnungsamt " + city.key()
                + ";unterstützend\nLärm " + city.key() + ";Niemand;F\n").getBytes(StandardCharsets.UTF_8);
        var page = mvc.perform(multipart("/matrix/import/preview").file(new MockMultipartFile("file", "m.csv",
                        "text/csv", csv)).with(as(city.coordinator())).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Unbekannte Organisation „Niemand“", "1 Zeile(n) importieren");
        // The confirmation sends back what the preview page carries in its hidden field.
        var carried = java.util.regex.Pattern.compile("name=\"content\" value=\"([^\"]*)\"").matcher(page);
        assertThat(carried.find()).isTrue();
        assertThat(carried.group(1)).isEqualTo(java.util.Base64.getEncoder().encodeToString(csv));
        mvc.perform(post("/matrix/import/confirm").with(as(city.coordinator())).with(csrf())
                        .param("content", carried.group(1))
                        .param("reason", "Workshop"))
                .andExpect(flash().attribute("imported", 1));
        var export = mvc.perform(get("/matrix/export.csv").with(as(city.policeUser()))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(export).contains("Ordnungsamt " + city.key() + ";unterstützend");
        mvc.perform(get("/matrix/export.pdf").with(as(city.steeringUser()))).andExpect(status().isOk());
    }

    private RequestPostProcessor as(String username) {
        return user(fixtures.user(username));
    }
}

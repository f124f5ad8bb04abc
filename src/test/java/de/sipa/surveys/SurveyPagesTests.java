package de.sipa.surveys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import de.sipa.Fixtures;
import de.sipa.SipaIntegrationTest;

@SipaIntegrationTest
class SurveyPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    Fixtures.City city;
    RequestPostProcessor coordinator;

    @BeforeEach
    void aCity() {
        city = fixtures.city();
        coordinator = user(fixtures.user(city.coordinator()));
    }

    @Test
    void theCoordinationBuildsAQuestionnaireFromTheLibraryAndARefusedFormKeepsWhatWasTyped() throws Exception {
        var refused = mvc.perform(post("/umfragen/frageboegen/neu").with(csrf()).with(coordinator)
                .param("title", " ").param("introduction", "Ihre Meinung zählt.").param("item", "fear_burglary"))
                .andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(refused.getContentAsString()).contains("Bitte geben Sie einen Titel ein", "Ihre Meinung zählt.")
                .containsPattern("value=\"fear_burglary\"\\s+checked");

        var created = mvc.perform(post("/umfragen/frageboegen/neu").with(csrf()).with(coordinator)
                .param("title", "Bürgerumfrage 2027").param("introduction", "")
                .param("item", "safety_night_area", "avoidance")).andReturn().getResponse();
        assertThat(created.getRedirectedUrl()).startsWith("/umfragen/frageboegen/");
        var editor = created.getRedirectedUrl();
        var page = html(get(editor));
        assertThat(page).contains("Wie sicher fühlen Sie sich nachts ohne Begleitung in Ihrer Wohngegend?",
                "Sorgen und Verhalten", "vergleichbar: avoidance");

        var id = UUID.fromString(editor.substring(editor.lastIndexOf('/') + 1));
        var night = jdbc.sql("SELECT id FROM surveys_question WHERE questionnaire_id = ? AND comparable_key = ?")
                .params(id, "safety_night_area").query(UUID.class).single();
        var section = jdbc.sql("SELECT id FROM surveys_section WHERE questionnaire_id = ? ORDER BY position LIMIT 1")
                .param(id).query(UUID.class).single();
        var badCondition = mvc.perform(post(editor + "/fragen/neu").with(csrf()).with(coordinator)
                .param("kind", "FREE_TEXT").param("section", section.toString())
                .param("text", "Welche Orte meiden Sie?").param("condition", night + ":3", UUID.randomUUID() + ":1"))
                .andReturn().getResponse();
        assertThat(badCondition.getStatus()).isEqualTo(200);
        assertThat(badCondition.getContentAsString()).contains("genau eine frühere Frage", "Welche Orte meiden Sie?");

        var saved = mvc.perform(post(editor + "/fragen/neu").with(csrf()).with(coordinator)
                .param("kind", "FREE_TEXT").param("section", section.toString())
                .param("text", "Welche Orte meiden Sie?").param("condition", night + ":3", night + ":4"))
                .andReturn().getResponse();
        assertThat(saved.getRedirectedUrl()).startsWith(editor);
        assertThat(html(get(editor))).contains("nur wenn „Wie sicher fühlen Sie sich nachts ohne Begleitung in "
                + "Ihrer Wohngegend?“ beantwortet mit: eher unsicher, sehr unsicher");
        assertThat(html(get(editor + "/vorschau").param("seite", "2"))).contains("Seite 2 von 2",
                "aus Sorge vor Kriminalität");

        assertThat(mvc.perform(get("/umfragen/frageboegen/neu").with(user(fixtures.user(city.policeUser()))))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void aWaveWithInvitationCodesGivesItsCodesToTheLetterShop() throws Exception {
        var editor = mvc.perform(post("/umfragen/frageboegen/neu").with(csrf()).with(coordinator)
                .param("title", "Kurzumfrage").param("item", "safety_night_area")).andReturn().getResponse()
                .getRedirectedUrl();
        var questionnaire = editor.substring(editor.lastIndexOf('/') + 1);
        var today = LocalDate.now();

        var refused = mvc.perform(post("/umfragen/wellen/neu").with(csrf()).with(coordinator)
                .param("title", "Welle Herbst").param("opensOn", "kein Datum")
                .param("closesOn", today.plusDays(20).toString()).param("questionnaire", questionnaire)
                .param("mode", "INVITATION_CODES")).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(refused.getContentAsString()).contains("Bitte geben Sie den ersten Tag der Befragung an",
                "value=\"Welle Herbst\"");

        var wave = mvc.perform(post("/umfragen/wellen/neu").with(csrf()).with(coordinator)
                .param("title", "Welle Herbst").param("opensOn", today.toString())
                .param("closesOn", today.plusDays(20).toString()).param("questionnaire", questionnaire)
                .param("mode", "INVITATION_CODES")).andReturn().getResponse().getRedirectedUrl();
        assertThat(wave).startsWith("/umfragen/wellen/");
        mvc.perform(post(wave + "/codes").with(csrf()).with(coordinator).param("count", "25"));

        assertThat(html(get(wave))).contains("25 Codes: 0 benutzt, 25 noch nicht benutzt",
                "/buerger/stadt-" + city.key() + "/umfragen/");
        var csv = mvc.perform(get(wave + "/codes.csv").with(coordinator)).andReturn().getResponse();
        var lines = csv.getContentAsString(StandardCharsets.UTF_8).strip().split("\r?\n");
        assertThat(lines).hasSize(26);
        assertThat(lines[0]).contains("Nr;Code;Adresse;benutzt");
        assertThat(lines[1]).matches("1;[ACEFGHJKMNPRTWXY34679]{4}-[ACEFGHJKMNPRTWXY34679]{4};http.*;nein");
        assertThat(html(get("/umfragen"))).contains("Welle Herbst", "Einladungscodes", "läuft");

        mvc.perform(post(wave + "/beenden").with(csrf()).with(coordinator));
        assertThat(html(get(wave))).contains("beendet").doesNotContain("Codes erzeugen");
    }

    private String html(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        var response = mvc.perform(request.with(coordinator)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getRedirectedUrl()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}

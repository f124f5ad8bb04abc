package de.sipa.prevention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import de.sipa.Fixtures;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaPrincipal;
import de.sipa.shared.RuleViolationException;

/** Citizens' and partners' project ideas, their moderation, and the published projects on the public pages. */
@SipaIntegrationTest
class ProjectIdeasTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    ProjectIdeas ideas;

    @Autowired
    PreventionProjects projects;

    @Autowired
    Indicators indicators;

    @Autowired
    IdeaJobs jobs;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    Fixtures.City city;
    String slug;
    String address;

    @BeforeEach
    void aCity() {
        city = fixtures.city();
        slug = "stadt-" + city.key();
        address = "10.15." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
    }

    @Test
    void aCitizenProposesAnIdeaWithoutLoginAndTheCoordinationSeesItAsNew() throws Exception {
        mvc.perform(idea("Nachtbus-Begleitung", "Ehrenamtliche begleiten den letzten Bus.", "bus@example.org", true)
                .param("districtId", city.districts().get(0).value().toString()))
                .andExpect(status().is3xxRedirection());

        var stored = jdbc.sql("SELECT status, origin, contact_email, consented_at IS NOT NULL AS consented, district_id"
                + " FROM prevention_idea WHERE partnership_id = ?").param(city.id().value()).query().singleRow();
        assertThat(stored).containsEntry("status", "NEW").containsEntry("origin", "CITIZEN")
                .containsEntry("contact_email", "bus@example.org").containsEntry("consented", true)
                .containsEntry("district_id", city.districts().get(0).value());
        var list = page("/praevention/ideen", city.coordinator());
        assertThat(list.select("#ideas h2").eachText()).containsExactly("Nachtbus-Begleitung");
        assertThat(list.select(".idea-status").text()).isEqualTo("neu");
    }

    @Test
    void anEMailWithoutConsentIsRefusedAndNothingIsStored() throws Exception {
        var page = Jsoup.parse(mvc.perform(idea("Mehr Licht", "Am Bahnhof ist es dunkel.", "licht@example.org", false))
                .andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));

        assertThat(page.select("#consent-error").text()).startsWith("Wenn Sie eine E-Mail-Adresse angeben");
        assertThat(page.select("#title").val()).isEqualTo("Mehr Licht");
        mvc.perform(idea("", "", null, false)).andExpect(status().isBadRequest());
        mvc.perform(idea("Bot", "Spam", null, false).param("website", "http://spam")).andExpect(status().is3xxRedirection());
        assertThat(ideasOfCity()).isZero();
    }

    @Test
    void anIdeaWithoutEMailIsAnonymous() throws Exception {
        mvc.perform(idea("Mehr Licht", "Am Bahnhof ist es dunkel.", "", false)).andExpect(status().is3xxRedirection());

        assertThat(jdbc.sql("SELECT count(*) FROM prevention_idea WHERE partnership_id = ? AND contact_email IS NULL"
                + " AND consented_at IS NULL").param(city.id().value()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anAddressThatSendsTooManyIdeasIsStopped() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(idea("Idee " + i, "Text", null, false)).andExpect(status().is3xxRedirection());
        }
        mvc.perform(idea("Idee 6", "Text", null, false)).andExpect(status().isTooManyRequests());
        assertThat(ideasOfCity()).isEqualTo(5);
    }

    @Test
    void theCoordinationDeclinesWithAReasonWhichTheCitizenGetsByMail() throws Exception {
        mvc.perform(idea("Videoüberwachung überall", "Kameras an jeder Ecke.", "kamera@example.org", true));
        var id = onlyIdea();

        assertThatThrownBy(() -> as(city.policeUser(), () -> {
            ideas.decline(id, "Nein");
            return null;
        })).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(city.coordinator(), () -> {
            ideas.decline(id, "  ");
            return null;
        })).isInstanceOf(RuleViolationException.class).hasMessageContaining("idea.answer.required");
        mvc.perform(post("/praevention/ideen/{id}/pruefen", id.value()).with(as(city.coordinator())).with(csrf()));
        mvc.perform(post("/praevention/ideen/{id}/ablehnen", id.value()).with(as(city.coordinator())).with(csrf())
                .param("reason", "Flächendeckende Kameras erlaubt das Polizeigesetz nicht."))
                .andExpect(status().is3xxRedirection());

        var list = page("/praevention/ideen", city.steeringUser());
        assertThat(list.select(".idea-status").text()).isEqualTo("abgelehnt");
        assertThat(list.select(".idea-answer").text()).contains("erlaubt das Polizeigesetz nicht");
        var mail = jdbc.sql("SELECT subject, body FROM notifications_mail WHERE recipient = 'kamera@example.org'")
                .query().singleRow();
        assertThat((String) mail.get("body")).contains("erlaubt das Polizeigesetz nicht");
        assertThatThrownBy(() -> as(city.coordinator(), () -> ideas.turnIntoProject(id)))
                .hasMessageContaining("idea.decided");
    }

    @Test
    void anIdeaTurnedIntoAProjectIsAPrefilledDraftLinkedBothWays() throws Exception {
        var district = city.districts().get(1);
        var id = as(city.policeUser(), () -> ideas.submit(new IdeaInput("Fahrradcodierung", "Räder codieren gegen Diebstahl.",
                PreventionField.BURGLARY, district, null, false)));

        mvc.perform(post("/praevention/ideen/{id}/projekt", id.value()).with(as(city.coordinator())).with(csrf()))
                .andExpect(status().is3xxRedirection());

        var projectId = new ProjectId(jdbc.sql("SELECT project_id FROM prevention_idea WHERE id = ?").param(id.value())
                .query(UUID.class).single());
        var project = as(city.coordinator(), () -> projects.project(projectId));
        assertThat(project.title()).isEqualTo("Fahrradcodierung");
        assertThat(project.field()).isEqualTo(PreventionField.BURGLARY);
        assertThat(project.districts()).containsExactly(district);
        assertThat(project.status()).isEqualTo(ProjectStatus.IDEA);
        assertThat(project.step(BeccariaStep.PROBLEM)).containsEntry("problem", "Räder codieren gegen Diebstahl.");
        assertThat(page("/praevention/" + projectId, city.steeringUser()).select("#idea-link").text())
                .contains("Fahrradcodierung");
        var list = page("/praevention/ideen", city.steeringUser());
        assertThat(list.select(".idea-status").text()).isEqualTo("zum Projekt gemacht");
        assertThat(list.select("a.idea-project").attr("href")).isEqualTo("/praevention/" + projectId);
        assertThat(list.select(".idea-status").parents().select(".hint").text()).contains("von ");
    }

    @Test
    void theContactEMailIsClearedAWhileAfterTheAnswer() throws Exception {
        mvc.perform(idea("Spielplatz", "Mehr Licht am Spielplatz.", "spiel@example.org", true));
        var id = onlyIdea();
        as(city.coordinator(), () -> {
            ideas.decline(id, "Schon geplant.");
            return null;
        });

        jobs.clearContacts(clock.instant().plus(Duration.ofDays(89)));
        assertThat(contactOf(id)).isEqualTo("spiel@example.org");
        jobs.clearContacts(clock.instant().plus(Duration.ofDays(91)));
        assertThat(contactOf(id)).isNull();
        assertThat(jdbc.sql("SELECT title FROM prevention_idea WHERE id = ?").param(id.value()).query(String.class)
                .single()).isEqualTo("Spielplatz");
    }

    @Test
    void onlyPublishedProjectsAreShownPubliclyWithoutInternalsAndWithTheirResult() throws Exception {
        var shown = as(city.coordinator(), () -> projects.create(new ProjectDraft("Sichere Haltestellen", null,
                java.util.List.of(), PreventionField.PUBLIC_SPACE, java.util.Set.of(TargetGroup.RESIDENTS),
                "Licht und Notrufsäulen an Haltestellen.", java.util.List.of(city.districts().get(0)), java.util.List.of(),
                null, null, java.util.List.of(), "Frau Geheim, Ordnungsamt", Evidence.none())));
        var hidden = as(city.coordinator(), () -> projects.create(PreventionProjectsTests.draft("Internes Projekt")));
        as(city.coordinator(), () -> {
            projects.writeStep(shown, BeccariaStep.EVALUATION, Map.of("implementationCheck", "Umgesetzt.",
                    "goalAttainment", "Die Meldungen sanken um ein Drittel."));
            projects.noteQuality(shown, BeccariaStep.EVALUATION, "Interne Notiz der Koordination");
            var indicator = indicators.define(shown, new IndicatorDraft("Meldungen", "Anzahl", null, null,
                    IndicatorSource.TYPED, null, null, null));
            indicators.measure(shown, indicator, clock.instant().atZone(clock.getZone()).toLocalDate().minusMonths(2),
                    clock.instant().atZone(clock.getZone()).toLocalDate().minusMonths(1), new java.math.BigDecimal("4"));
            projects.changeStatus(shown, ProjectStatus.EVALUATED);
            return null;
        });
        assertThatThrownBy(() -> as(city.policeUser(), () -> {
            projects.publish(shown, true);
            return null;
        })).isInstanceOf(AccessDeniedException.class);
        mvc.perform(get("/buerger/{slug}/projekte/{id}", slug, shown.value())).andExpect(status().isNotFound());

        mvc.perform(post("/praevention/{id}/veroeffentlichen", shown.value()).with(as(city.coordinator())).with(csrf())
                .param("published", "true")).andExpect(status().is3xxRedirection());

        var list = publicPage("/buerger/" + slug + "/projekte");
        assertThat(list.select("#public-projects h2").eachText()).containsExactly("Sichere Haltestellen");
        assertThat(list.select(".evaluation").text()).contains("sanken um ein Drittel");
        var detail = publicPage("/buerger/" + slug + "/projekte/" + shown.value());
        assertThat(detail.select("#public-project-result").text()).isEqualTo("Die Meldungen sanken um ein Drittel.");
        assertThat(detail.text()).contains("Licht und Notrufsäulen").doesNotContain("Frau Geheim")
                .doesNotContain("Interne Notiz");
        mvc.perform(get("/buerger/{slug}/projekte/{id}", slug, hidden.value())).andExpect(status().isNotFound());
        var other = fixtures.city();
        mvc.perform(get("/buerger/{slug}/projekte/{id}", "stadt-" + other.key(), shown.value()))
                .andExpect(status().isNotFound());
        assertThat(page("/praevention/" + shown.value(), city.steeringUser()).select("#published-state").text())
                .isEqualTo("öffentlich");

        mvc.perform(post("/praevention/{id}/veroeffentlichen", shown.value()).with(as(city.coordinator())).with(csrf())
                .param("published", "false"));
        mvc.perform(get("/buerger/{slug}/projekte/{id}", slug, shown.value())).andExpect(status().isNotFound());
    }

    private MockHttpServletRequestBuilder idea(String title, String description, String email, boolean consent) {
        var request = post("/buerger/{slug}/ideen", slug).with(csrf()).with(from(address)).param("title", title)
                .param("description", description);
        if (email != null) {
            request.param("email", email);
        }
        return consent ? request.param("consent", "true") : request;
    }

    private long ideasOfCity() {
        return jdbc.sql("SELECT count(*) FROM prevention_idea WHERE partnership_id = ?").param(city.id().value())
                .query(Long.class).single();
    }

    private IdeaId onlyIdea() {
        return new IdeaId(jdbc.sql("SELECT id FROM prevention_idea WHERE partnership_id = ?").param(city.id().value())
                .query(UUID.class).single());
    }

    private String contactOf(IdeaId id) {
        return jdbc.sql("SELECT contact_email FROM prevention_idea WHERE id = ?").param(id.value()).query(String.class)
                .optional().orElse(null);
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private Document publicPage(String url) throws Exception {
        return Jsoup.parse(mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private Document page(String url, String username) throws Exception {
        return Jsoup.parse(mvc.perform(get(url).with(as(username))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private RequestPostProcessor as(String username) {
        return user(fixtures.user(username));
    }

    private <T> T as(String username, Supplier<T> work) {
        var principal = (SipaPrincipal) fixtures.user(username);
        return CurrentUser.runAs(principal.sipaUser(), work);
    }
}

package de.sipa.operations;

import static de.sipa.operations.Acting.asUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import de.sipa.Fixtures;
import de.sipa.Fixtures.City;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.Accounts;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.NewAccount;
import de.sipa.identity.Role;
import de.sipa.identity.SipaUser;
import de.sipa.partners.OrganisationKind;
import de.sipa.partners.Organisations;

@SipaIntegrationTest
class UrgentRequestsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    UrgentRequests requests;

    @Autowired
    Events events;

    @Autowired
    Organisations organisations;

    @Autowired
    Accounts accounts;

    City city;
    RequestPostProcessor police;
    RequestPostProcessor publicOrder;
    RequestPostProcessor coordinator;

    @BeforeEach
    void cityWithPoliceAndOrdnungsamt() {
        city = fixtures.city();
        police = user(fixtures.user(city.policeUser()));
        publicOrder = user(fixtures.user(city.publicOrderUser()));
        coordinator = user(fixtures.user(city.coordinator()));
    }

    @Test
    void theOrdnungsamtAsksThePoliceWhoConfirmAndAcceptWithEveryStepLoggedAuditedAndMailed() throws Exception {
        var url = send(publicOrder, inTwoHours(), "Marktplatz", "Zwei Streifen zur Begleitung einer Spontanversammlung");
        var id = UUID.fromString(url.substring(url.lastIndexOf('/') + 1));
        assertThat(mailSubjects("polizei-" + city.key())).containsExactly("Kurzfristige Anfrage von Ordnungsamt "
                + city.key() + ": Marktplatz");
        assertThat(body(get("/urgent-requests"), police)).contains("Marktplatz", "offen", "sofort");

        // the police confirm seven minutes after it was sent
        jdbc.sql("UPDATE operations_urgent_request SET sent_at = sent_at - interval '7 minutes' WHERE id = ?")
                .param(id).update();
        mvc.perform(post(url + "/acknowledge").with(police).with(csrf()))
                .andExpect(flash().attribute("success", "urgentRequest.acknowledged"));
        assertThat(asUser(fixtures, city.policeUser(), () -> requests.get(new UrgentRequestId(id)))
                .minutesToAcknowledge()).isEqualTo(7L);
        assertThat(body(get(url), publicOrder)).contains("nach 7 Minuten", "Paula Polizei");
        assertThat(mailSubjects("ordnung-" + city.key())).containsExactly("Anfrage bestätigt von Polizeirevier "
                + city.key());

        mvc.perform(post(url + "/answer").with(police).with(csrf()).param("accepted", "false").param("text", " "))
                .andExpect(flash().attribute("problem", "Bitte geben Sie für die Absage einen Grund an."));
        mvc.perform(post(url + "/answer").with(police).with(csrf()).param("accepted", "true")
                .param("text", "Zwei Streifenwagen ab 17:45 Uhr am Rathaus"))
                .andExpect(flash().attribute("success", "urgentRequest.accepted"));
        assertThat(mailSubjects("ordnung-" + city.key())).contains("Zusage von Polizeirevier " + city.key());
        assertThat(mailBodies("ordnung-" + city.key())).anyMatch(b -> b.contains("Zwei Streifenwagen ab 17:45 Uhr")
                && b.contains("/urgent-requests/" + id));
        assertThat(body(get(url), publicOrder)).contains("Zusage", "Zwei Streifenwagen ab 17:45 Uhr");

        assertThat(jdbc.sql("SELECT text FROM operations_log_entry WHERE request_id = ? ORDER BY number").param(id)
                .query(String.class).list()).satisfiesExactly(
                        sent -> assertThat(sent).startsWith("Anfrage an Polizeirevier " + city.key()).contains("Marktplatz"),
                        acknowledged -> assertThat(acknowledged).isEqualTo("Eingang bestätigt von Polizeirevier "
                                + city.key() + " (Paula Polizei), nach 7 Minuten."),
                        accepted -> assertThat(accepted).startsWith("Zusage von Polizeirevier " + city.key()));
        assertThat(jdbc.sql("SELECT action FROM identity_audit_entry WHERE subject_type = 'UrgentRequest' "
                + "AND subject_id = ? ORDER BY chain_position").param(id.toString()).query(String.class).list())
                .containsExactly("CREATED", "CHANGED", "CHANGED");

        mvc.perform(post(url + "/acknowledge").with(police).with(csrf()))
                .andExpect(flash().attribute("problem", "Die Anfrage ist schon bestätigt."));
    }

    @Test
    void openRequestsComeFirstWithTheirAge() throws Exception {
        var answered = send(publicOrder, inTwoHours(), "Bahnhofsvorplatz", "Absperrung nach Wasserrohrbruch");
        mvc.perform(post(answered + "/acknowledge").with(police).with(csrf()));
        mvc.perform(post(answered + "/answer").with(police).with(csrf()).param("accepted", "false")
                .param("text", "Keine Kräfte frei"));
        var open = send(publicOrder, inTwoHours(), "Stadtpark", "Unterstützung bei Platzverweisen");
        jdbc.sql("UPDATE operations_urgent_request SET sent_at = sent_at - interval '25 minutes' WHERE id = ?")
                .param(UUID.fromString(open.substring(open.lastIndexOf('/') + 1))).update();

        var list = body(get("/urgent-requests"), police);
        assertThat(list.indexOf("Stadtpark")).isLessThan(list.indexOf("Bahnhofsvorplatz"));
        assertThat(list).contains("vor 25 Min.", "Absage");
    }

    @Test
    void badInputComesBackWithClearMessagesAndNothingIsStored() throws Exception {
        var page = body(post("/urgent-requests").with(csrf()).param("neededAt", inTwoHours())
                .param("place", "").param("what", "Sperrung Lindenweg").param("urgency", "TODAY"), publicOrder);
        assertThat(page).contains("Bitte wählen Sie die Organisation, die Sie anfragen.",
                "Bitte geben Sie den Ort an.", "Sperrung Lindenweg");

        var lastWeek = LocalDateTime.now(clock).minusDays(2).truncatedTo(ChronoUnit.MINUTES).toString();
        page = body(post("/urgent-requests").with(csrf()).param("addressedOrganisation", city.police().toString())
                .param("neededAt", lastWeek).param("place", "Lindenweg 4").param("what", "Sperrung Lindenweg")
                .param("urgency", "TODAY"), publicOrder);
        assertThat(page).contains("Der Zeitpunkt liegt mehr als einen Tag zurück.", "Lindenweg 4",
                "Sperrung Lindenweg");

        page = body(post("/urgent-requests").with(csrf()).param("addressedOrganisation", city.police().toString())
                .param("neededAt", "").param("place", "Lindenweg 4").param("what", " ")
                .param("urgency", "TODAY"), publicOrder);
        assertThat(page).contains("Bitte geben Sie Datum und Uhrzeit an.", "Bitte beschreiben Sie, was Sie erbitten.");

        assertThat(jdbc.sql("SELECT count(*) FROM operations_urgent_request WHERE partnership_id = ?")
                .param(city.id().value()).query(Long.class).single()).isZero();
        assertThat(mailSubjects("polizei-" + city.key())).isEmpty();
    }

    @Test
    void onlyTheTwoOrganisationsAndTheCoordinationSeeAndAct() throws Exception {
        var url = send(publicOrder, inTwoHours(), "Schulhof Nord", "Präsenz nach Drohung gegen die Schule");
        var youthOffice = youthOfficeUser();

        mvc.perform(get(url).with(youthOffice)).andExpect(status().isForbidden());
        mvc.perform(post(url + "/acknowledge").with(youthOffice).with(csrf())).andExpect(status().isForbidden());
        assertThat(body(get("/urgent-requests"), youthOffice)).doesNotContain("Schulhof Nord");
        mvc.perform(get(url).with(user(fixtures.user(fixtures.city().coordinator())))).andExpect(status().isNotFound());

        // the asking organisation sees it but does not answer itself
        mvc.perform(post(url + "/acknowledge").with(publicOrder).with(csrf())).andExpect(flash().attribute("problem",
                "Nur die angefragte Organisation und die Koordination bestätigen und beantworten eine Anfrage."));
        mvc.perform(get(url).with(coordinator)).andExpect(status().isOk());
        assertThat(body(get("/urgent-requests"), coordinator)).contains("Schulhof Nord");
        assertThat(jdbc.sql("SELECT count(*) FROM operations_log_entry WHERE request_id = ?")
                .param(UUID.fromString(url.substring(url.lastIndexOf('/') + 1))).query(Long.class).single())
                .isEqualTo(1L);
    }

    @Test
    void anAcceptedRequestGrowsIntoAnEventThatLinksBackAndStartsItsLog() throws Exception {
        var needed = inTwoHours();
        var url = send(publicOrder, needed, "Marktplatz", "Begleitung einer Spontanversammlung");
        var id = UUID.fromString(url.substring(url.lastIndexOf('/') + 1));
        mvc.perform(post(url + "/event").with(coordinator).with(csrf())).andExpect(flash().attribute("problem",
                "Nur eine zugesagte Anfrage wird zum Einsatz."));
        mvc.perform(post(url + "/acknowledge").with(police).with(csrf()));
        mvc.perform(post(url + "/answer").with(police).with(csrf()).param("accepted", "true").param("text", "Kommen"));

        mvc.perform(post(url + "/event").with(police).with(csrf())).andExpect(status().isForbidden());
        var eventUrl = mvc.perform(post(url + "/event").with(coordinator).with(csrf()))
                .andExpect(redirectedUrlPattern("/events/*"))
                .andExpect(flash().attribute("success", "urgentRequest.turnedIntoEvent"))
                .andReturn().getResponse().getRedirectedUrl();
        var event = new EventId(UUID.fromString(eventUrl.substring(eventUrl.lastIndexOf('/') + 1)));

        var created = asUser(fixtures, city.policeUser(), () -> events.get(event));
        assertThat(created.name()).isEqualTo("Marktplatz: Begleitung einer Spontanversammlung");
        assertThat(created.startsAt()).isEqualTo(LocalDateTime.parse(needed).atZone(clock.getZone()).toInstant());
        assertThat(body(get(eventUrl), publicOrder)).contains("/urgent-requests/" + id);
        assertThat(body(get(url), police)).contains(eventUrl);
        assertThat(jdbc.sql("SELECT text FROM operations_log_entry WHERE event_id = ? ORDER BY number")
                .param(event.value()).query(String.class).list()).singleElement().asString()
                .startsWith("Hervorgegangen aus der kurzfristigen Anfrage von Ordnungsamt " + city.key());
        assertThat(jdbc.sql("SELECT text FROM operations_log_entry WHERE request_id = ? ORDER BY number DESC LIMIT 1")
                .param(id).query(String.class).single()).startsWith("In Einsatz überführt");
        // the plan can be written for it like for any event
        mvc.perform(get(eventUrl + "/plan").with(coordinator)).andExpect(status().isOk());

        mvc.perform(post(url + "/event").with(coordinator).with(csrf())).andExpect(flash().attribute("problem",
                "Aus dieser Anfrage ist schon eine Veranstaltung geworden."));
    }

    @Test
    void aRequestWithTheLongestTextsStillGrowsIntoAnEventWithAShortenedName() {
        var what = "Absperrung ".repeat(90) + "Ende";
        var id = asUser(fixtures, city.publicOrderUser(), () -> requests.send(new UrgentRequestForm(null,
                city.police().value(), LocalDateTime.now(clock).plusHours(1), "Hafenstraße ".repeat(16).strip(), null,
                what, Urgency.TODAY)));
        asUser(fixtures, city.policeUser(), () -> {
            requests.acknowledge(id);
            requests.answer(id, true, "Zusage ".repeat(140).strip());
        });
        var event = asUser(fixtures, city.coordinator(), () -> requests.turnIntoEvent(id));

        var name = asUser(fixtures, city.coordinator(), () -> events.get(event).name());
        assertThat(name).hasSize(200).endsWith("…");
        assertThat(jdbc.sql("SELECT length(text) FROM operations_log_entry WHERE event_id = ?").param(event.value())
                .query(Integer.class).single()).isEqualTo(2000);
    }

    private String send(RequestPostProcessor who, String neededAt, String place, String what) throws Exception {
        return mvc.perform(post("/urgent-requests").with(who).with(csrf())
                        .param("addressedOrganisation", city.police().toString()).param("neededAt", neededAt)
                        .param("place", place).param("what", what).param("urgency", "IMMEDIATE"))
                .andExpect(flash().attribute("success", "urgentRequest.sent"))
                .andReturn().getResponse().getRedirectedUrl();
    }

    private String inTwoHours() {
        return LocalDateTime.now(clock).plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    private String body(MockHttpServletRequestBuilder request, RequestPostProcessor who) throws Exception {
        return mvc.perform(request.with(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private List<String> mailSubjects(String account) {
        return jdbc.sql("SELECT subject FROM notifications_mail WHERE recipient = ? ORDER BY created_at")
                .param(account + "@stadt.example").query(String.class).list();
    }

    private List<String> mailBodies(String account) {
        return jdbc.sql("SELECT body FROM notifications_mail WHERE recipient = ? ORDER BY created_at")
                .param(account + "@stadt.example").query(String.class).list();
    }

    /** A third organisation of the same city, neither asking nor asked. */
    private RequestPostProcessor youthOfficeUser() {
        var username = "jugend-" + city.key();
        CurrentUser.runAs(SipaUser.system(city.id()), () -> {
            var youthOffice = organisations.create(Fixtures.organisation("Jugendamt " + city.key(),
                    OrganisationKind.YOUTH_OFFICE));
            accounts.open(new NewAccount(city.id(), youthOffice, username, "Jana Jugend", username + "@stadt.example",
                    Fixtures.PASSWORD, Role.PARTNER));
        });
        return user(fixtures.user(username));
    }
}

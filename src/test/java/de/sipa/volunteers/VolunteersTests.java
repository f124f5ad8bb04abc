package de.sipa.volunteers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import de.sipa.Fixtures;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaPrincipal;
import de.sipa.prevention.Evidence;
import de.sipa.prevention.PreventionField;
import de.sipa.prevention.PreventionProjects;
import de.sipa.prevention.ProjectDraft;
import de.sipa.prevention.TargetGroup;

/**
 * Volunteer offers: citizens sign up on the public page with a double opt-in, the contact person's organisation
 * takes them on, assigns, records hours and thanks them, and their personal data go after the engagement.
 */
@SipaIntegrationTest
class VolunteersTests {

    private static final Pattern LINK = Pattern.compile("http\\S+/ehrenamt/bestaetigen/(\\S+)");

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    VolunteerOffers offers;

    @Autowired
    VolunteerRepository volunteers;

    @Autowired
    VolunteerJobs jobs;

    @Autowired
    PreventionProjects projects;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    Fixtures.City city;
    VolunteerOfferId mentors;
    String publicPage;
    /** Each test signs up from its own address, so the intake limit of one does not meet another's. */
    String address = "10.7." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);

    @BeforeEach
    void aPublishedOffer() {
        city = fixtures.city();
        mentors = asCoordinator(() -> {
            var id = offers.create(draft("Lesepaten Jugendtreff", LocalDate.now(clock).plusMonths(3)));
            offers.changeStatus(id, OfferStatus.PUBLISHED);
            return id;
        });
        publicPage = "/buerger/stadt-" + city.key() + "/ehrenamt";
    }

    @Test
    void aSignUpCountsOnlyOnceTheMailedLinkIsConfirmedAndTheLinkWorksOnce() throws Exception {
        assertThat(page(publicPage).select("#public-offers").text()).contains("Lesepaten Jugendtreff");
        mvc.perform(signUp("Sabine Hoffmann", "sabine@example.org", true))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("success", "volunteer.signUp.sent"));

        var stored = jdbc.sql("SELECT status, token_hash FROM volunteers_sign_up WHERE offer_id = ?")
                .param(mentors.value()).query().singleRow();
        assertThat(stored.get("status")).isEqualTo("UNCONFIRMED");
        var mail = mailTo("sabine@example.org");
        assertThat(mail.get("subject")).isEqualTo("Bitte bestätigen Sie Ihre Anmeldung: Lesepaten Jugendtreff");
        var matcher = LINK.matcher((String) mail.get("body"));
        assertThat(matcher.find()).isTrue();
        var token = matcher.group(1);
        assertThat(stored.get("token_hash")).isEqualTo(PublicVolunteering.hash(token)).isNotEqualTo(token);
        assertThat(offerPage(city.coordinator()).select("#volunteers")).isEmpty();
        assertThat(offerPage(city.coordinator()).select("#unconfirmed").text()).contains("1 Anmeldung");

        jdbc.sql("UPDATE partners_person SET email = ? WHERE id = ?")
                .params("paula-" + city.key() + "@polizei.example", city.officer().value()).update();
        var confirmPage = publicPage + "/bestaetigen/" + token;
        assertThat(page(confirmPage).select("#confirm-offer").text()).contains("Lesepaten Jugendtreff");
        mvc.perform(post(confirmPage).with(csrf())).andExpect(flash().attribute("success", "volunteer.confirmed"));
        assertThat(jdbc.sql("SELECT status FROM volunteers_sign_up WHERE offer_id = ?").param(mentors.value())
                .query(String.class).single()).isEqualTo("CONFIRMED");

        var notice = mailTo("paula-" + city.key() + "@polizei.example");
        assertThat(notice.get("subject")).isEqualTo("Neue Anmeldung für „Lesepaten Jugendtreff“");
        assertThat((String) notice.get("body")).contains("/ehrenamt/" + mentors).doesNotContain("sabine@example.org");

        mvc.perform(post(confirmPage).with(csrf())).andExpect(flash().attribute("problem",
                org.hamcrest.Matchers.startsWith("Dieser Link gilt nicht (mehr)")));
        assertThat(page(confirmPage).select("#confirm-invalid")).isNotEmpty();
        assertThat(page(confirmPage).select("#confirm-form")).isEmpty();
        assertThat(offerPage(city.coordinator()).select("#volunteers .volunteer-name").text())
                .isEqualTo("Sabine Hoffmann");
    }

    @Test
    void anUnconfirmedSignUpOlderThan48HoursIsDeletedByTheJobAndAYoungerOneKept() throws Exception {
        mvc.perform(signUp("Alt Anmeldung", "alt@example.org", true)).andExpect(status().is3xxRedirection());
        mvc.perform(signUp("Jung Anmeldung", "jung@example.org", true)).andExpect(status().is3xxRedirection());
        var now = clock.instant();
        jdbc.sql("UPDATE volunteers_sign_up SET created_at = ? WHERE email = 'alt@example.org' AND offer_id = ?")
                .params(Timestamp.from(now.minus(Duration.ofHours(48)).minusSeconds(60)), mentors.value()).update();
        jdbc.sql("UPDATE volunteers_sign_up SET created_at = ? WHERE email = 'jung@example.org' AND offer_id = ?")
                .params(Timestamp.from(now.minus(Duration.ofHours(47))), mentors.value()).update();
        var token = LINK.matcher((String) mailTo("alt@example.org").get("body")).results().findFirst().orElseThrow()
                .group(1);
        assertThat(page(publicPage + "/bestaetigen/" + token).select("#confirm-invalid")).isNotEmpty();

        assertThat(jobs.deleteUnconfirmed(now)).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.sql("SELECT name FROM volunteers_sign_up WHERE offer_id = ?").param(mentors.value())
                .query(String.class).list()).containsExactly("Jung Anmeldung");
        assertThat(jdbc.sql("SELECT summary FROM identity_audit_entry WHERE partnership_id = ? AND summary LIKE ?")
                .params(city.id().value(), "%unbestätigte Anmeldung%").query(String.class).list())
                .containsExactly("1 unbestätigte Anmeldung(en) für das Ehrenamt gelöscht, älter als 48 Stunden");
    }

    @Test
    void thePersonalDataOfVolunteersAreDeletedTheRetentionAfterTheEngagementAndTheHoursStay() throws Exception {
        var today = LocalDate.now(clock);
        var ended = asCoordinator(() -> offers.create(draft("Begleitung Seniorensicherheit", today.minusDays(181))));
        var recent = asCoordinator(() -> offers.create(draft("Lichtpaten", today.minusDays(10))));
        volunteers.insertWithHistory(city.id(), ended, new SignUp("Karin Wolf", "karin@example.org", "0171 1", "Gern",
                true), VolunteerStatus.ASSIGNED, "donnerstags", new BigDecimal("22.5"), clock.instant(), null);
        volunteers.insertWithHistory(city.id(), ended, new SignUp("Dieter Lang", "dieter@example.org", null, null,
                true), VolunteerStatus.DECLINED, null, BigDecimal.ZERO, clock.instant(), null);
        volunteers.insertWithHistory(city.id(), recent, new SignUp("Mehmet Arslan", "mehmet@example.org", null, null,
                true), VolunteerStatus.ACCEPTED, null, new BigDecimal("4"), clock.instant(), null);

        assertThat(jobs.forgetEndedEngagements(today)).isGreaterThanOrEqualTo(2);

        var gone = jdbc.sql("""
                SELECT name, email, phone, message, assignment, status, hours, anonymised_at FROM volunteers_sign_up
                WHERE offer_id = ? ORDER BY status""").param(ended.value()).query().listOfRows();
        assertThat(gone).hasSize(2).allSatisfy(row -> {
            assertThat(row.get("name")).isNull();
            assertThat(row.get("email")).isNull();
            assertThat(row.get("phone")).isNull();
            assertThat(row.get("message")).isNull();
            assertThat(row.get("assignment")).isNull();
            assertThat(row.get("anonymised_at")).isNotNull();
        });
        assertThat(gone).extracting(row -> row.get("status")).containsExactly("ASSIGNED", "DECLINED");
        assertThat(gone.get(0).get("hours")).isEqualTo(new BigDecimal("22.5"));
        assertThat(jdbc.sql("SELECT name FROM volunteers_sign_up WHERE offer_id = ?").param(recent.value())
                .query(String.class).single()).isEqualTo("Mehmet Arslan");
        var figures = asCoordinator(() -> offers.figures()).get(ended);
        assertThat(figures.takenOn()).isEqualTo(1);
        assertThat(figures.hours()).isEqualByComparingTo("22.5");
        var page = Jsoup.parse(mvc.perform(get("/ehrenamt/" + ended).with(user(fixtures.user(city.coordinator()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#volunteers").text()).contains("Freiwillige Person (Daten gelöscht)", "22,5 Stunden")
                .doesNotContain("Karin", "Dieter");
        assertThat(page.select("#total-hours").text()).isEqualTo("22,5");
    }

    @Test
    void badInputOnThePublicFormIsRefusedFieldByFieldAndNothingIsStoredOrMailed() throws Exception {
        var answer = mvc.perform(post(publicPage + "/" + mentors).with(csrf()).with(from(address))
                        .param("name", " ").param("email", "kein-at-zeichen").param("phone", "abc")
                        .param("message", "x".repeat(1001)))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        var page = Jsoup.parse(answer);
        assertThat(page.select("#name-error").text()).isEqualTo("Bitte Ihren Namen angeben.");
        assertThat(page.select("#email-error").text()).startsWith("Bitte eine gültige E-Mail-Adresse angeben");
        assertThat(page.select("#phone-error").text()).startsWith("Bitte eine Telefonnummer");
        assertThat(page.select("#message-error").text()).contains("1.000 Zeichen");
        assertThat(page.select("#consent-error").text()).startsWith("Bitte stimmen Sie zu");
        assertThat(page.select("#email").val()).isEqualTo("kein-at-zeichen");

        mvc.perform(signUp("Ohne Einwilligung", "ohne@example.org", false)).andExpect(status().isBadRequest());
        mvc.perform(post(publicPage + "/" + mentors).with(csrf()).with(from(address)).param("name", "Bot")
                .param("email", "bot@example.org").param("consent", "true").param("website", "http://spam"))
                .andExpect(status().is3xxRedirection());

        assertThat(jdbc.sql("SELECT count(*) FROM volunteers_sign_up WHERE offer_id = ?").param(mentors.value())
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM notifications_mail WHERE recipient IN ('ohne@example.org', "
                + "'bot@example.org')").query(Long.class).single()).isZero();
    }

    @Test
    void oneAddressMaySignUpOnlySoOftenInTheWindow() throws Exception {
        for (int i = 0; i < 10; i++) {
            mvc.perform(signUp("Person " + i, "person" + i + "@example.org", true))
                    .andExpect(status().is3xxRedirection());
        }
        mvc.perform(signUp("Person 11", "person11@example.org", true)).andExpect(status().isTooManyRequests());
        assertThat(jdbc.sql("SELECT count(*) FROM volunteers_sign_up WHERE offer_id = ?").param(mentors.value())
                .query(Long.class).single()).isEqualTo(10);
    }

    @Test
    void theContactsOrganisationTakesVolunteersOnRecordsHoursAndThanksOnceOthersOnlyRead() throws Exception {
        volunteers.insertWithHistory(city.id(), mentors, new SignUp("Murat Yılmaz", "murat@example.org", null,
                "Auch auf Türkisch", true), VolunteerStatus.CONFIRMED, null, BigDecimal.ZERO, clock.instant(), null);
        var volunteer = jdbc.sql("SELECT id FROM volunteers_sign_up WHERE offer_id = ?").param(mentors.value())
                .query(UUID.class).single();
        var actions = "/ehrenamt/" + mentors + "/freiwillige/" + volunteer;
        var police = user(fixtures.user(city.policeUser()));

        // the Ordnungsamt and the steering group read the offer, without the volunteers' names, and may not act
        var publicOrderView = offerPage(city.publicOrderUser());
        assertThat(publicOrderView.select("h1").text()).isEqualTo("Lesepaten Jugendtreff");
        assertThat(publicOrderView.select("#offer-facts").text()).contains("dienstags", "Paula Polizei");
        assertThat(publicOrderView.text()).doesNotContain("Murat");
        mvc.perform(post(actions + "/annehmen").with(user(fixtures.user(city.publicOrderUser()))).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post(actions + "/annehmen").with(user(fixtures.user(city.steeringUser()))).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/ehrenamt/neu").with(user(fixtures.user(city.steeringUser())))).andExpect(status().isForbidden());
        var form = offerForm(city.clerk());
        var refused = Jsoup.parse(mvc.perform(post("/ehrenamt/" + mentors + "/bearbeiten")
                        .with(user(fixtures.user(city.publicOrderUser()))).with(csrf()).params(form))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(refused.select("#contactPersonId-error").text()).startsWith("Die Ansprechperson ändern nur");
        assertThat(asCoordinator(() -> offers.offer(mentors)).contactPerson()).isEqualTo(city.officer());
        var other = fixtures.city();
        mvc.perform(get("/ehrenamt/" + mentors).with(user(fixtures.user(other.coordinator()))))
                .andExpect(status().isNotFound());

        mvc.perform(post(actions + "/stunden").with(police).with(csrf()).param("hours", "3"))
                .andExpect(flash().attribute("problem", "Erst die Anmeldung annehmen."));
        mvc.perform(post(actions + "/annehmen").with(police).with(csrf()))
                .andExpect(flash().attribute("success", "volunteer.accepted"));
        mvc.perform(post(actions + "/einteilen").with(police).with(csrf()).param("assignment", "dienstags, 10-12 J."))
                .andExpect(flash().attribute("success", "volunteer.assigned"));
        mvc.perform(post(actions + "/stunden").with(police).with(csrf()).param("hours", "-1"))
                .andExpect(flash().attribute("problem", org.hamcrest.Matchers.startsWith("Bitte die Stunden")));
        mvc.perform(post(actions + "/stunden").with(police).with(csrf()).param("hours", "12,5"))
                .andExpect(flash().attribute("success", "volunteer.hoursRecorded"));
        mvc.perform(post(actions + "/danken").with(police).with(csrf()))
                .andExpect(flash().attribute("success", "volunteer.thankedNow"));
        mvc.perform(post(actions + "/danken").with(police).with(csrf()))
                .andExpect(flash().attribute("problem", "Dieser Person wurde schon gedankt."));

        var thanks = mailTo("murat@example.org");
        assertThat(thanks.get("subject")).isEqualTo("Danke für Ihren Einsatz: Lesepaten Jugendtreff");
        assertThat((String) thanks.get("body")).contains("Guten Tag Murat Yılmaz", "12,5 Stunden");
        assertThat(jdbc.sql("SELECT count(*) FROM notifications_mail WHERE recipient = 'murat@example.org'")
                .query(Long.class).single()).isEqualTo(1);
        var page = offerPage(city.policeUser());
        assertThat(page.select("#total-hours").text()).isEqualTo("12,5");
        assertThat(page.select("#volunteer-" + volunteer + " .assignment").text()).isEqualTo("dienstags, 10-12 J.");
        assertThat(jdbc.sql("SELECT summary FROM identity_audit_entry WHERE subject_id = ? ORDER BY chain_position")
                .param(volunteer.toString()).query(String.class).list()).containsExactly(
                        "Ehrenamtsangebot Lesepaten Jugendtreff: Anmeldung angenommen",
                        "Ehrenamtsangebot Lesepaten Jugendtreff: freiwillige Person eingeteilt",
                        "Ehrenamtsangebot Lesepaten Jugendtreff: Stunden eingetragen",
                        "Ehrenamtsangebot Lesepaten Jugendtreff: Dank per E-Mail gesendet");

        // the contact's organisation hands the offer to the Ordnungsamt, which sees the volunteers then
        mvc.perform(post("/ehrenamt/" + mentors + "/bearbeiten").with(police).with(csrf())
                .params(offerForm(city.clerk()))).andExpect(status().is3xxRedirection());
        assertThat(offerPage(city.publicOrderUser()).select("#volunteers .volunteer-name").text())
                .isEqualTo("Murat Yılmaz");
        assertThat(offerPage(city.policeUser()).select("#volunteers")).isEmpty();
    }

    @Test
    void theOfferFormRefusesMissingFieldsInGermanAndStoresAValidOffer() throws Exception {
        var coordinator = user(fixtures.user(city.coordinator()));
        var page = Jsoup.parse(mvc.perform(post("/ehrenamt/neu").with(coordinator).with(csrf())
                        .param("title", "").param("peopleWanted", "null").param("engagementEnds", "31.02.2027"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#title-error").text()).isEqualTo("Bitte einen Titel angeben.");
        assertThat(page.select("#peopleWanted-error").text()).isEqualTo("Bitte eine Anzahl von 1 bis 1.000 angeben.");
        assertThat(page.select("#contactPersonId-error").text()).isEqualTo("Bitte eine Ansprechperson wählen.");
        assertThat(page.select("#engagementEnds-error").text()).startsWith("Bitte ein gültiges Datum");

        var farAway = Jsoup.parse(mvc.perform(post("/ehrenamt/neu").with(coordinator).with(csrf())
                        .param("title", "Lichtpaten").param("description", "Lampen melden").param("schedule", "monatlich")
                        .param("location", "Park").param("timeCommitment", "1 Stunde").param("peopleWanted", "4")
                        .param("contactPersonId", city.clerk().value().toString())
                        .param("engagementEnds", "+999999999-12-31"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(farAway.select("#engagementEnds-error").text())
                .isEqualTo("Das Ende des Einsatzes darf höchstens 10 Jahre vor oder nach heute liegen.");

        var saved = mvc.perform(post("/ehrenamt/neu").with(coordinator).with(csrf()).param("title", "Lichtpaten")
                .param("description", "Lampen melden").param("schedule", "monatlich").param("location", "Park")
                .param("timeCommitment", "1 Stunde").param("peopleWanted", "4")
                .param("contactPersonId", city.clerk().value().toString()).param("projectId", "")
                .param("engagementEnds", LocalDate.now(clock).plusMonths(6).toString()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        var id = new VolunteerOfferId(UUID.fromString(saved.substring(saved.lastIndexOf('/') + 1)));
        var offer = asCoordinator(() -> offers.offer(id));
        assertThat(offer.status()).isEqualTo(OfferStatus.DRAFT);
        assertThat(offer.project()).isNull();
        mvc.perform(get(publicPage + "/" + id)).andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT summary FROM identity_audit_entry WHERE subject_id = ?").param(id.toString())
                .query(String.class).list()).containsExactly("Ehrenamtsangebot Lichtpaten angelegt");
    }

    @Test
    void aCitizenSignsUpConfirmsByTheMailedLinkAndTheCoordinatorTakesThemOnPageByPage() throws Exception {
        // the citizen finds the offer on the public list and sends the form of its page
        var list = page(publicPage);
        var offerPath = list.select("#public-offers a.button").attr("href");
        var form = page(offerPath).selectFirst("#sign-up-form");
        mvc.perform(post(form.attr("action")).with(csrf()).with(from(address)).param("name", "Ute Vogel")
                .param("email", "ute.vogel@example.org").param("phone", "").param("message", "Ich lese gern vor.")
                .param("consent", "true").param("website", "")).andExpect(status().is3xxRedirection());

        // the link in the mail opens the page whose button confirms
        var matcher = LINK.matcher((String) mailTo("ute.vogel@example.org").get("body"));
        assertThat(matcher.find()).isTrue();
        var confirm = page(publicPage + "/bestaetigen/" + matcher.group(1)).selectFirst("#confirm-form");
        mvc.perform(post(confirm.attr("action")).with(csrf()))
                .andExpect(flash().attribute("success", "volunteer.confirmed"));

        // the coordinator accepts, assigns and records hours with the forms of the offer's page
        var coordinator = user(fixtures.user(city.coordinator()));
        var card = offerPage(city.coordinator()).selectFirst("#volunteers li");
        assertThat(card.select(".volunteer-name").text()).isEqualTo("Ute Vogel");
        assertThat(card.select(".badge").text()).isEqualTo("neu");
        mvc.perform(post(card.select("form[action$=/annehmen]").attr("action")).with(coordinator).with(csrf()))
                .andExpect(flash().attribute("success", "volunteer.accepted"));
        card = offerPage(city.coordinator()).selectFirst("#volunteers li");
        mvc.perform(post(card.select("form[action$=/einteilen]").attr("action")).with(coordinator).with(csrf())
                .param("assignment", "donnerstags, Lesegruppe 8 bis 10 Jahre"))
                .andExpect(flash().attribute("success", "volunteer.assigned"));
        mvc.perform(post(card.select("form[action$=/stunden]").attr("action")).with(coordinator).with(csrf())
                .param("hours", "3,5")).andExpect(flash().attribute("success", "volunteer.hoursRecorded"));

        var page = offerPage(city.coordinator());
        card = page.selectFirst("#volunteers li");
        assertThat(card.select(".badge").text()).isEqualTo("eingeteilt");
        assertThat(card.select(".assignment").text()).isEqualTo("donnerstags, Lesegruppe 8 bis 10 Jahre");
        assertThat(card.select(".hours").text()).isEqualTo("3,5");
        assertThat(page.select("#total-hours").text()).isEqualTo("3,5");
    }

    @Test
    void anOfferBelongsToAProjectOfItsPartnershipWhosePagesShowItAndAnotherPartnershipsProjectIsRefused()
            throws Exception {
        var project = asCoordinator(() -> {
            var id = projects.create(new ProjectDraft("Lesen im Quartier", null, List.of(), PreventionField.YOUTH,
                    Set.of(TargetGroup.CHILDREN), "Vorlesen im Jugendtreff", List.of(), List.of(), null, null,
                    List.of(), "", Evidence.none()));
            projects.publish(id, true);
            return id;
        });
        var coordinator = user(fixtures.user(city.coordinator()));
        var form = offerForm(city.officer());
        form.add("projectId", project.value().toString());
        mvc.perform(post("/ehrenamt/" + mentors + "/bearbeiten").with(coordinator).with(csrf()).params(form))
                .andExpect(status().is3xxRedirection());
        assertThat(asCoordinator(() -> offers.offer(mentors)).project()).isEqualTo(project);
        assertThat(offerPage(city.coordinator()).select("#offer-project").text()).isEqualTo("Lesen im Quartier");
        asCoordinator(() -> offers.create(new OfferDraft("Vorlesepaten Ferien", "Vorlesen in den Ferien",
                "in den Ferien", "Bücherei", "1 Stunde pro Woche", 2, city.officer(), project,
                LocalDate.now(clock).plusMonths(2))));

        var projectPage = Jsoup.parse(mvc.perform(get("/praevention/" + project).with(coordinator))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(projectPage.select("#project-offers li")).extracting(e -> e.selectFirst("a").text())
                .containsExactly("Lesepaten Jugendtreff", "Vorlesepaten Ferien");
        var publicProject = page("/buerger/stadt-" + city.key() + "/projekte/" + project);
        assertThat(publicProject.select("#public-project-offers h3").text()).isEqualTo("Lesepaten Jugendtreff");
        assertThat(publicProject.select("#public-project-offers a.button").attr("href"))
                .isEqualTo(publicPage + "/" + mentors);
        assertThat(publicProject.text()).doesNotContain("Vorlesepaten Ferien"); // a draft is not open

        // another partnership's project, or no project id at all, is refused next to the field; nothing changes
        var other = fixtures.city();
        var foreign = CurrentUser.runAs(((SipaPrincipal) fixtures.user(other.coordinator())).sipaUser(),
                () -> projects.create(new ProjectDraft("Fremdes Projekt", null, List.of(), PreventionField.YOUTH,
                        Set.of(), "", List.of(), List.of(), null, null, List.of(), "", Evidence.none())));
        for (var value : List.of(foreign.value().toString(), "kein-projekt")) {
            var refused = offerForm(city.officer());
            refused.add("projectId", value);
            var answer = Jsoup.parse(mvc.perform(post("/ehrenamt/" + mentors + "/bearbeiten").with(coordinator)
                            .with(csrf()).params(refused))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
            assertThat(answer.select("#projectId-error").text()).as(value)
                    .startsWith("Dieses Projekt gibt es in Ihrer Sicherheitspartnerschaft nicht");
        }
        assertThat(asCoordinator(() -> offers.offer(mentors)).project()).isEqualTo(project);
    }

    private OfferDraft draft(String title, LocalDate ends) {
        return new OfferDraft(title, "Vorlesen mit Kindern", "dienstags 16 bis 18 Uhr", "Jugendtreff",
                "2 Stunden pro Woche", 6, city.officer(), null, ends);
    }

    /** The offer form as the {@link #draft} fills it, with the contact person given. */
    private org.springframework.util.MultiValueMap<String, String> offerForm(de.sipa.partners.PersonId contact) {
        var form = new org.springframework.util.LinkedMultiValueMap<String, String>();
        form.add("title", "Lesepaten Jugendtreff");
        form.add("description", "Vorlesen mit Kindern");
        form.add("schedule", "dienstags 16 bis 18 Uhr");
        form.add("location", "Jugendtreff");
        form.add("timeCommitment", "2 Stunden pro Woche");
        form.add("peopleWanted", "6");
        form.add("contactPersonId", contact.value().toString());
        form.add("engagementEnds", LocalDate.now(clock).plusMonths(3).toString());
        return form;
    }

    private <T> T asCoordinator(java.util.function.Supplier<T> work) {
        return CurrentUser.runAs(((SipaPrincipal) fixtures.user(city.coordinator())).sipaUser(), work);
    }

    private MockHttpServletRequestBuilder signUp(String name, String email, boolean consent) {
        var request = post(publicPage + "/" + mentors).with(csrf()).with(from(address)).param("name", name)
                .param("email", email).param("phone", "0171 2345678").param("message", "Ich lese gern vor.");
        return consent ? request.param("consent", "true") : request;
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private Map<String, Object> mailTo(String recipient) {
        return jdbc.sql("SELECT subject, body FROM notifications_mail WHERE recipient = ? ORDER BY created_at DESC")
                .param(recipient).query().listOfRows().get(0);
    }

    private Document page(String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    private Document offerPage(String username) throws Exception {
        return Jsoup.parse(mvc.perform(get("/ehrenamt/" + mentors).with(user(fixtures.user(username))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }
}

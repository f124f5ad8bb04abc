package de.sipa.operations;

import static de.sipa.operations.Acting.asUser;
import static de.sipa.operations.OperationsTestSupport.festival;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

import de.sipa.Fixtures;
import de.sipa.Fixtures.City;
import de.sipa.SipaIntegrationTest;
import de.sipa.operations.PlanEntries.SectionForm;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.RuleViolationException;

@SipaIntegrationTest
class OperationsLogTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    Events events;

    @Autowired
    DeploymentPlans plans;

    @Autowired
    OperationsLog log;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    OperationsLogRepository repository;

    City city;
    EventId event;

    /** Only the police has a section: it is involved, the Ordnungsamt is not. */
    @BeforeEach
    void eventWithThePoliceInvolved() {
        city = fixtures.city();
        event = asUser(fixtures, city.coordinator(), () -> {
            var id = events.plan(festival("Stadtfest", LocalDateTime.of(2099, 6, 1, 10, 0)));
            plans.addSection(id, new SectionForm("Marktplatz", null, city.police().value(), null));
            return id;
        });
    }

    @Test
    void entriesCannotBeChangedOrDeletedNeitherThroughTheApiNorInTheDatabase() {
        var entry = asUser(fixtures, city.policeUser(), () -> log.write(event, "Lage ruhig", null));

        assertThat(Arrays.stream(OperationsLog.class.getDeclaredMethods()).filter(m -> Modifier.isPublic(m.getModifiers()))
                .map(Method::getName)).containsExactlyInAnyOrder("after", "mayWrite", "write");
        assertThatThrownBy(() -> jdbc.sql("UPDATE operations_log_entry SET text = 'Lage unruhig' WHERE id = ?")
                .param(entry.id()).update()).isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM operations_log_entry WHERE id = ?").param(entry.id()).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThat(jdbc.sql("SELECT text FROM operations_log_entry WHERE id = ?").param(entry.id()).query(String.class)
                .single()).isEqualTo("Lage ruhig");
    }

    @Test
    void aCorrectionIsANewEntryNamingTheCorrectedOne() {
        asUser(fixtures, city.policeUser(), () -> {
            log.write(event, "Verletzte Person am Brunnen", null);
            log.write(event, "Korrektur: am Rathaus, nicht am Brunnen", 1L);
            assertThatThrownBy(() -> log.write(event, "Korrektur von nichts", 99L))
                    .isInstanceOf(RuleViolationException.class).hasMessageContaining("log.correctsUnknown");
        });

        var entries = asUser(fixtures, city.steeringUser(), () -> log.after(event, 0));
        assertThat(entries).extracting(LogEntry::number).containsExactly(1L, 2L);
        assertThat(entries.get(0).text()).isEqualTo("Verletzte Person am Brunnen");
        assertThat(entries.get(0).corrects()).isNull();
        assertThat(entries.get(1).corrects()).isEqualTo(1L);
        assertThat(entries.get(1).organisation()).isEqualTo(city.police());
    }

    @Test
    void theInvolvedOrganisationsAndTheCoordinationWriteOthersOnlyRead() {
        asUser(fixtures, city.coordinator(), () -> log.write(event, "Lagebesprechung 10 Uhr", null));
        assertThatThrownBy(() -> asUser(fixtures, city.publicOrderUser(), () -> log.write(event, "Wir auch", null)))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("log.notInvolved");
        assertThatThrownBy(() -> asUser(fixtures, city.steeringUser(), () -> log.write(event, "Lenkung", null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(asUser(fixtures, city.publicOrderUser(), () -> log.after(event, 0))).hasSize(1);
        var otherCity = fixtures.city();
        assertThatThrownBy(() -> asUser(fixtures, otherCity.coordinator(), () -> log.after(event, 0)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aCoordinatorOfAnotherCityCannotWriteIntoTheEventsLog() {
        var otherCity = fixtures.city();
        assertThatThrownBy(() -> asUser(fixtures, otherCity.coordinator(), () -> log.write(event, "Fremder Eintrag", null)))
                .isInstanceOf(NotFoundException.class);

        var entry = asUser(fixtures, city.policeUser(), () -> log.write(event, "Lage ruhig", null));
        assertThat(entry.number()).isEqualTo(1L);
        assertThat(jdbc.sql("SELECT count(*) FROM operations_log_entry WHERE event_id = ?").param(event.value())
                .query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void theLiveEndpointReturnsOnlyTheEntriesAfterTheLastOneTheViewerHas() throws Exception {
        var police = user(fixtures.user(city.policeUser()));
        var url = "/events/" + event + "/log";
        for (var text : new String[] {"Einlass geöffnet", "Bühne 1 voll", "Sperrung Marktstraße aktiv"}) {
            mvc.perform(post(url).with(police).with(csrf()).param("text", text))
                    .andExpect(flash().attribute("success", "log.written"));
        }
        var viewer = user(fixtures.user(city.publicOrderUser()));

        var fresh = mvc.perform(get(url + "/entries").param("since", "1").with(viewer)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(fresh).contains("Bühne 1 voll", "Sperrung Marktstraße aktiv", "data-number=\"3\"")
                .doesNotContain("Einlass geöffnet", "<html", "<section")
                .contains("since=3").contains("every 500ms");
        mvc.perform(get(url + "/entries").param("since", "3").with(viewer)).andExpect(status().isNoContent())
                .andExpect(content().string(""));
        assertThat(mvc.perform(get(url).with(viewer)).andReturn().getResponse().getContentAsString())
                .contains("Einlass geöffnet", "since=3").doesNotContain("id=\"log-form\"");
    }

    @Test
    void onThePageTheFieldComesFirstThenTheNewestEntriesEachNamingItsAuthorOnce() throws Exception {
        var police = user(fixtures.user(city.policeUser()));
        var url = "/events/" + event + "/log";
        asUser(fixtures, city.policeUser(), () -> log.write(event, "Einlass geöffnet", null));
        // Entries written under the organisation's name (as the demo's are) name it once, not "X (X)".
        var policeName = "Polizeirevier " + city.key();
        repository.append(city.id(), event, new LogEntry(UUID.randomUUID(), repository.nextNumber(event), city.police(),
                policeName, Instant.now(), "Bühne 1 voll", null), null);

        var page = mvc.perform(get(url).with(police)).andReturn().getResponse().getContentAsString();
        assertThat(page).containsSubsequence("id=\"log-form\"", "id=\"log-text\"", "id=\"log-entries\"",
                "id=\"log-poller\"", "Bühne 1 voll", "Einlass geöffnet");
        assertThat(page).contains(">" + policeName + "<", ">" + policeName + " (Paula Polizei)<")
                .doesNotContain(policeName + " (" + policeName + ")");
    }

    @Test
    void anEntryPostedWithHtmxAnswersWithTheEmptyFormAndTellsThePollerToFetchAtOnce() throws Exception {
        var police = user(fixtures.user(city.policeUser()));
        var url = "/events/" + event + "/log";
        var written = mvc.perform(post(url).with(police).with(csrf()).header("HX-Request", "true")
                        .param("text", "Sperrung Marktstraße aktiv"))
                .andExpect(status().isOk()).andExpect(header().string("HX-Trigger", "log-written")).andReturn()
                .getResponse().getContentAsString();
        assertThat(written).startsWith("<form").contains("Der Eintrag steht im Einsatztagebuch.", "autofocus",
                "hx-post=\"" + url + "\"", "name=\"_csrf\"", "></textarea>").doesNotContain("<html", "log-entries");
        assertThat(asUser(fixtures, city.steeringUser(), () -> log.after(event, 0))).extracting(LogEntry::text)
                .containsExactly("Sperrung Marktstraße aktiv");
        assertThat(mvc.perform(get(url + "/entries").param("since", "0").with(police)).andReturn().getResponse()
                .getContentAsString()).contains("log-written from:body");

        var typed = "Lage: " + "sehr ".repeat(500);
        var refused = mvc.perform(post(url).with(police).with(csrf()).header("HX-Request", "true").param("text", typed))
                .andExpect(status().isOk()).andExpect(header().doesNotExist("HX-Trigger")).andReturn().getResponse()
                .getContentAsString();
        assertThat(refused).contains("role=\"alert\"", typed + "</textarea>").doesNotContain("steht im Einsatztagebuch");
    }

    @Test
    void aRefusedEntryComesBackInTheFormSoNothingTypedIsLost() throws Exception {
        var police = user(fixtures.user(city.policeUser()));
        var url = "/events/" + event + "/log";
        var typed = "Lage am Marktplatz: " + "sehr ".repeat(500);
        // The flash lives in the (JDBC) session: the reload sends the session cookie as a browser does.
        var refused = mvc.perform(post(url).with(police).with(csrf()).param("text", typed).param("corrects", "7"))
                .andExpect(flash().attributeExists("problem")).andReturn().getResponse();

        var page = mvc.perform(get(url).cookie(refused.getCookies()).with(police)).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains(typed + "</textarea>").contains("name=\"corrects\" value=\"7\"");
    }
}

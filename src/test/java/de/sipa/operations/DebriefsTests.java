package de.sipa.operations;

import static de.sipa.operations.Acting.asUser;
import static de.sipa.operations.OperationsTestSupport.festival;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

import de.sipa.Fixtures;
import de.sipa.Fixtures.City;
import de.sipa.SipaIntegrationTest;
import de.sipa.meetings.FollowUpBoard;
import de.sipa.meetings.FollowUpQuery;
import de.sipa.operations.PlanEntries.SectionForm;
import de.sipa.shared.RuleViolationException;

@SipaIntegrationTest
class DebriefsTests {

    static final LocalDateTime LAST_YEAR = LocalDateTime.of(2025, 9, 20, 10, 0);

    @Autowired
    Fixtures fixtures;

    @Autowired
    Events events;

    @Autowired
    DeploymentPlans plans;

    @Autowired
    Debriefs debriefs;

    @Autowired
    FollowUpBoard board;

    @Autowired
    MockMvc mvc;

    City city;
    EventId event;

    /** A past Volksfest in which the police had a section. */
    @BeforeEach
    void pastEventWithThePoliceInvolved() {
        city = fixtures.city();
        event = asUser(fixtures, city.coordinator(), () -> {
            var id = events.plan(festival("Volksfest 2025", LAST_YEAR));
            plans.addSection(id, new SectionForm("Festplatz", null, city.police().value(), null));
            return id;
        });
    }

    @Test
    void lessonsBecomeActionItemsOnTheFollowUpBoardWithTheEventAsTheirOrigin() throws Exception {
        asUser(fixtures, city.policeUser(), () -> debriefs.recordNote(event, "Absprachen am Funk klappten",
                "Zu wenige Toiletten am Festplatz"));
        asUser(fixtures, city.coordinator(), () -> debriefs.learn(event, "Mehr Toilettenwagen bestellen",
                city.publicOrder(), LocalDate.of(2026, 6, 1)));

        asUser(fixtures, city.publicOrderUser(), () -> {
            assertThat(debriefs.notes(event)).singleElement().satisfies(note -> {
                assertThat(note.organisation()).isEqualTo(city.police());
                assertThat(note.wentBadly()).isEqualTo("Zu wenige Toiletten am Festplatz");
            });
            var followUps = board.followUps(new FollowUpQuery(city.publicOrder().value(), null, "open", null));
            assertThat(followUps).singleElement().satisfies(followUp -> {
                assertThat(followUp.item().title()).isEqualTo("Mehr Toilettenwagen bestellen");
                assertThat(followUp.item().owner()).isEqualTo(city.publicOrder());
                assertThat(followUp.item().dueOn()).isEqualTo(LocalDate.of(2026, 6, 1));
                assertThat(followUp.originLabel()).isEqualTo("Nachbesprechung Volksfest 2025");
                assertThat(followUp.item().link()).isEqualTo("/events/" + event + "/debrief");
                assertThat(followUp.body()).isNull();
            });
            assertThat(board.followUps(new FollowUpQuery(city.police().value(), null, "open", null))).isEmpty();
            assertThat(board.followUps(new FollowUpQuery(null, city.steeringGroup().value(), "all", null))).isEmpty();
            assertThat(board.followUps(new FollowUpQuery(null, null, "open", LocalDate.of(2026, 6, 2)))).hasSize(1);
            var csv = new StringWriter();
            assertThat(board.exportCsv(FollowUpQuery.OPEN, csv)).isEqualTo(1);
            assertThat(csv.toString()).contains("Herkunft", "Mehr Toilettenwagen bestellen",
                    "Nachbesprechung Volksfest 2025");
        });

        var page = mvc.perform(get("/action-items").with(user(fixtures.user(city.publicOrderUser())))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Mehr Toilettenwagen bestellen", "Nachbesprechung Volksfest 2025",
                "href=\"/events/" + event + "/debrief\"", "/progress");
    }

    @Test
    void theDebriefPageTakesNotesAndLessons() throws Exception {
        var url = "/events/" + event + "/debrief";
        var police = user(fixtures.user(city.policeUser()));
        mvc.perform(post(url + "/notes").with(police).with(csrf()).param("wentWell", "Funk stabil")
                .param("wentBadly", "Zugang zu eng")).andExpect(flash().attribute("success", "debrief.noteSaved"));
        var coordinator = user(fixtures.user(city.coordinator()));
        mvc.perform(post(url + "/lessons").with(coordinator).with(csrf()).param("text", "Zugang verbreitern")
                .param("owner", city.publicOrder().toString()).param("dueOn", "2026-05-01"))
                .andExpect(flash().attribute("success", "debrief.lessonLearned"));
        mvc.perform(post(url + "/lessons").with(coordinator).with(csrf()).param("text", "Ohne Federführung"))
                .andExpect(flash().attribute("problem",
                        "Eine Lehre braucht Text, federführende Organisation und Fälligkeit."));

        var page = mvc.perform(get(url).with(police)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Funk stabil", "Zugang zu eng", "Zugang verbreitern", "01.05.2026",
                "id=\"debrief-note-form\"").doesNotContain("id=\"lesson-form\"");
        assertThat(mvc.perform(get(url).with(coordinator)).andReturn().getResponse().getContentAsString())
                .contains("id=\"lesson-form\"", "id=\"lesson-owner\"");
    }

    @Test
    void theNoteFormHoldsTheOrganisationsNoteSoThatWritingItAgainKeepsWhatItSaid() throws Exception {
        asUser(fixtures, city.policeUser(), () -> debriefs.recordNote(event, "Funk stabil", "Zugang zu eng"));

        var page = mvc.perform(get("/events/" + event + "/debrief").with(user(fixtures.user(city.policeUser()))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).containsPattern("<textarea id=\"wentWell\"[^>]*>Funk stabil</textarea>")
                .containsPattern("<textarea id=\"wentBadly\"[^>]*>Zugang zu eng</textarea>");
        var other = mvc.perform(get("/events/" + event + "/debrief").with(user(fixtures.user(city.publicOrderUser()))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(other).containsPattern("<textarea id=\"wentWell\"[^>]*></textarea>");
    }

    @Test
    void theNextYearsPlanFromThisEventCarriesItsLessonsAsAChecklist() {
        asUser(fixtures, city.coordinator(), () -> {
            debriefs.learn(event, "Rettungsweg am Riesenrad freihalten", city.police(), LocalDate.of(2026, 5, 1));
            var next = plans.planFromTemplate(event, festival("Volksfest 2026", LAST_YEAR.plusYears(1)));
            assertThat(plans.current(next).orElseThrow().checklist()).singleElement().satisfies(item -> {
                assertThat(item.text()).isEqualTo("Rettungsweg am Riesenrad freihalten");
                assertThat(item.source()).isEqualTo("Volksfest 2025");
                assertThat(item.done()).isFalse();
            });
        });
    }

    @Test
    void theDebriefIsAfterTheEventByTheInvolvedAndLessonsAreTheCoordinationsCall() {
        var coming = asUser(fixtures, city.coordinator(), () -> events.plan(festival("Volksfest 2099",
                LocalDateTime.of(2099, 9, 20, 10, 0))));
        assertThatThrownBy(() -> asUser(fixtures, city.coordinator(), () -> debriefs.learn(coming, "Zu früh",
                city.police(), LocalDate.of(2100, 1, 1))))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("debrief.tooEarly");
        assertThatThrownBy(() -> asUser(fixtures, city.publicOrderUser(), () -> debriefs.recordNote(event, "Gut", null)))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("debrief.notInvolved");
        assertThatThrownBy(() -> asUser(fixtures, city.policeUser(), () -> debriefs.learn(event, "Selbst", city.police(),
                LocalDate.of(2026, 1, 1)))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> asUser(fixtures, city.coordinator(), () -> debriefs.learn(event, "Ohne Frist",
                city.police(), null)))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("debrief.lessonIncomplete");
    }

    @Test
    void aLessonTooLongForAnActionItemIsRefusedWithAMessage() {
        var longest = "L".repeat(500);
        asUser(fixtures, city.coordinator(), () -> {
            assertThat(debriefs.learn(event, longest, city.police(), LocalDate.of(2026, 5, 1)).text()).isEqualTo(longest);
            assertThatThrownBy(() -> debriefs.learn(event, longest + "L", city.police(), LocalDate.of(2026, 5, 1)))
                    .isInstanceOf(RuleViolationException.class).hasMessageContaining("debrief.lessonTooLong");
        });
    }
}

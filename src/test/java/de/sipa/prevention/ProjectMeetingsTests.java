package de.sipa.prevention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;
import java.util.function.Supplier;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

import de.sipa.Fixtures;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaPrincipal;
import de.sipa.meetings.MeetingDetails;
import de.sipa.meetings.MeetingId;
import de.sipa.meetings.Meetings;
import de.sipa.shared.RuleViolationException;

/** Agenda items linked to a project, and the project's time line of their decisions and action items. */
@SipaIntegrationTest
class ProjectMeetingsTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    PreventionProjects projects;

    @Autowired
    ProjectMeetings projectMeetings;

    @Autowired
    Meetings meetings;

    @Autowired
    MockMvc mvc;

    Fixtures.City city;
    ProjectId project;
    MeetingId meeting;
    UUID item;
    UUID confidentialItem;

    @BeforeEach
    void aProjectAndAMeeting() {
        city = fixtures.city();
        as(city.coordinator(), () -> {
            project = projects.create(PreventionProjectsTests.draft("Schulwegsicherheit"));
            var start = LocalDateTime.now().plusDays(7).withHour(10).withMinute(0).withSecond(0).withNano(0);
            meeting = meetings.schedule(new MeetingDetails(city.steeringGroup().value(), "Lenkungsgruppe Frühjahr",
                    start, start.plusHours(2), null, null));
            item = meetings.addAgendaItem(meeting, "Schulwege im Herbst", null, null, false);
            confidentialItem = meetings.addAgendaItem(meeting, "Polizeiliches Lagebild", null, null, true);
            var decision = meetings.decide(meeting, item, "Schulen melden Gefahrenstellen über die Anlaufstelle.",
                    null, null);
            meetings.decide(meeting, confidentialItem, "Verdeckte Maßnahme.", null, null);
            meetings.assign(meeting, decision.id(), "Gefahrenstellen sammeln", city.police(), null,
                    LocalDate.now().plusDays(30));
            return null;
        });
    }

    @Test
    void aLinkedAgendaItemBringsItsDecisionAndActionItemIntoTheProjectsTimeLine() throws Exception {
        var choice = as(city.policeUser(), () -> projectMeetings.agendaChoices()).stream()
                .filter(c -> c.label().endsWith("Lenkungsgruppe Frühjahr: Schulwege im Herbst")).findFirst()
                .orElseThrow();
        as(city.policeUser(), () -> {
            projectMeetings.link(project, choice.value());
            return null;
        });
        assertThatThrownBy(() -> as(city.policeUser(), () -> {
            projectMeetings.link(project, choice.value());
            return null;
        })).isInstanceOf(RuleViolationException.class).hasMessageContaining("prevention.agenda.duplicate");
        assertThatThrownBy(() -> as(city.policeUser(), () -> {
            projectMeetings.link(project, meeting + ":" + UUID.randomUUID());
            return null;
        })).hasMessageContaining("prevention.agenda.unknown");
        assertThatThrownBy(() -> as(city.steeringUser(), () -> {
            projectMeetings.link(project, choice.value());
            return null;
        })).isInstanceOf(AccessDeniedException.class);

        var timeline = as(city.steeringUser(), () -> projectMeetings.timeline(project));
        assertThat(timeline).extracting(TimelineEntry::kind, TimelineEntry::title).containsExactly(
                org.assertj.core.groups.Tuple.tuple(TimelineEntry.Kind.AGENDA_ITEM, "Schulwege im Herbst"),
                org.assertj.core.groups.Tuple.tuple(TimelineEntry.Kind.DECISION,
                        "Schulen melden Gefahrenstellen über die Anlaufstelle."),
                org.assertj.core.groups.Tuple.tuple(TimelineEntry.Kind.ACTION_ITEM, "Gefahrenstellen sammeln"));
        var page = Jsoup.parse(mvc.perform(get("/praevention/{id}", project.value())
                .with(user(fixtures.user(city.steeringUser())))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("#project-timeline li a").eachText()).containsExactly("Schulwege im Herbst",
                "Schulen melden Gefahrenstellen über die Anlaufstelle.", "Gefahrenstellen sammeln");
        assertThat(page.text()).doesNotContain("Verdeckte Maßnahme");
    }

    @Test
    void aConfidentialItemLinkedStaysWithTheBodysMembers() {
        as(city.coordinator(), () -> {
            projectMeetings.link(project, meeting + ":" + confidentialItem);
            return null;
        });
        assertThat(as(city.coordinator(), () -> projectMeetings.timeline(project))).extracting(TimelineEntry::title)
                .contains("Verdeckte Maßnahme.");
        assertThat(as(city.publicOrderUser(), () -> projectMeetings.timeline(project))).extracting(TimelineEntry::title)
                .doesNotContain("Verdeckte Maßnahme.", "Polizeiliches Lagebild");
    }

    private <T> T as(String username, Supplier<T> work) {
        var principal = (SipaPrincipal) fixtures.user(username);
        return CurrentUser.runAs(principal.sipaUser(), work);
    }
}

package de.sipa.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.regex.Pattern;

import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import de.sipa.Fixtures;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;

@SipaIntegrationTest
class CalendarFeedTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Meetings meetings;

    @Test
    void theFeedShowsTheMeetingsOfTheOrganisationsBodiesAndItsDueDatesBehindASecretUrl() throws Exception {
        var city = fixtures.city();
        CurrentUser.runAs(SipaUser.system(city.id()), () -> {
            var meeting = meetings.schedule(new MeetingDetails(city.steeringGroup().value(), "Lenkungsgruppe Sommer",
                    LocalDateTime.of(2027, 6, 1, 10, 0), LocalDateTime.of(2027, 6, 1, 12, 0), "Rathaus", null));
            meetings.assign(meeting, null, "Bericht schreiben", city.police(), null, LocalDate.of(2027, 7, 1));
            meetings.assign(meeting, null, "Fremder Auftrag", city.publicOrder(), null, LocalDate.of(2027, 7, 2));
        });
        var police = user(fixtures.user(city.policeUser()));
        var url = feedUrl(mvc.perform(get("/calendar").with(police)).andReturn().getResponse().getContentAsString());

        var ics = mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var calendar = MeetingCalendarTests.parseAndValidate(ics);
        assertThat(calendar.getProperty(Property.METHOD)).as("a published feed has no METHOD").isEmpty();
        assertThat(ics).contains("X-WR-CALNAME:", "\r\nNAME:", "BEGIN:VTIMEZONE");
        var events = calendar.<VEvent>getComponents("VEVENT");
        assertThat(events).allSatisfy(e -> assertThat(e.getProperty(Property.SEQUENCE)).isPresent());
        var summaries = events.stream()
                .map(c -> c.getProperty(Property.SUMMARY).orElseThrow().getValue()).toList();
        assertThat(summaries).containsExactlyInAnyOrder("Lenkungsgruppe Sommer", "Fällig: Bericht schreiben");

        var publicOrder = user(fixtures.user(city.publicOrderUser()));
        var otherUrl = feedUrl(mvc.perform(get("/calendar").with(publicOrder)).andReturn().getResponse()
                .getContentAsString());
        var other = mvc.perform(get(otherUrl)).andReturn().getResponse().getContentAsString();
        assertThat(other).as("the Ordnungsamt does not sit in the steering group of this city")
                .doesNotContain("Lenkungsgruppe Sommer").contains("Fällig: Fremder Auftrag");

        mvc.perform(post("/calendar/renew").with(police).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(get(url)).andExpect(status().isNotFound());
        mvc.perform(get("/kalender/" + java.util.UUID.randomUUID() + ".ics")).andExpect(status().isNotFound());
    }

    private static String feedUrl(String page) {
        var matcher = Pattern.compile("value=\"http://localhost(/kalender/[0-9a-f-]+\\.ics)\"").matcher(page);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}

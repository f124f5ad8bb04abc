package de.sipa.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.regex.Pattern;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import de.sipa.Fixtures;
import de.sipa.Fixtures.City;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.partners.Organisations;
import de.sipa.partners.People;
import de.sipa.partners.PersonDetails;

/**
 * The calendar files a meeting's invitees and the members get, as the coordination changes and cancels a meeting in
 * the pages: every one passes ical4j's validator, an update and the cancellation keep the UID with a rising SEQUENCE,
 * the chair's office mailbox organises them, and nobody is asked for a reply SiPa would not read.
 */
@SipaIntegrationTest
class MeetingInvitationFilesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Meetings meetings;

    @Autowired
    People people;

    @Autowired
    Organisations organisations;

    @Autowired
    FollowUpBoard board;

    @Autowired
    JdbcClient jdbc;

    City city;
    RequestPostProcessor coordinator;
    String office;
    String invitee;

    @BeforeEach
    void city() {
        city = fixtures.city();
        coordinator = user(fixtures.user(city.coordinator()));
        office = "geschaeftsstelle-" + city.key() + "@stadt.example";
        invitee = "paula-" + city.key() + "@polizei.example";
        as(() -> {
            var details = people.get(city.officer()).details();
            people.update(city.officer(), new PersonDetails(details.organisationId(), details.salutation(),
                    details.firstName(), details.lastName(), details.function(), details.phone(), details.mobile(),
                    invitee, details.districts()));
        });
    }

    @Test
    void aChangedMeetingsUpdateAndCancellationKeepTheUidWithARisingSequenceFromTheChairsOffice() throws Exception {
        mvc.perform(post("/meetings/office").with(coordinator).with(csrf()).param("email", office))
                .andExpect(redirectedUrl("/meetings/office"));
        assertThat(mvc.perform(get("/meetings/office").with(coordinator)).andReturn().getResponse()
                .getContentAsString()).contains(office);
        var location = mvc.perform(post("/meetings").with(coordinator).with(csrf())
                        .param("bodyId", city.steeringGroup().value().toString()).param("title", "Lenkungsgruppe Herbst")
                        .param("startsAt", "2027-10-05T15:00").param("endsAt", "2027-10-05T17:00")
                        .param("location", "Rathaus, Saal 3"))
                .andReturn().getResponse().getRedirectedUrl();
        var id = new MeetingId(java.util.UUID.fromString(location.substring(location.lastIndexOf('/') + 1)));
        mvc.perform(post(location + "/invite").with(coordinator).with(csrf())).andExpect(redirectedUrl(location));

        var page = mvc.perform(get(location).with(coordinator)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(location + "/calendar.ics", location + "/edit");
        assertThat(mvc.perform(get(location + "/edit").with(coordinator)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).contains("value=\"Rathaus, Saal 3\"", "2027-10-05T15:00");
        mvc.perform(post(location + "/edit").with(coordinator).with(csrf())
                        .param("bodyId", city.steeringGroup().value().toString()).param("title", "Lenkungsgruppe Herbst")
                        .param("startsAt", "2027-10-06T16:00").param("endsAt", "2027-10-06T18:00")
                        .param("location", "Feuerwache Nord"))
                .andExpect(redirectedUrl(location));
        var download = mvc.perform(get(location + "/calendar.ics").with(coordinator)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        mvc.perform(post(location + "/cancel").with(coordinator).with(csrf()).param("reason", "Terminkollision"))
                .andExpect(redirectedUrl(location));

        var sent = invitations();
        assertThat(sent).hasSize(3);
        var calendars = sent.stream().map(MeetingInvitationFilesTests::validated).toList();
        assertThat(calendars).extracting(c -> c.getProperty(Property.METHOD).orElseThrow().getValue())
                .containsExactly("REQUEST", "REQUEST", "CANCEL");
        var events = calendars.stream().map(MeetingInvitationFilesTests::event).toList();
        assertThat(events).extracting(e -> e.getUid().orElseThrow().getValue()).containsOnly(id.value() + "@sipa");
        assertThat(events).extracting(e -> e.getSequence().getSequenceNo()).containsExactly(0, 1, 2);
        assertThat(events.get(1).getProperty(Property.DTSTART).orElseThrow().getValue()).isEqualTo("20271006T140000Z");
        assertThat(events.get(1).getProperty(Property.LOCATION).orElseThrow().getValue()).isEqualTo("Feuerwache Nord");
        assertThat(events.get(2).getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CANCELLED");
        assertThat(events).allSatisfy(e -> {
            var organizer = e.getProperty(Property.ORGANIZER).orElseThrow();
            assertThat(organizer.getValue()).isEqualTo("mailto:" + office);
            assertThat(organizer.getParameter("CN").orElseThrow().getValue())
                    .isEqualTo("Geschäftsstelle – Stadt " + city.key());
            assertThat(e.getProperty(Property.ATTENDEE).orElseThrow().getValue()).isEqualTo("mailto:" + invitee);
        });
        assertThat(sent).allSatisfy(ics -> assertThat(ics).doesNotContain("RSVP=TRUE"));

        var downloaded = validated(download);
        assertThat(downloaded.getProperty(Property.METHOD)).as("a download is published, not an invitation").isEmpty();
        assertThat(event(downloaded).getUid().orElseThrow().getValue()).isEqualTo(id.value() + "@sipa");
        assertThat(event(downloaded).getSequence().getSequenceNo()).isEqualTo(1);
        assertThat(download).contains("X-WR-CALNAME:", "\r\nNAME:", "BEGIN:VTIMEZONE");
    }

    @Test
    void withoutAnOfficeMailboxTheCoordinationsOwnAddressOrganisesTheInvitation() throws Exception {
        as(() -> {
            // The coordination's own organisation, founded with the partnership (see Fixtures.city()).
            var ownOrganisation = organisations.all().stream()
                    .filter(o -> o.name().equals("Kriminalprävention " + city.key())).findFirst().orElseThrow().id();
            var details = organisations.get(ownOrganisation).details();
            organisations.update(ownOrganisation, new de.sipa.partners.OrganisationDetails(details.name(),
                    details.kind(), details.street(), details.postalCode(), details.city(), details.phone(),
                    "kkp-" + city.key() + "@stadt.example", details.onDutyPhone(), details.onDutyNote(),
                    details.active()));
        });
        var id = as(() -> meetings.schedule(new MeetingDetails(city.steeringGroup().value(), "Lenkungsgruppe Winter",
                LocalDateTime.of(2027, 12, 1, 10, 0), LocalDateTime.of(2027, 12, 1, 12, 0), null, null)));
        mvc.perform(post("/meetings/" + id.value() + "/invite").with(coordinator).with(csrf()));

        var invitation = event(validated(invitations().get(0)));
        assertThat(invitation.getProperty(Property.ORGANIZER).orElseThrow().getValue())
                .isEqualTo("mailto:kkp-" + city.key() + "@stadt.example");
    }

    @Test
    void theFeedsDueDatesRiseInSequenceWhenTheirItemChanges() throws Exception {
        var item = as(() -> {
            var meeting = meetings.schedule(new MeetingDetails(city.steeringGroup().value(), "Lenkungsgruppe Sommer",
                    LocalDateTime.of(2027, 6, 1, 10, 0), LocalDateTime.of(2027, 6, 1, 12, 0), "Rathaus", null));
            return meetings.assign(meeting, null, "Bericht schreiben", city.police(), null, LocalDate.of(2027, 7, 1));
        });
        var police = user(fixtures.user(city.policeUser()));
        var page = mvc.perform(get("/calendar").with(police)).andReturn().getResponse().getContentAsString();
        var matcher = Pattern.compile("value=\"http://localhost(/kalender/[0-9a-f-]+\\.ics)\"").matcher(page);
        assertThat(matcher.find()).isTrue();
        var url = matcher.group(1);

        var before = dueDate(mvc.perform(get(url)).andReturn().getResponse().getContentAsString());
        as(() -> board.recordProgress(item, ActionItemStatus.IN_PROGRESS, "Entwurf liegt vor"));
        var after = dueDate(mvc.perform(get(url)).andReturn().getResponse().getContentAsString());

        assertThat(after.getUid().orElseThrow().getValue()).isEqualTo(before.getUid().orElseThrow().getValue());
        assertThat(after.getSequence().getSequenceNo()).isGreaterThan(before.getSequence().getSequenceNo());
        assertThat(after.getLastModified().getDate()).isAfterOrEqualTo(before.getLastModified().getDate());
        assertThat(after.getDateTimeStamp().getDate()).isEqualTo(after.getLastModified().getDate());
    }

    private VEvent dueDate(String feed) {
        var calendar = validated(feed);
        assertThat(calendar.getProperty(Property.METHOD)).as("a published feed has no METHOD").isEmpty();
        assertThat(feed).contains("X-WR-CALNAME:", "\r\nNAME:", "BEGIN:VTIMEZONE", "X-WR-TIMEZONE:");
        return calendar.<VEvent>getComponents("VEVENT").stream()
                .filter(e -> e.getSummary().getValue().equals("Fällig: Bericht schreiben")).findFirst().orElseThrow();
    }

    /** The .ics files in the outbox of the city, oldest first. */
    private List<String> invitations() {
        return jdbc.sql("""
                SELECT attachment FROM notifications_mail WHERE partnership_id = ? AND attachment_name LIKE '%.ics'
                ORDER BY created_at, id""").param(city.id().value()).query(byte[].class).list().stream()
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8)).toList();
    }

    private static Calendar validated(String ics) {
        try {
            return MeetingCalendarTests.parseAndValidate(ics);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static VEvent event(Calendar calendar) {
        return calendar.<VEvent>getComponent("VEVENT").orElseThrow();
    }

    private <T> T as(java.util.function.Supplier<T> work) {
        return CurrentUser.runAs(SipaUser.system(city.id()), work);
    }

    private void as(Runnable work) {
        CurrentUser.runAs(SipaUser.system(city.id()), work);
    }
}

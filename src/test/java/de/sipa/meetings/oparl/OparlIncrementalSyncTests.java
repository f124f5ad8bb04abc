package de.sipa.meetings.oparl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.UriComponentsBuilder;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import de.sipa.Fixtures;
import de.sipa.Fixtures.City;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.meetings.Attendance;
import de.sipa.meetings.MeetingDetails;
import de.sipa.meetings.MeetingId;
import de.sipa.meetings.MeetingMaterials;
import de.sipa.meetings.MeetingMinutes;
import de.sipa.meetings.Meetings;
import de.sipa.partners.Bodies;
import de.sipa.partners.BodyDetails;
import de.sipa.partners.BodyKind;
import de.sipa.partners.MembershipDetails;
import de.sipa.partners.MembershipRole;

/**
 * A client that syncs incrementally (first a full read, then only what {@code modified_since} lists, deleted objects
 * removed) holds after every kind of change exactly what a full read shows: every change of what an object shows
 * changes its {@code modified}.
 */
@SipaIntegrationTest
class OparlIncrementalSyncTests {

    private static final List<String> LISTS = List.of("organizations", "people", "memberships", "meetings",
            "agenda-items", "papers", "consultations", "files", "locations", "legislative-terms");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final byte[] PDF = "%PDF-1.4 Lageplan".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Meetings meetings;

    @Autowired
    MeetingMaterials materials;

    @Autowired
    MeetingMinutes minutes;

    @Autowired
    Bodies bodies;

    City city;
    String body;
    Map<String, Map<String, Object>> synced;

    @Test
    void anIncrementalSyncEqualsAFullReadAfterEveryKindOfChange() throws Exception {
        city = fixtures.city();
        body = "/oparl/v1.1/bodies/stadt-" + city.key();
        var meeting = as(() -> meetings.schedule(new MeetingDetails(city.steeringGroup().value(), "Lenkungsgruppe",
                LocalDateTime.now().minusDays(1), LocalDateTime.now().minusDays(1).plusHours(2), "Rathaus", null)));
        var item = as(() -> meetings.addAgendaItem(meeting, "Beleuchtung Stadtpark", null, null, false));
        synced = fullRead();
        since = next();

        // Each step: the change, then the sync, then the comparison with a full read.
        var seat = as(() -> bodies.join(city.steeringGroup(), new MembershipDetails(city.clerk().value(),
                MembershipRole.STANDING_MEMBER, LocalDate.now(), null)));
        syncAndCompare("a person becomes public through a first seat", true);
        as(() -> bodies.endMembership(seat, LocalDate.now().plusDays(30)));
        syncAndCompare("a membership is ended", true);
        as(() -> bodies.removeMembership(seat));
        syncAndCompare("a membership is removed (the person is no longer public)", true);

        as(() -> meetings.decide(meeting, item, "Die Stadt beleuchtet den Stadtpark.", "einstimmig", null));
        syncAndCompare("a decision is taken", true);
        as(() -> meetings.addAgendaItem(meeting, "Ermittlungslage", null, null, true));
        syncAndCompare("a confidential item is added", false);
        var later = as(() -> meetings.addAgendaItem(meeting, "Verschiedenes", null, null, false));
        syncAndCompare("a public item is added", true);
        as(() -> materials.attach(meeting, later, "Lageplan.pdf", PDF));
        syncAndCompare("a file is attached", true);
        as(() -> meetings.recordAttendance(meeting,
                List.of(new Attendance(city.officer(), Attendance.Status.PRESENT, null))));
        syncAndCompare("attendance is recorded", true);
        as(() -> {
            minutes.write(meeting, Map.of(item, "Leuchten im Frühjahr."));
            minutes.circulate(meeting);
            minutes.approve(meeting);
        });
        syncAndCompare("the minutes are approved", true);

        var planned = as(() -> meetings.schedule(new MeetingDetails(city.steeringGroup().value(), "Nächste Sitzung",
                LocalDateTime.now().plusDays(10), LocalDateTime.now().plusDays(10).plusHours(2), "Rathaus", null)));
        syncAndCompare("a meeting is planned", true);
        as(() -> meetings.reschedule(planned, new MeetingDetails(city.steeringGroup().value(), "Nächste Sitzung",
                LocalDateTime.now().plusDays(11), LocalDateTime.now().plusDays(11).plusHours(2), "Feuerwache", null)));
        syncAndCompare("a meeting is moved to another time and place", true);
        as(() -> meetings.cancel(planned, "Keine Themen"));
        syncAndCompare("a meeting is cancelled", true);

        var group = as(() -> bodies.create(new BodyDetails("AG Beleuchtung", "AGB", BodyKind.WORKING_GROUP, null)));
        syncAndCompare("a body is created", true);
        as(() -> bodies.delete(group));
        syncAndCompare("a body is deleted", true);
    }

    /** Merges what changed since just before the change into the client's copy and compares with a full read. */
    private void syncAndCompare(String change, boolean somethingChanged) throws Exception {
        var changed = 0;
        for (var list : LISTS) {
            for (var element : all(body + "/" + list + "?modified_since="
                    + URLEncoder.encode(since.atOffset(ZoneOffset.ofHours(1)).toString(), StandardCharsets.UTF_8))) {
                changed++;
                if (Boolean.TRUE.equals(element.get("deleted"))) {
                    synced.remove((String) element.get("id"));
                } else {
                    synced.put((String) element.get("id"), element);
                }
            }
        }
        var full = fullRead();
        assertThat(synced).as("after: " + change).isEqualTo(full);
        if (somethingChanged) {
            assertThat(changed).as("something is listed as changed after: " + change).isPositive();
        }
        this.since = next();
    }

    private Instant since;

    /** Just before the next change: the second it falls in, as the API writes times to the second. */
    private static Instant next() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    private Map<String, Map<String, Object>> fullRead() throws Exception {
        var objects = new TreeMap<String, Map<String, Object>>();
        for (var list : LISTS) {
            for (var element : all(body + "/" + list)) {
                assertThat(element).as("no deleted objects in a list without modified_since").doesNotContainKey("deleted");
                objects.put((String) element.get("id"), element);
            }
        }
        return objects;
    }

    private List<Map<String, Object>> all(String url) throws Exception {
        var elements = new ArrayList<Map<String, Object>>();
        var next = url;
        while (next != null) {
            var page = object(next);
            elements.addAll(list(page.get("data")));
            var links = map(page.get("links"));
            next = links.containsKey("next") ? path(links.get("next")) : null;
        }
        return elements;
    }

    private Map<String, Object> object(String url) throws Exception {
        var body = mvc.perform(get(URI.create(url))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return JSON.readValue(body, new TypeReference<>() { });
    }

    private static String path(Object url) {
        var components = UriComponentsBuilder.fromUriString((String) url).build();
        return components.getPath() + (components.getQuery() == null ? "" : "?" + components.getQuery());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    private <T> T as(Supplier<T> work) {
        return CurrentUser.runAs(SipaUser.system(city.id()), work);
    }

    private void as(Runnable work) {
        CurrentUser.runAs(SipaUser.system(city.id()), work);
    }
}

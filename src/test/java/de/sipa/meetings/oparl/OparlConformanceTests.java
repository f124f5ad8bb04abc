package de.sipa.meetings.oparl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.UriComponentsBuilder;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import de.sipa.Fixtures;
import de.sipa.Fixtures.City;
import de.sipa.PdfFiles;
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
 * The OParl API checked against the OParl 1.1 specification: the required properties of each object type, the
 * list pages with their links, the filters, and that nothing confidential or private leaves SiPa.
 */
@SipaIntegrationTest
class OparlConformanceTests {

    private static final String SCHEMA = "https://schema.oparl.org/1.1/";

    /** The properties OParl 1.1 requires per type (schema "required"); lists of all bodies need the list URLs. */
    private static final Map<String, List<String>> REQUIRED = Map.ofEntries(
            Map.entry("System", List.of("id", "type", "oparlVersion", "body")),
            Map.entry("Body", List.of("id", "type", "name", "organization", "person", "meeting", "paper",
                    "legislativeTerm")),
            Map.entry("Organization", List.of("id", "type")),
            Map.entry("Person", List.of("id", "type")),
            Map.entry("Membership", List.of("id", "type")),
            Map.entry("Meeting", List.of("id", "type")),
            Map.entry("AgendaItem", List.of("id", "type")),
            Map.entry("Paper", List.of("id", "type")),
            Map.entry("Consultation", List.of("id", "type")),
            Map.entry("File", List.of("id", "type", "accessUrl")),
            Map.entry("Location", List.of("id", "type")),
            Map.entry("LegislativeTerm", List.of("id", "type")));

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

    @Autowired
    java.time.Clock clock;

    City city;
    MeetingId held;
    UUID secretItem;
    String body;

    @BeforeEach
    void aHeldMeetingWithAPublicAndAConfidentialItem() {
        city = fixtures.city();
        body = "/oparl/v1.1/bodies/stadt-" + city.key();
        held = as(() -> meetings.schedule(new MeetingDetails(city.steeringGroup().value(), "Lenkungsgruppe Herbst",
                LocalDateTime.now().minusDays(1), LocalDateTime.now().minusDays(1).plusHours(2), "Rathaus, Saal 3",
                "https://video.example/geheim")));
        var open = as(() -> meetings.addAgendaItem(held, "Beleuchtung Stadtpark", null, null, false));
        secretItem = as(() -> meetings.addAgendaItem(held, "Ermittlungslage Rauschgift", null, null, true));
        as(() -> {
            meetings.decide(held, open, "Die Stadt beleuchtet den Stadtpark bis 2027.", "einstimmig", null);
            meetings.decide(held, secretItem, "Verdeckte Maßnahme am Bahnhof", null, null);
            materials.attach(held, open, "Lageplan Stadtpark.pdf", PDF);
            materials.attach(held, secretItem, "Lagebild vertraulich.pdf", PDF);
            meetings.recordAttendance(held, List.of(new Attendance(city.officer(), Attendance.Status.PRESENT, null)));
        });
    }

    @Test
    void everyObjectReachableFromTheSystemHasTheRequiredPropertiesAndIsFoundUnderItsId() throws Exception {
        var system = object("/oparl/v1.1");
        assertConforms(system, "System");
        assertThat(system.get("oparlVersion")).isEqualTo(SCHEMA);

        var bodies = all((String) system.get("body"));
        var ours = bodies.stream().filter(b -> ((String) b.get("id")).endsWith(body)).findFirst().orElseThrow();
        assertConforms(ours, "Body");
        assertThat(ours.get("name")).isEqualTo("Stadt " + city.key());
        assertThat(ours.get("license")).isEqualTo("https://www.govdata.de/dl-de/by-2-0");
        assertThat(list(ours.get("legislativeTerm"))).singleElement()
                .satisfies(term -> assertConforms(term, "LegislativeTerm"));

        var seen = new HashSet<String>();
        for (var list : List.of("organization", "person", "meeting", "paper", "agendaItem", "consultation", "file",
                "membership", "legislativeTermList", "locationList")) {
            for (var element : all((String) ours.get(list))) {
                var type = ((String) element.get("type")).substring(SCHEMA.length());
                assertConforms(element, type);
                assertThat(object(path(element.get("id")))).as("%s under its id", element.get("id")).isEqualTo(element);
                seen.add(type);
            }
        }
        assertThat(seen).containsExactlyInAnyOrder("Organization", "Person", "Meeting", "Paper", "AgendaItem",
                "Consultation", "File", "Membership", "Location", "LegislativeTerm");
        assertThat(all((String) ours.get("file"))).extracting(f -> f.get("id"))
                .as("the meeting's invitation is in the File list")
                .contains(url("/meetings/" + held.value() + "/invitation"));
    }

    @Test
    void aMeetingCarriesItsPublicAgendaWithDecisionsFilesAndParticipantsButNoVideoLink() throws Exception {
        var meeting = object(body + "/meetings/" + held.value());
        assertConforms(meeting, "Meeting");
        assertThat(meeting.get("name")).isEqualTo("Lenkungsgruppe Herbst");
        assertThat(meeting.get("organization")).isEqualTo(List.of(url("/organizations/" + city.steeringGroup().value())));
        assertThat(meeting.get("participant")).isEqualTo(List.of(url("/people/" + city.officer().value())));
        var location = map(meeting.get("location"));
        assertConforms(location, "Location");
        assertThat(location.get("description")).isEqualTo("Rathaus, Saal 3");
        assertThat(meeting.toString()).doesNotContain("video.example");

        var agenda = list(meeting.get("agendaItem"));
        assertThat(agenda).extracting(i -> i.get("name")).containsExactly("Beleuchtung Stadtpark");
        var item = agenda.get(0);
        assertConforms(item, "AgendaItem");
        assertThat(item.get("resolutionText")).isEqualTo("Die Stadt beleuchtet den Stadtpark bis 2027.");
        var file = map(list(item.get("auxiliaryFile")).get(0));
        assertConforms(file, "File");
        assertThat(file.get("fileName")).isEqualTo("Lageplan Stadtpark.pdf");
        // The upload's day where the partnership is, not on the server's clock (they differ after 23:00 UTC in winter).
        assertThat(file.get("date")).isEqualTo(LocalDate.now(clock).toString());
        var access = mvc.perform(get(path(file.get("accessUrl")))).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("inline")))
                .andReturn();
        assertThat(access.getResponse().getContentAsByteArray()).isEqualTo(PDF);
        var download = mvc.perform(get(path(file.get("downloadUrl")))).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")))
                .andReturn();
        assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(PDF);

        var consultation = object(path(item.get("consultation")));
        var paper = object(path(consultation.get("paper")));
        assertThat(paper.get("reference")).asString().matches("LG-\\d{4}-\\d{2}");
        assertThat(paper.get("underDirectionOf")).isEqualTo(meeting.get("organization"));
        assertThat(consultation.get("meeting")).isEqualTo(meeting.get("id"));
    }

    @Test
    void invitationAndApprovedMinutesArePublishedAsPdfsWithoutTheConfidentialPart() throws Exception {
        var open = as(() -> meetings.agenda(held)).stream().filter(i -> !i.confidential()).findFirst().orElseThrow().id();
        as(() -> minutes.write(held, Map.of(open, "Leuchten werden im Frühjahr gesetzt.",
                secretItem, "V-Person berichtet von Übergaben.")));
        var planned = object(body + "/meetings/" + held.value());
        assertThat(planned).doesNotContainKey("resultsProtocol");
        mvc.perform(get(body + "/meetings/" + held.value() + "/results-protocol")).andExpect(status().isNotFound());

        as(() -> {
            minutes.circulate(held);
            minutes.approve(held);
        });
        var meeting = object(body + "/meetings/" + held.value());
        var invitation = map(meeting.get("invitation"));
        var protocol = map(meeting.get("resultsProtocol"));
        assertConforms(invitation, "File");
        assertConforms(protocol, "File");
        assertThat(object(path(protocol.get("id")))).containsEntry("accessUrl", protocol.get("accessUrl"));

        var agenda = PdfFiles.text(download(invitation.get("accessUrl")));
        assertThat(agenda).contains("Beleuchtung Stadtpark").doesNotContain("Ermittlungslage");
        var minutesText = PdfFiles.text(download(protocol.get("accessUrl")));
        assertThat(minutesText).contains("Leuchten werden im Frühjahr gesetzt.")
                .doesNotContain("Ermittlungslage").doesNotContain("V-Person").doesNotContain("Verdeckte");
    }

    @Test
    void confidentialItemsTheirDecisionsAndFilesAreNowhereInTheApi() throws Exception {
        var everything = new StringBuilder();
        for (var list : List.of("/meetings", "/agenda-items", "/papers", "/consultations", "/files")) {
            everything.append(all(body + list));
        }
        assertThat(everything.toString()).contains("Beleuchtung Stadtpark")
                .doesNotContain("Ermittlungslage").doesNotContain("Verdeckte Maßnahme").doesNotContain("Lagebild");
        mvc.perform(get(body + "/agenda-items/" + secretItem)).andExpect(status().isNotFound());
    }

    @Test
    void peopleArePublishedWithTheirSeatsOnlyAndWithoutContactData() throws Exception {
        var people = all(body + "/people");
        assertThat(people).extracting(p -> p.get("id")).containsExactly(url("/people/" + city.officer().value()));
        var officer = people.get(0);
        assertThat(officer).doesNotContainKeys("email", "phone").containsKeys("name", "familyName", "givenName");
        var seat = map(list(officer.get("membership")).get(0));
        assertConforms(seat, "Membership");
        assertThat(seat.get("organization")).isEqualTo(url("/organizations/" + city.steeringGroup().value()));
        assertThat(seat.get("votingRight")).isEqualTo(true);
    }

    @Test
    void whatIsDeletedOrNoLongerPublicStaysUnderItsUrlAsDeletedAndIsFoundByModifiedSince() throws Exception {
        var before = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(2).truncatedTo(ChronoUnit.SECONDS).toString();
        var seat = as(() -> bodies.membershipsOf(city.officer())).get(0);
        as(() -> bodies.removeMembership(seat.id()));

        var changed = "?modified_since=" + URLEncoder.encode(before, StandardCharsets.UTF_8);
        assertThat(all(body + "/memberships")).as("deleted objects only for clients syncing with modified_since")
                .isEmpty();
        assertThat(all(body + "/people")).isEmpty();
        var memberships = all(body + "/memberships" + changed);
        assertThat(memberships).singleElement().satisfies(m -> {
            assertConforms(m, "Membership");
            assertThat(m).containsOnlyKeys("id", "type", "created", "modified", "deleted").containsEntry("deleted", true);
        });
        var person = object(body + "/people/" + city.officer().value());
        assertThat(person).containsEntry("deleted", true).doesNotContainKeys("name", "familyName");
        assertThat(all(body + "/people" + changed)).extracting(p -> p.get("id")).containsExactly(person.get("id"));
        as(() -> bodies.join(city.steeringGroup(), new MembershipDetails(city.officer().value(),
                MembershipRole.STANDING_MEMBER, LocalDate.now(), null)));
        assertThat(object(body + "/people/" + city.officer().value())).as("a new seat publishes the person again")
                .doesNotContainKey("deleted").containsKey("name");

        var workingGroup = as(() -> bodies.create(new BodyDetails("AG Beleuchtung", "AGB", BodyKind.WORKING_GROUP, null)));
        as(() -> bodies.delete(workingGroup));
        var organization = object(body + "/organizations/" + workingGroup.value());
        assertThat(organization).containsEntry("deleted", true).doesNotContainKey("name");
        assertConforms(organization, "Organization");
    }

    @Test
    void listsArePagedWithNextLinksThatKeepTheFiltersUntilTheLastPage() throws Exception {
        as(() -> {
            for (int i = 1; i <= 6; i++) {
                var item = meetings.addAgendaItem(held, "Punkt " + i, null, null, false);
                meetings.decide(held, item, "Beschluss " + i, null, null);
            }
        });
        // Encoded as a client does it: ':' and '+' of the offset as %3A and %2B.
        var since = OffsetDateTime.now(ZoneOffset.ofHours(1)).minusHours(1).truncatedTo(ChronoUnit.SECONDS).toString();
        var url = body + "/papers?elementsPerPage=3&modified_since=" + URLEncoder.encode(since, StandardCharsets.UTF_8);
        var references = new ArrayList<Object>();
        var pages = 0;
        while (url != null) {
            var page = object(url);
            pages++;
            var links = map(page.get("links"));
            assertThat(page).containsKeys("data", "pagination", "links");
            var pagination = map(page.get("pagination"));
            assertThat(pagination).containsEntry("elementsPerPage", 3);
            if (pages == 1) {
                assertThat(pagination).containsEntry("totalElements", 7);
            } else {
                assertThat(pagination).doesNotContainKey("totalElements");
            }
            assertThat((String) links.get("first"))
                    .endsWith("/papers?modified_since=" + URLEncoder.encode(since, StandardCharsets.UTF_8) + "&elementsPerPage=3");
            var data = list(page.get("data"));
            data.forEach(p -> references.add(p.get("reference")));
            url = links.containsKey("next") ? path(links.get("next")) : null;
            if (url != null) {
                assertThat(data).hasSize(3);
                assertThat(url).contains("modified_since=").contains("elementsPerPage=3");
            }
        }
        assertThat(pages).isEqualTo(3);
        assertThat(references).hasSize(7).doesNotHaveDuplicates();
    }

    @Test
    void modifiedSinceFindsWhatChangedAndBadFiltersAreRefused() throws Exception {
        var future = OffsetDateTime.now().plusDays(1).toString();
        var later = body + "/meetings?modified_since=" + URLEncoder.encode(future, StandardCharsets.UTF_8);
        assertThat(list(object(later).get("data"))).isEmpty();
        var before = body + "/meetings?modified_since="
                + URLEncoder.encode(OffsetDateTime.now().minusMinutes(5).toString(), StandardCharsets.UTF_8);
        assertThat(list(object(before).get("data"))).extracting(m -> m.get("name")).contains("Lenkungsgruppe Herbst");

        mvc.perform(get(body + "/meetings").param("modified_since", "gestern")).andExpect(status().isBadRequest());
        mvc.perform(get(body + "/meetings").param("after", "nonsense")).andExpect(status().isBadRequest());
    }

    @Test
    void anotherPartnershipsObjectsAreNotFoundUnderThisBody() throws Exception {
        var other = fixtures.city();
        mvc.perform(get("/oparl/v1.1/bodies/stadt-" + other.key() + "/meetings/" + held.value()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/oparl/v1.1/bodies/stadt-" + other.key() + "/organizations/" + city.steeringGroup().value()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/oparl/v1.1/bodies/niemand/meetings")).andExpect(status().isNotFound());
    }

    @Test
    void theApiAnswersWithoutLoginAndToEveryOrigin() throws Exception {
        mvc.perform(get(body).header("Origin", "https://oparl-client.example"))
                .andExpect(status().isOk())
                .andExpect(header().string("Access-Control-Allow-Origin", "*"));
        mvc.perform(get(body + "/meetings")).andExpect(status().isOk())
                .andExpect(header().string("Access-Control-Allow-Origin", "*"));
        mvc.perform(get(body + "/meetings/" + UUID.randomUUID())).andExpect(status().isNotFound())
                .andExpect(header().string("Access-Control-Allow-Origin", "*"));
    }

    @Test
    void untilFiltersIncludeTheWholeSecondTheyName() throws Exception {
        var meeting = object(body + "/meetings/" + held.value());
        var modified = (String) meeting.get("modified");
        var until = body + "/meetings?modified_until=" + URLEncoder.encode(modified, StandardCharsets.UTF_8);
        assertThat(list(object(until).get("data"))).extracting(m -> m.get("id")).contains(meeting.get("id"));
        var before = OffsetDateTime.parse(modified).minusSeconds(1).toString();
        assertThat(list(object(body + "/meetings?modified_until=" + URLEncoder.encode(before, StandardCharsets.UTF_8))
                .get("data"))).extracting(m -> m.get("id")).doesNotContain(meeting.get("id"));
    }

    @Test
    void publicAgendaItemsAreNumberedWithoutGapsSoConfidentialOnesAreNotCounted() throws Exception {
        as(() -> meetings.addAgendaItem(held, "Verschiedenes", null, null, false));
        var agenda = list(object(body + "/meetings/" + held.value()).get("agendaItem"));
        assertThat(agenda).extracting(i -> i.get("name"), i -> i.get("number"), i -> i.get("order"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Beleuchtung Stadtpark", "1", 1),
                        org.assertj.core.groups.Tuple.tuple("Verschiedenes", "2", 2));
    }

    private byte[] download(Object url) throws Exception {
        return mvc.perform(get(path(url))).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
    }

    private void assertConforms(Map<String, Object> object, String type) {
        assertThat(object.get("type")).as("type").isEqualTo(SCHEMA + type);
        assertThat(object).as(type).containsKeys(REQUIRED.get(type).toArray(String[]::new));
        assertThat(object.values()).as("%s has no null properties", type).doesNotContainNull();
    }

    /** Walks a list along its next links and checks each page's shape on the way. */
    private List<Map<String, Object>> all(String url) throws Exception {
        var elements = new ArrayList<Map<String, Object>>();
        var next = path(url);
        while (next != null) {
            var page = object(next);
            assertThat(page).containsKeys("data", "pagination", "links");
            assertThat(map(page.get("links"))).containsKeys("first", "self");
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

    private String url(String path) {
        return "http://localhost" + body + path;
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

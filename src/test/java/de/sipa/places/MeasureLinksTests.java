package de.sipa.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import de.sipa.meetings.Decision;
import de.sipa.meetings.MeetingDetails;
import de.sipa.meetings.MeetingId;
import de.sipa.meetings.Meetings;
import de.sipa.operations.PatrolAreaId;
import de.sipa.reports.Category;
import de.sipa.reports.CategoryId;
import de.sipa.reports.NewReport;
import de.sipa.reports.ReportSource;
import de.sipa.operations.PatrolPlanId;
import de.sipa.operations.PatrolSchedule;
import de.sipa.operations.Patrols;
import de.sipa.operations.Staffing;
import de.sipa.responsibilities.Responsibilities;
import de.sipa.responsibilities.TopicDetails;
import de.sipa.responsibilities.TopicId;
import de.sipa.shared.RuleViolationException;

/** Measures point to the bodies' decisions and action items, the matrix and the patrols; places to agenda items. */
@SipaIntegrationTest
class MeasureLinksTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    Places places;

    @Autowired
    SafetyConcepts concepts;

    @Autowired
    MeasureLinks links;

    @Autowired
    Meetings meetings;

    @Autowired
    Patrols patrols;

    @Autowired
    Responsibilities responsibilities;

    @Autowired
    MockMvc mvc;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    de.sipa.reports.Reports reports;

    @Autowired
    de.sipa.reports.Categories categories;

    Fixtures.City city;
    PlaceId garden;
    MeasureId presence;
    MeetingId meeting;
    java.util.UUID item;
    Decision decision;
    Decision secret;
    PatrolPlanId plan;
    PatrolAreaId area;
    TopicId topic;

    @BeforeEach
    void aPlaceAMeetingAndAPatrol() {
        city = fixtures.city();
        as(city.coordinator(), () -> {
            garden = places.create(new PlaceDraft("Palastgarten", null, Deficit.BOTH, "", null, null,
                    PlaceOrigin.MANUAL, PlacesTests.GARDEN, null));
            presence = concepts.addMeasure(garden, new MeasureDraft(MeasureKind.PRESENCE, "Gemeinsame Fußstreife", "",
                    null, city.police(), null, null, null, MeasureStatus.PLANNED));
            var start = LocalDateTime.now().plusDays(7).withHour(10).withMinute(0).withSecond(0).withNano(0);
            meeting = meetings.schedule(new MeetingDetails(city.steeringGroup().value(), "Lenkungsgruppe Frühjahr",
                    start, start.plusHours(2), null, null));
            item = meetings.addAgendaItem(meeting, "Sicherheit im Palastgarten", null, null, false);
            var confidential = meetings.addAgendaItem(meeting, "Polizeiliches Lagebild", null, null, true);
            decision = meetings.decide(meeting, item, "Polizei und Ordnungsamt gehen gemeinsam Streife.", null, null);
            secret = meetings.decide(meeting, confidential, "Verdeckte Maßnahme am Seeufer.", null, null);
            meetings.assign(meeting, decision.id(), "Streifenplan aufstellen", city.police(), null,
                    LocalDate.now().plusDays(21));
            area = patrols.createArea("Palastgarten", null, PlacesTests.GARDEN);
            plan = patrols.planJointPatrol("Palastgarten am Wochenende", new PatrolSchedule(
                    Set.of(DayOfWeek.FRIDAY), LocalTime.of(20, 0), LocalTime.of(23, 0), LocalDate.now().plusDays(1),
                    LocalDate.now().plusDays(30), false), List.of(area),
                    List.of(new Staffing(city.police(), 2), new Staffing(city.publicOrder(), 2)));
            topic = responsibilities.createTopic(new TopicDetails("Angsträume " + city.key(), "", null, true));
            return null;
        });
    }

    @Test
    void aPresenceMeasureLinksItsPatrolPlanDecisionActionItemTopicAndAreaAndTheyShowWithTheirTitles() throws Exception {
        as(city.publicOrderUser(), () -> {
            links.link(garden, presence, MeasureLinkKind.PATROL_PLAN, plan.toString());
            links.link(garden, presence, MeasureLinkKind.PATROL_AREA, area.toString());
            links.link(garden, presence, MeasureLinkKind.DECISION, meeting + ":" + decision.id());
            links.link(garden, presence, MeasureLinkKind.TOPIC, topic.toString());
            var action = links.choices(MeasureLinkKind.ACTION_ITEM).stream()
                    .filter(c -> c.label().startsWith("Streifenplan aufstellen")).findFirst().orElseThrow();
            links.link(garden, presence, MeasureLinkKind.ACTION_ITEM, action.value());
            return null;
        });
        as(city.coordinator(), () -> {
            links.link(garden, presence, MeasureLinkKind.DECISION, meeting + ":" + secret.id());
            return null;
        });

        assertThat(as(city.coordinator(), () -> links.ofMeasure(garden, presence))).extracting(MeasureLink::title)
                .containsExactly("Palastgarten am Wochenende", "Palastgarten",
                        decision.reference() + " · Polizei und Ordnungsamt gehen gemeinsam Streife.",
                        "Angsträume " + city.key(), "Streifenplan aufstellen",
                        secret.reference() + " · Verdeckte Maßnahme am Seeufer.");
        // the Ordnungsamt has no seat in the steering group: the confidential decision stays hidden
        assertThat(as(city.publicOrderUser(), () -> links.ofMeasure(garden, presence))).extracting(MeasureLink::kind)
                .containsExactly(MeasureLinkKind.PATROL_PLAN, MeasureLinkKind.PATROL_AREA, MeasureLinkKind.DECISION,
                        MeasureLinkKind.TOPIC, MeasureLinkKind.ACTION_ITEM);

        var page = Jsoup.parse(mvc.perform(get("/orte/" + garden + "/konzept/massnahmen/" + presence)
                        .with(user(fixtures.user(city.steeringUser())))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
        assertThat(page.select("#links a").eachAttr("href")).contains("/patrols/plans/" + plan,
                "/patrols/areas/" + area, "/meetings/" + meeting, "/topics/" + topic);
        assertThat(page.select("#measure-links .hint").text()).contains("gemeinsamen Streifenplan");
        assertThat(page.select(".link-form")).isEmpty();
    }

    @Test
    void secondUnknownAndForeignLinksAreRefusedAndTheSteeringGroupDoesNotLink() {
        as(city.coordinator(), () -> {
            links.link(garden, presence, MeasureLinkKind.PATROL_PLAN, plan.toString());
            return null;
        });
        refused(() -> links.link(garden, presence, MeasureLinkKind.PATROL_PLAN, plan.toString()),
                "measureLink.duplicate");
        refused(() -> links.link(garden, presence, MeasureLinkKind.TOPIC, java.util.UUID.randomUUID().toString()),
                "measureLink.unknown");
        refused(() -> links.link(garden, presence, MeasureLinkKind.DECISION, ""), "measureLink.required");
        var other = fixtures.city();
        var foreign = as(other.coordinator(), () -> responsibilities.createTopic(
                new TopicDetails("Fremd " + other.key(), "", null, true)));
        refused(() -> links.link(garden, presence, MeasureLinkKind.TOPIC, foreign.toString()), "measureLink.unknown");
        assertThatThrownBy(() -> as(city.steeringUser(), () -> {
            links.link(garden, presence, MeasureLinkKind.TOPIC, topic.toString());
            return null;
        })).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anAgendaItemIsLinkedToThePlaceFromThePlacesSide() {
        var choice = as(city.coordinator(), () -> links.agendaChoices()).stream()
                .filter(c -> c.label().endsWith("Lenkungsgruppe Frühjahr: Sicherheit im Palastgarten")).findFirst()
                .orElseThrow();
        as(city.policeUser(), () -> {
            links.linkAgendaItem(garden, choice.value());
            return null;
        });
        refused(() -> links.linkAgendaItem(garden, choice.value()), "measureLink.duplicate");
        refused(() -> links.linkAgendaItem(garden, meeting + ":" + java.util.UUID.randomUUID()), "measureLink.unknown");

        assertThat(as(city.steeringUser(), () -> links.agendaItems(garden))).extracting(PlaceAgendaLink::itemTitle,
                PlaceAgendaLink::meetingTitle).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Sicherheit im Palastgarten", "Lenkungsgruppe Frühjahr"));
    }

    @Test
    void theTimeLineShowsMeasuresLinkedRecordsAndTheReportsInsideThePlaceFilteredByKindAndPaged() throws Exception {
        as(city.coordinator(), () -> {
            concepts.addMeasure(garden, new MeasureDraft(MeasureKind.LIGHTING, "LED-Leuchten", "", null,
                    city.publicOrder(), null, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 10, 15),
                    MeasureStatus.DONE));
            links.link(garden, presence, MeasureLinkKind.DECISION, meeting + ":" + decision.id());
            links.link(garden, presence, MeasureLinkKind.ACTION_ITEM, links.choices(MeasureLinkKind.ACTION_ITEM)
                    .get(0).value());
            links.linkAgendaItem(garden, meeting + ":" + item);
            var category = categories.create(new Category(CategoryId.random(), "licht-" + city.key(), "Beleuchtung",
                    null, null, 3, false, null, true, List.of(), false));
            for (int i = 0; i < 31; i++) {
                reports.submit(new NewReport(city.id(), category, "Weg dunkel " + i, 48.782, 9.183, null, null,
                        Map.of(), null, ReportSource.PARTNER, null, null));
            }
            reports.submit(new NewReport(city.id(), category, "Anderswo", 48.79, 9.183, null, null, Map.of(), null,
                    ReportSource.PARTNER, null, null));
            return null;
        });
        var steering = user(fixtures.user(city.steeringUser()));
        var timeline = "/orte/" + garden + "/zeitleiste";

        var all = Jsoup.parse(mvc.perform(get(timeline).with(steering)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
        assertThat(all.select("#timeline-filter a").eachText()).contains("Alles (36)", "Maßnahmen (2)",
                "Beschlüsse (1)", "Arbeitsaufträge (1)", "Sitzungen (1)", "Anliegen (31)");
        assertThat(all.select("#timeline li")).hasSize(PlaceTimelineController.PAGE_SIZE);
        assertThat(all.select(".pagination").text()).contains("Seite 1 von 2");
        var measures = Jsoup.parse(mvc.perform(get(timeline).param("art", "MEASURE").with(steering))
                .andReturn().getResponse().getContentAsString());
        assertThat(measures.select("#timeline li").eachText()).containsExactly(
                "15.10.2026 Maßnahme endet LED-Leuchten umgesetzt", "01.04.2026 Maßnahme beginnt LED-Leuchten umgesetzt");
        var decisions = Jsoup.parse(mvc.perform(get(timeline).param("art", "DECISION").with(steering))
                .andReturn().getResponse().getContentAsString());
        assertThat(decisions.select("#timeline li").text()).contains(decision.reference(), "Lenkungsgruppe Frühjahr");
        var reported = Jsoup.parse(mvc.perform(get(timeline).param("art", "REPORT").param("page", "1").with(steering))
                .andReturn().getResponse().getContentAsString());
        assertThat(reported.select("#timeline li")).hasSize(1);
        assertThat(reported.select("#timeline li").text()).contains("Beleuchtung", "neu");
        assertThat(reported.select("#timeline li a[href^=/reports/]")).as("the steering group opens every report")
                .hasSize(1);
        // The police see every report at the place, but link only those they may open: their organisation's.
        jdbc.sql("UPDATE reports_report SET assignee_id = ? WHERE partnership_id = ? AND description = 'Weg dunkel 7'")
                .params(city.police().value(), city.id().value()).update();
        var police = user(fixtures.user(city.policeUser()));
        var shown = 0;
        var linked = new java.util.ArrayList<String>();
        for (var page : List.of("0", "1")) {
            var entries = Jsoup.parse(mvc.perform(get(timeline).param("art", "REPORT").param("page", page).with(police))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).select("#timeline li");
            shown += entries.size();
            linked.addAll(entries.select("a[href^=/reports/]").eachAttr("href"));
        }
        assertThat(shown).isEqualTo(31);
        var ours = jdbc.sql("SELECT id FROM reports_report WHERE partnership_id = ? AND description = 'Weg dunkel 7'")
                .param(city.id().value()).query(java.util.UUID.class).single();
        assertThat(linked).containsExactly("/reports/" + ours);
        mvc.perform(get(linked.get(0)).with(police)).andExpect(status().isOk());
    }

    private void refused(Runnable step, String key) {
        assertThatThrownBy(() -> as(city.coordinator(), () -> {
            step.run();
            return null;
        })).isInstanceOf(RuleViolationException.class).hasMessage(key);
    }

    private <T> T as(String username, Supplier<T> work) {
        var principal = (SipaPrincipal) fixtures.user(username);
        return CurrentUser.runAs(principal.sipaUser(), work);
    }
}

package de.sipa.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import de.sipa.Fixtures;
import de.sipa.Fixtures.City;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.partners.OrganisationKind;
import de.sipa.partners.Organisations;
import de.sipa.reports.AttributeType;
import de.sipa.reports.Categories;
import de.sipa.reports.Category;
import de.sipa.reports.CategoryAttribute;
import de.sipa.reports.CategoryId;
import de.sipa.reports.ReportSource;
import de.sipa.reports.Reports;
import de.sipa.responsibilities.EntryDetails;
import de.sipa.responsibilities.Responsibilities;
import de.sipa.responsibilities.Responsibility;
import de.sipa.responsibilities.TopicDetails;
import de.sipa.shared.RuleViolationException;

/** Reports after patrols, observations that become routed reports, and the statistics. */
@SipaIntegrationTest
class PatrolReportsTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    Patrols patrols;

    @Autowired
    PatrolReports patrolReports;

    @Autowired
    Reports reports;

    @Autowired
    Categories categories;

    @Autowired
    Responsibilities responsibilities;

    @Autowired
    Organisations organisations;

    @Autowired
    Clock clock;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    City city;
    CategoryId noise;
    PatrolAreaId garden;
    PatrolAreaId station;
    PatrolPlanId plan;
    LocalDate today;

    @BeforeEach
    void pastPatrols() {
        city = fixtures.city();
        today = LocalDate.now(clock);
        as(() -> {
            // Noise: the Ordnungsamt leads city-wide, the police in the second district.
            var topic = responsibilities.createTopic(new TopicDetails("Lärm", null, null, true));
            responsibilities.assign(new EntryDetails(topic.value(), null, null, city.publicOrder().value(),
                    Responsibility.LEAD, "1 Person", null, "stadtweit"));
            responsibilities.assign(new EntryDetails(topic.value(), city.districts().get(1).value(), null,
                    city.police().value(), Responsibility.LEAD, "1 Streife", null, "Nord: Polizei"));
            noise = categories.create(new Category(CategoryId.random(), "laerm", "Lärm", null, topic, 3, false, null,
                    true, List.of()));
            garden = patrols.createArea("Palastgarten", city.districts().get(0), PatrolsTests.PALASTGARTEN);
            station = patrols.createArea("Hauptbahnhof", city.districts().get(1), PatrolsTests.BAHNHOF_ROUTE);
            // Every evening of the last ten days, 20–24 h.
            plan = patrols.planJointPatrol("Innenstadt", new PatrolSchedule(EnumSet.allOf(DayOfWeek.class), LocalTime.of(20, 0),
                    LocalTime.of(0, 0), today.minusDays(10), today.minusDays(1), false), List.of(garden, station),
                    List.of(new Staffing(city.police(), 1), new Staffing(city.publicOrder(), 1)));
        });
    }

    @Test
    void anObservationBecomesAReportRoutedByTheMatrixWithOneTap() {
        var patrol = patrolOn(today.minusDays(3));
        var atStation = asUser(city.policeUser(), () -> patrolReports.observe(patrol, noise, station, "Bahnhofsvorplatz",
                "Laute Musik aus einer Box, Beschwerden von Anwohnern", Map.of()));
        var inTown = asUser(city.policeUser(), () -> patrolReports.observe(patrol, noise, null, "Marktplatz 3",
                "Nächtliche Ruhestörung durch Gaststätte", Map.of()));

        var routed = asUser(city.policeUser(), () -> patrolReports.toReport(patrol, atStation, Map.of()));
        var report = as(() -> reports.get(routed));
        assertThat(report.source()).isEqualTo(ReportSource.PATROL);
        assertThat(report.assignee()).as("the police lead noise in the station's district").isEqualTo(city.police());
        assertThat(report.district()).isEqualTo(city.districts().get(1));
        assertThat(report.address()).isEqualTo("Bahnhofsvorplatz, Hauptbahnhof");
        assertThat(report.description()).isEqualTo("Laute Musik aus einer Box, Beschwerden von Anwohnern");

        var fromTown = asUser(city.policeUser(), () -> patrolReports.toReport(patrol, inTown, Map.of()));
        var cityWide = as(() -> reports.get(fromTown));
        assertThat(cityWide.assignee()).as("without a district the city-wide lead").isEqualTo(city.publicOrder());

        assertThat(as(() -> patrolReports.observations(patrol))).extracting(PatrolObservation::report)
                .containsExactly(routed, cityWide.id());
        assertThatThrownBy(() -> asUser(city.publicOrderUser(), () -> patrolReports.toReport(patrol, atStation, Map.of())))
                .isInstanceOf(RuleViolationException.class).hasMessage("observation.alreadyReported");
    }

    @Test
    void anObservationAsksTheCategorysRequiredQuestionsAndTheReportCarriesTheAnswers() {
        var drugs = drugsCategory();
        var patrol = patrolOn(today.minusDays(3));
        assertThatThrownBy(() -> asUser(city.policeUser(), () -> patrolReports.observe(patrol, drugs, garden, "Pavillon",
                "Gruppe tauscht Päckchen", Map.of()))).isInstanceOf(RuleViolationException.class)
                .hasMessage("report.attribute.required");
        assertThatThrownBy(() -> asUser(city.policeUser(), () -> patrolReports.observe(patrol, drugs, garden, "Pavillon",
                "Gruppe tauscht Päckchen", Map.of("art", "schmuggel")))).hasMessage("report.attribute.invalid");

        var seen = asUser(city.policeUser(), () -> patrolReports.observe(patrol, drugs, garden, "Pavillon",
                "Gruppe tauscht Päckchen", Map.of("art", "handel")));
        var reported = asUser(city.policeUser(), () -> patrolReports.toReport(patrol, seen, Map.of()));
        var report = as(() -> reports.get(reported));
        assertThat(report.attributes()).containsEntry("art", "handel");
        assertThat(report.source()).isEqualTo(ReportSource.PATROL);
    }

    @Test
    void aRefusedObservationIsShownAtTheFormWithWhatWasTypedAndTheCategorysQuestions() throws Exception {
        var drugs = drugsCategory();
        var patrol = patrolOn(today.minusDays(3));
        var police = user(fixtures.user(city.policeUser()));
        var page = "/patrols/" + patrol + "/report";
        assertThat(mvc.perform(get(page).with(police)).andReturn().getResponse().getContentAsString())
                .contains("data-category=\"" + drugs + "\"", "name=\"attributes[art]\"", "Was wurde beobachtet?");

        var refused = mvc.perform(post("/patrols/" + patrol + "/observations").with(police).with(csrf())
                        .param("categoryId", drugs.toString()).param("areaId", garden.toString())
                        .param("place", "Pavillon").param("description", "Gruppe tauscht kleine Beutel"))
                .andExpect(redirectedUrl(page + "#observation-form")).andReturn().getResponse();
        // The flash lives in the (JDBC) session: the reload sends the session cookie as a browser does.
        var reloaded = mvc.perform(get(page).cookie(refused.getCookies()).with(police)).andReturn().getResponse()
                .getContentAsString();
        var form = reloaded.substring(reloaded.indexOf("id=\"observation-form\""));
        assertThat(form).contains("Bitte beantworten Sie: Was wurde beobachtet?", "Gruppe tauscht kleine Beutel</textarea>",
                "value=\"Pavillon\"");
        assertThat(as(() -> patrolReports.observations(patrol))).isEmpty();
    }

    @Test
    void anObservationNotedBeforeTheCategoryAskedIsAnsweredWhenReportedAndARefusalShowsAtIt() throws Exception {
        var patrol = patrolOn(today.minusDays(3));
        var seen = asUser(city.policeUser(), () -> patrolReports.observe(patrol, noise, garden, "Pavillon",
                "Musikbox bis nach Mitternacht", Map.of()));
        // The category asks a required question from now on (as the coordinator's category page will let it).
        jdbc.sql("""
                INSERT INTO reports_category_attribute (category_id, code, position, datatype, required, description, choices)
                VALUES (?, 'personen', 0, 'NUMBER', TRUE, 'Wie viele Personen?', '[]')""").param(noise.value()).update();
        var police = user(fixtures.user(city.policeUser()));
        var page = "/patrols/" + patrol + "/report";
        var item = "id=\"observation-" + seen + "\"";
        assertThat(mvc.perform(get(page).with(police)).andReturn().getResponse().getContentAsString())
                .contains(item, "id=\"answer-" + seen + "-personen\"");

        var refused = mvc.perform(post("/patrols/" + patrol + "/observations/" + seen + "/report").with(police)
                        .with(csrf())).andExpect(redirectedUrl(page + "#observation-" + seen)).andReturn().getResponse();
        var reloaded = mvc.perform(get(page).cookie(refused.getCookies()).with(police)).andReturn().getResponse()
                .getContentAsString();
        assertThat(reloaded.substring(reloaded.indexOf(item))).startsWith(item)
                .containsSubsequence("role=\"alert\"", "Bitte beantworten Sie: Wie viele Personen?", "Als Anliegen melden");

        mvc.perform(post("/patrols/" + patrol + "/observations/" + seen + "/report").with(police).with(csrf())
                .param("attributes[personen]", "6")).andExpect(flash().attribute("success", "observation.reported"));
        var reported = as(() -> patrolReports.observations(patrol)).get(0);
        assertThat(as(() -> reports.get(reported.report())).attributes()).containsEntry("personen", "6");
        assertThat(reported.attributes()).containsEntry("personen", "6");
    }

    @Test
    void theReportRecordsTheTimeActuallyOnPatrolAcrossMidnight() {
        var patrol = patrolOn(today.minusDays(2));
        asUser(city.publicOrderUser(), () -> patrolReports.file(patrol, LocalTime.of(20, 15), LocalTime.of(1, 45),
                "Spielplatz, Brunnen", 14, "Streit zweier Gruppen geschlichtet", "Platzverweis"));
        var report = as(() -> patrolReports.report(patrol)).orElseThrow();
        assertThat(report.startedAt()).isEqualTo(today.minusDays(2).atTime(20, 15).atZone(clock.getZone()).toInstant());
        assertThat(report.duration()).isEqualTo(Duration.ofMinutes(330));
        assertThat(report.citizenContacts()).isEqualTo(14);
        assertThat(report.writtenBy()).isEqualTo(city.publicOrderUser());

        // A start after midnight belongs to the patrol night, not to the evening before.
        asUser(city.policeUser(), () -> patrolReports.file(patrol, LocalTime.of(0, 30), LocalTime.of(2, 0), null, 0,
                null, null));
        assertThat(as(() -> patrolReports.report(patrol)).orElseThrow().startedAt())
                .isEqualTo(today.minusDays(1).atTime(0, 30).atZone(clock.getZone()).toInstant());
        assertThatThrownBy(() -> asUser(city.policeUser(), () -> patrolReports.file(patrol, LocalTime.of(20, 0),
                LocalTime.of(19, 0), null, 0, null, null))).hasMessage("patrolReport.tooLong");
    }

    @Test
    void onlyTheOrganisationsTakingPartReportAndNotBeforeThePatrolBegan() {
        var patrol = patrolOn(today.minusDays(2));
        var youth = as(() -> organisations.create(Fixtures.organisation("Jugendamt " + city.key(),
                OrganisationKind.YOUTH_OFFICE)));
        var withoutPublicOrder = as(() -> patrols.planJointPatrol("Jugendschutz", new PatrolSchedule(EnumSet.of(DayOfWeek.MONDAY),
                LocalTime.of(18, 0), LocalTime.of(22, 0), today.minusDays(7), today.minusDays(1), false), List.of(garden),
                List.of(new Staffing(city.police(), 1), new Staffing(youth, 1))));
        var youthPatrol = as(() -> patrols.roster(today.minusDays(7).atStartOfDay(clock.getZone()).toInstant(),
                today.atStartOfDay(clock.getZone()).toInstant(), null)).stream()
                .filter(e -> e.patrol().plan().equals(withoutPublicOrder)).findFirst().orElseThrow().patrol().id();
        assertThatThrownBy(() -> asUser(city.publicOrderUser(), () -> patrolReports.file(youthPatrol,
                LocalTime.of(18, 0), LocalTime.of(22, 0), null, 0, null, null))).isInstanceOf(AccessDeniedException.class);
        asUser(city.policeUser(), () -> patrolReports.file(youthPatrol, LocalTime.of(18, 0), LocalTime.of(22, 0), null,
                0, null, null));
        assertThatThrownBy(() -> asUser(city.steeringUser(), () -> patrolReports.observe(patrol, noise, null, null,
                "Lärm", Map.of()))).isInstanceOf(AccessDeniedException.class);
        var future = as(() -> patrols.planJointPatrol("Später", PatrolsTests.fridaysAndSaturdays(20, 2, "2027-06-04", "2027-06-05"),
                List.of(garden), List.of(new Staffing(city.police(), 1), new Staffing(city.publicOrder(), 1))));
        var later = as(() -> patrols.roster(LocalDate.of(2027, 6, 1).atStartOfDay(clock.getZone()).toInstant(),
                LocalDate.of(2027, 7, 1).atStartOfDay(clock.getZone()).toInstant(), null)).stream()
                .filter(e -> e.patrol().plan().equals(future)).findFirst().orElseThrow().patrol().id();
        assertThatThrownBy(() -> asUser(city.policeUser(), () -> patrolReports.file(later, LocalTime.of(20, 0),
                LocalTime.of(2, 0), null, 0, null, null))).hasMessage("patrolReport.tooEarly");
    }

    @Test
    void statisticsCountHoursPerAreaAndMonthAndTheShareOfPlannedPatrolsThatTookPlace() {
        var first = patrolOn(today.minusDays(5));
        var second = patrolOn(today.minusDays(4));
        asUser(city.policeUser(), () -> patrolReports.file(first, LocalTime.of(20, 0), LocalTime.of(0, 0), null, 3,
                null, null));
        asUser(city.policeUser(), () -> patrolReports.file(second, LocalTime.of(20, 0), LocalTime.of(23, 0), null, 1,
                null, null));
        as(() -> patrols.cancel(patrolOn(today.minusDays(3))));

        var months = new ArrayList<PatrolMonth>();
        for (var year : Stream.of(Year.from(today.minusDays(10)), Year.from(today)).distinct().toList()) {
            months.addAll(as(() -> patrolReports.statistics(year)));
        }
        assertThat(months.stream().mapToInt(PatrolMonth::planned).sum()).isEqualTo(10);
        assertThat(months.stream().mapToInt(PatrolMonth::tookPlace).sum()).isEqualTo(2);
        // Seven hours through two areas: three and a half each, in the months the patrols took place.
        assertThat(months.stream().mapToDouble(m -> m.hoursPerArea().getOrDefault("Palastgarten", 0.0)).sum())
                .isEqualTo(3.5);
        assertThat(months.stream().mapToDouble(m -> m.hoursPerArea().getOrDefault("Hauptbahnhof", 0.0)).sum())
                .isEqualTo(3.5);
        assertThat(new PatrolMonth(YearMonth.of(2026, 3), 9, 6, Map.of()).percentTookPlace()).isEqualTo(67);
    }

    /** Drugs, as in the demo: what was seen is a required question. */
    private CategoryId drugsCategory() {
        return as(() -> categories.create(new Category(CategoryId.random(), "drogen", "Drogen", null, null, 3, false,
                null, true, List.of(new CategoryAttribute("art", AttributeType.SINGLEVALUELIST, true,
                        "Was wurde beobachtet?", List.of(new CategoryAttribute.Choice("konsum", "Konsum"),
                                new CategoryAttribute.Choice("handel", "Handel")))))));
    }

    private PatrolId patrolOn(LocalDate day) {
        return as(() -> patrols.roster(day.atStartOfDay(clock.getZone()).toInstant(),
                day.plusDays(1).atStartOfDay(clock.getZone()).toInstant(), null)).stream()
                .filter(e -> e.patrol().plan().equals(plan)).findFirst().orElseThrow().patrol().id();
    }

    private <T> T asUser(String username, Supplier<T> work) {
        return Acting.asUser(fixtures, username, work);
    }

    private void asUser(String username, Runnable work) {
        Acting.asUser(fixtures, username, work);
    }

    private <T> T as(Supplier<T> work) {
        return CurrentUser.runAs(SipaUser.system(city.id()), work);
    }

    private void as(Runnable work) {
        CurrentUser.runAs(SipaUser.system(city.id()), work);
    }
}

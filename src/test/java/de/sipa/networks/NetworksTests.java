package de.sipa.networks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import de.sipa.Fixtures;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaPrincipal;
import de.sipa.identity.SipaUser;
import de.sipa.partners.Bodies;
import de.sipa.places.Deficit;
import de.sipa.places.PlaceDraft;
import de.sipa.places.PlaceId;
import de.sipa.places.PlaceOrigin;
import de.sipa.places.Places;
import de.sipa.prevention.BeccariaStep;
import de.sipa.prevention.Evidence;
import de.sipa.prevention.PreventionField;
import de.sipa.prevention.PreventionProjects;
import de.sipa.prevention.ProjectDraft;
import de.sipa.prevention.ProjectId;
import de.sipa.prevention.TargetGroup;
import de.sipa.reports.Categories;
import de.sipa.reports.Category;
import de.sipa.reports.CategoryId;
import de.sipa.reports.NewReport;
import de.sipa.reports.ReportSource;
import de.sipa.reports.Reports;
import de.sipa.responsibilities.Responsibilities;
import de.sipa.shared.FederalState;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.RuleViolationException;
import de.sipa.situation.CrimeFigures;
import de.sipa.surveys.AnswerOption;
import de.sipa.surveys.Question;
import de.sipa.surveys.QuestionId;
import de.sipa.surveys.QuestionKind;
import de.sipa.surveys.Questionnaire;
import de.sipa.surveys.QuestionnaireId;
import de.sipa.surveys.Section;
import de.sipa.surveys.StandardItems;
import de.sipa.surveys.SurveyWave;
import de.sipa.surveys.SurveyWaveId;
import de.sipa.surveys.Surveys;
import de.sipa.surveys.WaveMode;
import de.sipa.surveys.Wording;

/**
 * A county hosts a network of three towns: A shares its key figures and one project, C shares its key figures, B
 * shares nothing. The county's coordination must see exactly what was shared.
 */
@SipaIntegrationTest
class NetworksTests extends NetworkPagesTest {

    @Autowired
    Networks networks;
    @Autowired
    NetworkRollUp rollUp;
    @Autowired
    PreventionProjects projects;
    @Autowired
    Reports reports;
    @Autowired
    Categories categories;
    @Autowired
    CrimeFigures crimeFigures;
    @Autowired
    Places places;
    @Autowired
    RoundTables roundTables;
    @Autowired
    Programmes programmes;
    @Autowired
    Bodies bodies;
    @Autowired
    Responsibilities responsibilities;
    @Autowired
    Surveys surveys;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    @FlywayDataSource
    DataSource ownerDatabase;

    Fixtures.City county;
    Fixtures.City townA;
    Fixtures.City townB;
    Fixtures.City townC;
    NetworkId network;
    ProjectId sharedProject;
    ProjectId internalProjectA;
    ProjectId internalProjectB;
    LocalDate lastMonth;

    @BeforeEach
    void aCountyWithThreeTowns() {
        county = fixtures.city();
        townA = fixtures.city();
        townB = fixtures.city();
        townC = fixtures.city();
        lastMonth = LocalDate.now(clock).minusMonths(1).withDayOfMonth(15);
        network = as(county.coordinator(), () -> networks.found("Landkreis " + county.key(), NetworkKind.COUNTY));
        for (var town : List.of(townA, townB, townC)) {
            as(town.coordinator(), () -> {
                networks.join(network);
                return null;
            });
            CurrentUser.runAs(SipaUser.system(town.id()), () -> crimeFigures.enterPopulations(
                    LocalDate.now(clock).getYear() - 1, Map.of(town.districts().get(0), 2000, town.districts().get(1), 2000)));
        }
        // A: 12 noise, 3 litter (small), 7 graffiti (hidden with the litter so that the total does not give it away)
        reportsIn(townA, Map.of("Lärm", 12, "Müll", 3, "Graffiti", 7));
        reportsIn(townB, Map.of("Lärm", 30, "Drogen", 9));
        reportsIn(townC, Map.of("Lärm", 8, "Müll", 6));
        sharedProject = as(townA.coordinator(), () -> {
            var id = projects.create(new ProjectDraft("Faustlos an Grundschulen", townA.publicOrder(),
                    List.of(townA.police()), PreventionField.VIOLENCE, Set.of(TargetGroup.CHILDREN),
                    "Rückfragen an erika.muster@stadt-a.example oder 0711 123456-7", List.of(townA.districts().get(0)),
                    List.of(), LocalDate.of(2026, 1, 1), null, List.of(), "Erika Mustermann", Evidence.none()));
            projects.writeStep(id, BeccariaStep.PROBLEM, Map.of("problem", "Raufereien auf dem Schulhof",
                    "sources", "Schulsozialarbeit, Frau Muster (Tel. 0711 987654)"));
            networks.shareKeyFigures(network);
            networks.shareProject(network, id, "Kriminalprävention, Ordnungsamt");
            return id;
        });
        internalProjectA = as(townA.coordinator(), () -> projects.create(new ProjectDraft("Interne Planung A", null,
                List.of(), PreventionField.YOUTH, Set.of(TargetGroup.YOUTH), "", List.of(), List.of(), null, null,
                List.of(), "Hans Intern", Evidence.none())));
        internalProjectB = as(townB.coordinator(), () -> projects.create(new ProjectDraft("Interne Planung B", null,
                List.of(), PreventionField.ADDICTION, Set.of(TargetGroup.YOUTH), "", List.of(), List.of(), null, null,
                List.of(), "", Evidence.none())));
        as(townC.coordinator(), () -> {
            networks.shareKeyFigures(network);
            return null;
        });
    }

    @Test
    void theCountySeesNothingATownHasNotShared() throws Exception {
        var coordinator = county.coordinator();
        // A shares a published place and a finished survey; B publishes a place and finishes a survey, shares neither
        var sharedPlace = place(townA, "Bahnhofsvorplatz A", true);
        var internalPlace = place(townA, "Interner Ort A", false);
        var placeOfB = place(townB, "Marktplatz B", true);
        var sharedWave = wave(townA, "Befragung A", true);
        var openWave = wave(townA, "Laufende Befragung A", false);
        var waveOfB = wave(townB, "Befragung B", true);
        as(townA.coordinator(), () -> {
            networks.sharePlace(network, sharedPlace, "Ordnungsamt A");
            networks.shareSurvey(network, sharedWave);
            networks.shareAnnualReports(network);
            return null;
        });
        // a town can share only what it published or finished, and only its own
        as(townA.coordinator(), () -> {
            assertThatThrownBy(() -> networks.sharePlace(network, internalPlace, null))
                    .isInstanceOf(RuleViolationException.class).hasMessageContaining("network.place.notPublished");
            assertThatThrownBy(() -> networks.shareSurvey(network, openWave))
                    .isInstanceOf(RuleViolationException.class).hasMessageContaining("network.survey.notFinished");
            assertThatThrownBy(() -> networks.sharePlace(network, placeOfB, null)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> networks.shareSurvey(network, waveOfB)).isInstanceOf(NotFoundException.class);
            return null;
        });
        for (var unshared : List.of(internalPlace, placeOfB, new PlaceId(UUID.randomUUID()))) {
            status(get("/network/places/" + unshared.value()), coordinator, 404);
        }
        for (var unshared : List.of(openWave, waveOfB, new SurveyWaveId(UUID.randomUUID()))) {
            status(get("/network/surveys/" + unshared.value()), coordinator, 404);
        }
        assertThat(body(get("/network/places/" + sharedPlace.value()), coordinator)).contains("Bahnhofsvorplatz A")
                .contains("Ordnungsamt A");
        var survey = Jsoup.parse(body(get("/network/surveys/" + sharedWave.value()), coordinator));
        assertThat(survey.getElementById("survey-title").text()).isEqualTo("Befragung A");
        var overview = Jsoup.parse(body(get("/network"), coordinator));
        assertThat(overview.select("#shared-places a").eachText()).containsExactly("Bahnhofsvorplatz A");
        assertThat(overview.select("#shared-surveys a").eachText()).containsExactly("Befragung A");
        assertThat(overview.select("#shared-reports a").eachText()).containsExactly(townName(townA));
        assertThat(overview.select("#shared-reports a").attr("href")).isEqualTo("/buerger/" + slug(townA) + "/berichte");
        // neither an outsider nor a member town sees them: they are the network's coordination's
        for (var other : List.of(fixtures.city().coordinator(), townA.coordinator(), townB.coordinator())) {
            status(get("/network/places/" + sharedPlace.value()), other, 404);
            status(get("/network/surveys/" + sharedWave.value()), other, 404);
        }
        // a place taken back from the public pages leaves the network with it
        as(townA.coordinator(), () -> {
            places.publish(sharedPlace, false);
            return null;
        });
        status(get("/network/places/" + sharedPlace.value()), coordinator, 404);

        // the town that shares nothing: no figures page, no project, and not on the export
        status(get("/network/towns/" + townB.id().value()), coordinator, 404);
        status(get("/network/towns/" + UUID.randomUUID()), coordinator, 404);
        status(get("/network/towns/" + county.id().value()), coordinator, 404);
        for (var unshared : List.of(internalProjectA, internalProjectB)) {
            status(get("/network/practice/" + unshared.value()), coordinator, 404);
            status(post("/network/practice/" + unshared.value() + "/copy").with(csrf()), coordinator, 404);
        }
        // someone outside the network does not see even what was shared with it
        var outsider = fixtures.city();
        status(get("/network/practice/" + sharedProject.value()), outsider.coordinator(), 404);
        status(get("/network/towns/" + townA.id().value()), outsider.coordinator(), 404);
        // a member town is not the network's coordination
        status(get("/network/towns/" + townA.id().value()), townA.coordinator(), 404);
        status(get("/network/export.csv"), townA.coordinator(), 404);

        var page = body(get("/network"), coordinator);
        var figures = Jsoup.parse(page).getElementById("network-figures");
        assertThat(figures.select("tr[data-category]").eachAttr("data-category"))
                .containsExactly("Graffiti", "Lärm", "Müll"); // no "Drogen": only B has it, and B shares nothing
        assertThat(figures.select("td[data-town='" + townName(townB) + "']").eachText()).allMatch(t -> t.equals("nicht geteilt"));
        assertThat(page).doesNotContain("Interne Planung").doesNotContain("(30)").doesNotContain("(39)");
        var csv = body(get("/network/export.csv"), coordinator);
        assertThat(csv).contains(townName(townA)).contains(townName(townC)).doesNotContain(townName(townB));
        assertThat(body(get("/network/practice"), coordinator)).contains("Faustlos an Grundschulen")
                .doesNotContain("Interne Planung");
        status(get("/network/practice/" + sharedProject.value()), townB.coordinator(), 200);

        // once A stops sharing, its project and figures are gone
        as(townA.coordinator(), () -> {
            networks.unshare(network, ShareKind.PROJECT, sharedProject.value());
            networks.unshare(network, ShareKind.KEY_FIGURES, null);
            return null;
        });
        status(get("/network/practice/" + sharedProject.value()), coordinator, 404);
        status(get("/network/towns/" + townA.id().value()), coordinator, 404);
        as(townA.coordinator(), () -> {
            networks.unshare(network, ShareKind.SURVEY, sharedWave.value());
            return null;
        });
        status(get("/network/surveys/" + sharedWave.value()), coordinator, 404);
        // and when C leaves, nothing of it remains either
        as(townC.coordinator(), () -> {
            networks.leave(network);
            return null;
        });
        status(get("/network/towns/" + townC.id().value()), coordinator, 404);
        assertThat(body(get("/network/export.csv"), coordinator)).doesNotContain(townName(townC));
    }

    @Test
    void aMemberTownsCoordinatorSeesTheRoundTableAndItsMeetingsButNothingElseOfTheCounty() throws Exception {
        var table = as(county.coordinator(), () -> roundTables.create("Runder Tisch " + county.key(), "Die Koordinationen"));
        var held = as(county.coordinator(), () -> roundTables.schedule(table, clock.instant().minus(Duration.ofDays(30)),
                "Landratsamt, Saal 2", "Kennzahlen im Vergleich\nSchulwege"));
        as(county.coordinator(), () -> {
            roundTables.writeMinutes(held, "Beschlossen: halbjährlicher Vergleich.");
            return null;
        });
        var member = townB.coordinator();
        assertThat(body(get("/network/bodies"), member)).contains("Runder Tisch " + county.key());
        var page = Jsoup.parse(body(get("/network/bodies/" + table), member));
        assertThat(page.select("#body-members li strong").eachText()).contains(townName(townA), townName(townB),
                townName(townC));
        assertThat(page.select("#body-meetings td").eachText()).contains("Landratsamt, Saal 2");
        assertThat(page.select("#schedule-meeting")).isEmpty();
        var meeting = Jsoup.parse(body(get("/network/meetings/" + held), member));
        assertThat(meeting.select("#meeting-agenda li").eachText()).containsExactly("Kennzahlen im Vergleich", "Schulwege");
        assertThat(meeting.getElementById("meeting-minutes").text()).isEqualTo("Beschlossen: halbjährlicher Vergleich.");
        assertThat(meeting.select("#write-minutes")).isEmpty();
        // the member's police and an outsider see nothing; the member writes nothing
        status(get("/network/bodies/" + table), townB.policeUser(), 403);
        var outsider = fixtures.city();
        status(get("/network/bodies/" + table), outsider.coordinator(), 404);
        status(get("/network/meetings/" + held), outsider.coordinator(), 404);
        assertThat(body(get("/network/bodies"), outsider.coordinator())).doesNotContain("Runder Tisch " + county.key());
        as(member, () -> {
            assertThatThrownBy(() -> roundTables.schedule(table, clock.instant(), "Rathaus B", ""))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> roundTables.writeMinutes(held, "Gefälscht")).isInstanceOf(NotFoundException.class);
            return null;
        });
        // under row-level security alone: the member reads the table's meetings and nothing else of the county
        var memberUser = ((SipaPrincipal) fixtures.user(member)).sipaUser();
        var outsiderUser = ((SipaPrincipal) fixtures.user(outsider.coordinator())).sipaUser();
        assertThat(CurrentUser.runAs(memberUser, () -> count("SELECT count(*) FROM networks_meeting WHERE body_id = ?", table)))
                .isEqualTo(1);
        assertThat(CurrentUser.runAs(outsiderUser, () -> count("SELECT count(*) FROM networks_meeting WHERE body_id = ?", table)))
                .isZero();
        assertThat(CurrentUser.runAs(memberUser, () -> count("SELECT count(*) FROM networks_share WHERE partnership_id = ?",
                county.id().value()) + count("SELECT count(*) FROM partners_body WHERE partnership_id = ?",
                county.id().value()))).isZero();
        assertThat(CurrentUser.runAs(memberUser, () -> count("SELECT count(*) FROM networks_member WHERE network_id = ?",
                network.value()))).as("only its own membership").isEqualTo(1);
        assertThat(CurrentUser.runAs(memberUser, () -> jdbc.sql("UPDATE networks_meeting SET minutes = 'x' WHERE id = ?")
                .param(held).update())).isZero();
        // once the town leaves, the table is closed to it
        as(member, () -> {
            networks.leave(network);
            return null;
        });
        status(get("/network/meetings/" + held), member, 404);
        assertThat(CurrentUser.runAs(memberUser, () -> count("SELECT count(*) FROM networks_meeting WHERE body_id = ?", table)))
                .isZero();
    }

    @Test
    void aLandProgrammesTemplateGoesToAPartnershipFoundedInItsLandAndOnRequestToAMember() {
        // Saarland: no other test founds a partnership there, so the programme reaches only the towns of this test
        var land = fixtures.city(FederalState.SL);
        var programme = as(land.coordinator(), () -> networks.found("Landesprogramm " + land.key(),
                NetworkKind.STATE_PROGRAMME));
        var items = List.of(StandardItems.ITEMS.get(0).key(), StandardItems.ITEMS.get(1).key());
        as(land.coordinator(), () -> {
            programmes.define("Lenkungsgruppe Sicherheit\nAG Jugend", "Lärm\nSpielplatz beschädigt",
                    "Sicherheit im öffentlichen Raum", items);
            return null;
        });
        as(county.coordinator(), () -> assertThatThrownBy(() -> programmes.define("X", "", "", List.of()))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("network.programme.notProgramme"));

        // a member in another Land applies it on request; what it has by name (A's "Lärm") stays as it is
        as(townB.coordinator(), () -> assertThatThrownBy(() -> programmes.apply(programme))
                .isInstanceOf(NotFoundException.class));
        var applied = as(townA.coordinator(), () -> {
            networks.join(programme);
            return programmes.apply(programme);
        });
        assertThat(applied).isEqualTo(new LandProgramme.Applied(2, 1, 1, 2));
        assertThat(as(townA.coordinator(), () -> programmes.apply(programme)))
                .isEqualTo(new LandProgramme.Applied(0, 0, 0, 0));

        // a partnership founded in the Land has joined the programme and has its template from the start
        var founded = fixtures.city(FederalState.SL);
        CurrentUser.runAs(SipaUser.system(founded.id()), () -> {
            assertThat(networks.memberships()).extracting(Network::id).contains(programme);
            assertThat(bodies.all()).extracting(b -> b.name()).contains("Lenkungsgruppe Sicherheit", "AG Jugend");
            assertThat(categories.all()).extracting(Category::name).contains("Lärm", "Spielplatz beschädigt");
            assertThat(responsibilities.topics()).extracting(t -> t.name()).contains("Sicherheit im öffentlichen Raum");
            var questionnaire = surveys.questionnaires().stream()
                    .filter(q -> q.title().equals("Standardfragen Landesprogramm " + land.key())).findFirst().orElseThrow();
            assertThat(questionnaire.questions()).isEqualTo(2);
            return null;
        });
        // one founded in another Land has not
        assertThat(CurrentUser.runAs(SipaUser.system(townC.id()), () -> networks.memberships()))
                .extracting(Network::id).doesNotContain(programme);
    }

    private long count(String sql, Object parameter) {
        return jdbc.sql(sql).param(parameter).query(Long.class).single();
    }

    @Test
    void theRollUpIsTheSumOfWhatTheTownsSharedAndShowedPerThousandInhabitants() {
        var data = as(county.coordinator(), () -> rollUp.rollUp());
        var owner = JdbcClient.create(ownerDatabase);
        var zone = clock.getZone();
        var from = Timestamp.from(data.first().atDay(1).atStartOfDay(zone).toInstant());
        var to = Timestamp.from(data.last().plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
        // independent of the app: the reports of the towns that share their key figures with this network
        var shared = owner.sql("""
                SELECT c.name, count(*) FROM reports_report r JOIN reports_category c ON c.id = r.category_id
                WHERE r.partnership_id IN (SELECT s.partnership_id FROM networks_share s
                    JOIN networks_member m ON m.partnership_id = s.partnership_id AND m.network_id = s.network_id
                    WHERE s.network_id = ? AND s.kind = 'KEY_FIGURES')
                  AND r.submitted_at >= ? AND r.submitted_at < ? AND r.status <> 'MODERATION'
                GROUP BY c.name, r.partnership_id HAVING count(*) >= 5""")
                .params(network.value(), from, to)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list();
        long noise = shared.stream().filter(e -> e.getKey().equals("Lärm")).mapToLong(Map.Entry::getValue).sum();
        assertThat(noise).isEqualTo(20);
        assertThat(data.networkTotals().get("Lärm")).isEqualTo(noise);
        // litter: A's 3 are hidden, C's 6 count; graffiti: A's 7 hidden as the complement of A's litter
        assertThat(data.networkTotals().get("Müll")).isEqualTo(6);
        assertThat(data.networkTotals().get("Graffiti")).isZero();
        var a = data.towns().stream().filter(t -> t.id().equals(townA.id())).findFirst().orElseThrow();
        assertThat(a.population()).isEqualTo(4000);
        assertThat(a.figures().get("Lärm").rate()).isEqualTo(3.0);
        assertThat(a.total().shown()).isEqualTo(22);
        var b = data.towns().stream().filter(t -> t.id().equals(townB.id())).findFirst().orElseThrow();
        assertThat(b.sharesFigures()).isFalse();
        assertThat(b.figures()).isEmpty();
    }

    @Test
    void smallCellsAreHiddenWithTheirComplementInTheRollUpAndMonthByMonth() throws Exception {
        var data = as(county.coordinator(), () -> rollUp.rollUp());
        var a = data.towns().stream().filter(t -> t.id().equals(townA.id())).findFirst().orElseThrow();
        assertThat(a.figures().get("Müll").hidden()).isTrue();
        assertThat(a.figures().get("Müll").count()).isZero(); // the hidden count does not even reach the page
        assertThat(a.figures().get("Graffiti").hidden()).isTrue();
        assertThat(a.figures().get("Lärm").shown()).isEqualTo(12);

        var page = Jsoup.parse(body(get("/network"), county.coordinator()));
        var litter = page.select("tr[data-category=Müll] td[data-town=" + townName(townA) + "]").text();
        assertThat(litter).isEqualTo("< 5");
        assertThat(page.select("tr[data-category=Graffiti] td[data-town=" + townName(townA) + "]").text()).isEqualTo("< 5");

        var months = Jsoup.parse(body(get("/network/towns/" + townA.id().value()), county.coordinator()))
                .getElementById("town-months");
        var noise = months.select("tr").stream().filter(r -> r.child(0).text().equals("Lärm")).findFirst().orElseThrow();
        assertThat(noise.select("td").eachText()).contains("12").doesNotContain("3", "7");
        var litterRow = months.select("tr").stream().filter(r -> r.child(0).text().equals("Müll")).findFirst()
                .orElseThrow();
        assertThat(litterRow.select("td").eachText()).doesNotContain("3");
    }

    @Test
    void aTemplateCopiedIntoAnotherPartnershipTakesThePlanningButNoPersonalData() throws Exception {
        var response = mvc.perform(post("/network/practice/" + sharedProject.value() + "/copy").with(csrf())
                .with(user(fixtures.user(townB.coordinator())))).andReturn().getResponse();
        assertThat(response.getRedirectedUrl()).startsWith("/praevention/");
        var copyId = new ProjectId(UUID.fromString(response.getRedirectedUrl().substring("/praevention/".length())));
        var copy = as(townB.coordinator(), () -> projects.project(copyId));
        assertThat(copy.title()).startsWith("Faustlos an Grundschulen");
        assertThat(copy.field()).isEqualTo(PreventionField.VIOLENCE);
        assertThat(copy.targetGroups()).containsExactly(TargetGroup.CHILDREN);
        assertThat(copy.lead()).isNull();
        assertThat(copy.partners()).isEmpty();
        assertThat(copy.districts()).isEmpty();
        assertThat(copy.contactPerson()).isEmpty();
        assertThat(copy.step(BeccariaStep.PROBLEM).get("problem")).isEqualTo("Raufereien auf dem Schulhof");
        var texts = copy.summary() + " " + String.join(" ", copy.step(BeccariaStep.PROBLEM).values());
        assertThat(texts).doesNotContain("erika.muster@stadt-a.example", "123456", "987654", "Erika Mustermann");
        // the copy is B's own: A's project is unchanged, and A does not see the copy
        assertThat(as(townA.coordinator(), () -> projects.projects()).stream().map(p -> p.title()))
                .doesNotContain(copy.title());
    }

    private PlaceId place(Fixtures.City town, String name, boolean published) {
        return as(town.coordinator(), () -> {
            var id = places.create(new PlaceDraft(name, null, Deficit.BOTH, "Dunkle Ecke am Abend", null, null,
                    PlaceOrigin.MANUAL, "{\"type\":\"Point\",\"coordinates\":[9.18,48.78]}", 40));
            if (published) {
                places.publish(id, true);
            }
            return id;
        });
    }

    /** A wave of one question, finished last year or open until next month. */
    private SurveyWaveId wave(Fixtures.City town, String title, boolean finished) {
        var question = new Question(QuestionId.random(), QuestionKind.SINGLE_CHOICE,
                Wording.german("Wie sicher fühlen Sie sich nachts in Ihrer Wohngegend?"), null, true, null, null, null,
                List.of(new AnswerOption("1", Wording.german("sicher")), new AnswerOption("2", Wording.german("unsicher"))),
                null);
        var questionnaire = new Questionnaire(QuestionnaireId.random(), title, "",
                List.of(new Section(UUID.randomUUID(), Wording.german("Sicherheit"), List.of(question))));
        var today = LocalDate.now(clock);
        var wave = finished
                ? new SurveyWave(SurveyWaveId.random(), questionnaire.id(), title, today.minusYears(1),
                        today.minusYears(1).plusWeeks(4), WaveMode.EXTERNAL, false)
                : new SurveyWave(SurveyWaveId.random(), questionnaire.id(), title, today.minusDays(3),
                        today.plusMonths(1), WaveMode.EXTERNAL, false);
        as(town.coordinator(), () -> {
            surveys.createQuestionnaire(questionnaire);
            surveys.createWave(wave);
            return null;
        });
        return wave.id();
    }

    private String slug(Fixtures.City town) {
        return jdbc.sql("SELECT slug FROM partners_partnership WHERE id = ?").param(town.id().value())
                .query(String.class).single();
    }

    private void reportsIn(Fixtures.City town, Map<String, Integer> counts) {
        CurrentUser.runAs(SipaUser.system(town.id()), () -> {
            for (var e : counts.entrySet()) {
                var category = categories.create(new Category(CategoryId.random(), "c" + Math.abs(e.getKey().hashCode()),
                        e.getKey(), null, null, 3, false, null, true, List.of()));
                var marker = "Netzwerktest " + e.getKey() + " " + town.key();
                for (int i = 0; i < e.getValue(); i++) {
                    reports.submit(new NewReport(town.id(), category, marker, 48.78 + i * 0.0001, 9.18, null, null,
                            Map.of(), null, ReportSource.PARTNER));
                }
                jdbc.sql("UPDATE reports_report SET submitted_at = ? WHERE partnership_id = ? AND description = ?")
                        .params(Timestamp.from(lastMonth.atTime(12, 0).atZone(clock.getZone()).toInstant()),
                                town.id().value(), marker)
                        .update();
            }
        });
    }

    private String townName(Fixtures.City town) {
        return jdbc.sql("SELECT name FROM partners_partnership WHERE id = ?").param(town.id().value())
                .query(String.class).single();
    }
}

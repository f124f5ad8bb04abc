package de.sipa.networks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import de.sipa.Fixtures;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaPrincipal;
import de.sipa.identity.SipaUser;
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
import de.sipa.situation.CrimeFigures;

/**
 * A county hosts a network of three towns: A shares its key figures and one project, C shares its key figures, B
 * shares nothing. The county's coordination must see exactly what was shared.
 */
@SipaIntegrationTest
class NetworksTests {

    @Autowired
    Fixtures fixtures;
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
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    MockMvc mvc;
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
        // and when C leaves, nothing of it remains either
        as(townC.coordinator(), () -> {
            networks.leave(network);
            return null;
        });
        status(get("/network/towns/" + townC.id().value()), coordinator, 404);
        assertThat(body(get("/network/export.csv"), coordinator)).doesNotContain(townName(townC));
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

    private void status(MockHttpServletRequestBuilder request, String username, int expected) throws Exception {
        var actual = mvc.perform(request.with(user(fixtures.user(username)))).andReturn().getResponse().getStatus();
        assertThat(actual).as("%s as %s", request.buildRequest(new org.springframework.mock.web.MockServletContext())
                .getRequestURI(), username).isEqualTo(expected);
    }

    private String body(MockHttpServletRequestBuilder request, String username) throws Exception {
        var response = mvc.perform(request.with(user(fixtures.user(username)))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        response.setCharacterEncoding("UTF-8");
        return response.getContentAsString();
    }

    private <T> T as(String username, Supplier<T> work) {
        var principal = (SipaPrincipal) fixtures.user(username);
        return CurrentUser.runAs(principal.sipaUser(), work);
    }
}

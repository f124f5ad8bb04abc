package de.sipa.networks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import de.sipa.DemoIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.partners.Bodies;
import de.sipa.partners.Partnerships;
import de.sipa.surveys.Surveys;

/**
 * The county of the demo (the demo context of AllPagesTests, shared when both run): Landkreis Musterland hosts a
 * network of Musterstadt, Kleinhausen and Waldbach, which share a year of key figures and their projects.
 */
@DemoIntegrationTest
class NetworksDemoTests {

    @Autowired
    Partnerships partnerships;

    @Autowired
    NetworkRollUp rollUp;

    @Autowired
    SharedResults shared;

    @Autowired
    RoundTables roundTables;

    @Autowired
    java.time.Clock clock;

    @Autowired
    Networks networks;

    @Autowired
    Bodies bodies;

    @Autowired
    Surveys surveys;

    @Autowired
    SharedPractice practice;

    @Test
    void theCountyComparesThreeTownsThatShareAYearOfFiguresAndTheirProjects() {
        var county = partnerships.bySlug(NetworksDemo.SLUG).orElseThrow().id();
        var data = CurrentUser.runAs(SipaUser.system(county), () -> rollUp.rollUp());
        assertThat(data.network().name()).isEqualTo("Landkreis Musterland");
        assertThat(data.towns()).extracting(RollUp.Town::name).containsExactly("Sicherheitspartnerschaft Kleinhausen",
                "Sicherheitspartnerschaft Musterstadt", "Sicherheitspartnerschaft Waldbach");
        assertThat(data.towns()).allSatisfy(town -> {
            assertThat(town.sharesFigures()).isTrue();
            assertThat(town.population()).isPositive();
            assertThat(town.total().shown()).isPositive();
            assertThat(town.latitude()).isNotNull();
        });
        assertThat(data.categories()).contains("Lärm und Ruhestörung", "Vermüllung und Verwahrlosung");
        assertThat(data.projects()).hasSizeGreaterThanOrEqualTo(5);
        assertThat(data.projects()).extracting(SharedProject::townName).contains("Sicherheitspartnerschaft Musterstadt",
                "Sicherheitspartnerschaft Kleinhausen", "Sicherheitspartnerschaft Waldbach");
        CurrentUser.runAs(SipaUser.system(county), () -> {
            assertThat(shared.places()).isNotEmpty();
            assertThat(shared.surveys()).isNotEmpty();
            assertThat(shared.annualReports()).extracting(p -> p.slug()).containsExactly("musterstadt");
            return null;
        });
    }

    @Test
    void theCountysRoundTableHasMetTwiceAndMeetsAgainAndAMemberTownSeesIt() {
        var waldbach = partnerships.bySlug("waldbach").orElseThrow().id();
        CurrentUser.runAs(SipaUser.system(waldbach), () -> {
            var table = roundTables.bodies().stream().filter(b -> b.name().startsWith("Runder Tisch")).findFirst()
                    .orElseThrow();
            var meetings = roundTables.meetings(table.id());
            var now = clock.instant();
            assertThat(meetings.stream().filter(m -> m.startsAt().isBefore(now))).hasSize(2)
                    .allSatisfy(m -> assertThat(m.minutes()).isNotBlank());
            assertThat(meetings.stream().filter(m -> m.startsAt().isAfter(now))).hasSize(1)
                    .allSatisfy(m -> assertThat(m.agenda()).isNotEmpty());
            assertThat(roundTables.members(table.id())).extracting(RoundTableMember::town).containsExactly(
                    "Sicherheitspartnerschaft Kleinhausen", "Sicherheitspartnerschaft Musterstadt",
                    "Sicherheitspartnerschaft Waldbach");
            return null;
        });
    }

    @Test
    void theLandProgrammeGaveItsTemplateToTheTownsFoundedAfterItWhileMusterstadtHasJoinedAndNotYetApplied() {
        var questionnaire = "Standardfragen " + NetworksDemo.PROGRAMME;
        var waldbach = partnerships.bySlug("waldbach").orElseThrow().id();
        CurrentUser.runAs(SipaUser.system(waldbach), () -> {
            assertThat(networks.memberships()).extracting(Network::name).contains(NetworksDemo.PROGRAMME,
                    "Landkreis Musterland");
            assertThat(bodies.all()).extracting(b -> b.name()).contains("Lenkungsgruppe Sicherheitspartnerschaft",
                    "Arbeitsgruppe Jugend und Prävention");
            assertThat(surveys.questionnaires()).extracting(q -> q.title()).contains(questionnaire);
            return null;
        });
        var musterstadt = partnerships.bySlug("musterstadt").orElseThrow().id();
        CurrentUser.runAs(SipaUser.system(musterstadt), () -> {
            assertThat(networks.memberships()).extracting(Network::name).contains(NetworksDemo.PROGRAMME);
            assertThat(surveys.questionnaires()).extracting(q -> q.title()).doesNotContain(questionnaire);
            return null;
        });
    }

    @Test
    void kleinhausenSharesTheSafetyConceptOfItsUnderpassWithTheCountyAndTheWholeInstallation() {
        // Kleinhausen shares the concept with the county, not with the Land programme: the programme's office finds it
        // as shared with the whole installation
        for (var slug : java.util.List.of("musterstadt", NetworksDemo.SLUG, NetworksDemo.PROGRAMME_SLUG)) {
            var partnership = partnerships.bySlug(slug).orElseThrow().id();
            var concepts = CurrentUser.runAs(SipaUser.system(partnership), () -> practice.concepts());
            assertThat(concepts).as(slug).singleElement().satisfies(c -> {
                assertThat(c.place()).isEqualTo("Unterführung am Bahnhof Kleinhausen");
                assertThat(c.townName()).isEqualTo("Sicherheitspartnerschaft Kleinhausen");
                assertThat(c.contact()).isEqualTo("Ordnungsamt Kleinhausen");
                assertThat(c.goals()).hasSize(2);
                assertThat(c.measures()).hasSize(3);
            });
        }
    }
}

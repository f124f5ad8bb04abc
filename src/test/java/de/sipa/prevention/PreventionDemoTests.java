package de.sipa.prevention;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import de.sipa.DemoIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.partners.Partnerships;
import de.sipa.places.Places;

/**
 * Musterstadt's prevention projects as the demo loads them (the demo context of AllPagesTests, shared when both run):
 * every stage, two evaluated ones whose indicators count the demo's reports, the Jugendtreff at the Palastgarten.
 */
@DemoIntegrationTest
class PreventionDemoTests {

    @Autowired
    Partnerships partnerships;

    @Autowired
    PreventionProjects projects;

    @Autowired
    Indicators indicators;

    @Autowired
    Places places;

    @Autowired
    ProjectIdeas ideas;

    @Autowired
    PublicProjects publicProjects;

    @Autowired
    ProjectMeetings projectMeetings;

    @Test
    void fifteenProjectsInEveryStageTwoEvaluatedOnTheDemosReports() {
        var musterstadt = partnerships.bySlug("musterstadt").orElseThrow().id();
        CurrentUser.runAs(SipaUser.system(musterstadt), () -> {
            var all = projects.projects();
            assertThat(all).hasSize(16);
            assertThat(all).extracting(PreventionProject::status).containsAll(Arrays.asList(ProjectStatus.values()));
            var evaluated = all.stream().filter(p -> p.status() == ProjectStatus.EVALUATED).toList();
            assertThat(evaluated).extracting(PreventionProject::title)
                    .containsExactlyInAnyOrder("Licht und Ruhe im Palastgarten", "Sichere Haltestellen");
            for (var project : evaluated) {
                assertThat(project.evaluated()).isTrue();
                var linked = indicators.of(project.id()).stream()
                        .filter(i -> i.source() == IndicatorSource.REPORTS).findFirst().orElseThrow();
                var values = indicators.measurements(linked);
                System.out.printf("%s: %s%n", project.title(), values.stream().map(Measurement::value).toList());
                assertThat(values).hasSizeGreaterThanOrEqualTo(2).allSatisfy(m -> assertThat(m.value()).isNotNull());
                assertThat(values.stream().mapToDouble(Measurement::value).sum()).isPositive();
            }
            var garden = all.stream().filter(p -> p.title().equals(PreventionDemo.PALASTGARTEN_PROJECT)).findFirst()
                    .orElseThrow();
            var palastgarten = places.places().stream().filter(p -> p.name().equals("Palastgarten")).findFirst()
                    .orElseThrow();
            assertThat(garden.places()).containsExactly(palastgarten.id());
            assertThat(garden.qualityNote(BeccariaStep.GOALS)).isNotEmpty();
            return null;
        });
    }

    @Test
    void fiveIdeasOneBecameAProjectOneDeclinedAndNineProjectsPublished() {
        var musterstadt = partnerships.bySlug("musterstadt").orElseThrow().id();
        CurrentUser.runAs(SipaUser.system(musterstadt), () -> {
            var all = ideas.ideas();
            assertThat(all).hasSize(5);
            assertThat(all).extracting(ProjectIdea::status).containsOnlyOnce(IdeaStatus.PROJECT, IdeaStatus.DECLINED,
                    IdeaStatus.IN_REVIEW);
            var bikes = all.stream().filter(i -> i.status() == IdeaStatus.PROJECT).findFirst().orElseThrow();
            assertThat(projects.project(bikes.project()).title()).isEqualTo(bikes.title());
            assertThat(all.stream().filter(i -> i.status() == IdeaStatus.DECLINED).findFirst().orElseThrow().answer())
                    .isNotBlank();
            return null;
        });
        assertThat(publicProjects.published(musterstadt)).extracting(PublicProject::title)
                .containsExactlyInAnyOrderElementsOf(PreventionDemo.PUBLISHED);
        assertThat(publicProjects.published(musterstadt)).filteredOn(PublicProject::evaluated)
                .extracting(PublicProject::title)
                .containsExactlyInAnyOrder("Licht und Ruhe im Palastgarten", "Sichere Haltestellen",
                        "Mobile Jugendarbeit am Hauptbahnhof");
    }

    @Test
    void theParkProjectFollowsTheSenseOfSecurityInMitteWaveByWave() {
        var musterstadt = partnerships.bySlug("musterstadt").orElseThrow().id();
        CurrentUser.runAs(SipaUser.system(musterstadt), () -> {
            var project = projects.projects().stream().filter(p -> p.title().equals("Licht und Ruhe im Palastgarten"))
                    .findFirst().orElseThrow();
            var survey = indicators.of(project.id()).stream().filter(i -> i.source() == IndicatorSource.SURVEY)
                    .findFirst().orElseThrow();
            var waves = indicators.measurements(survey);
            System.out.printf("Sense of security in Mitte: %s%n", waves.stream().map(Measurement::value).toList());
            assertThat(waves).hasSizeGreaterThanOrEqualTo(2);
            assertThat(waves).filteredOn(m -> m.value() != null).hasSizeGreaterThanOrEqualTo(2)
                    .allSatisfy(m -> assertThat(m.value()).isBetween(0.0, 100.0));
            return null;
        });
    }

    @Test
    void twoProjectsShowTheirAgendaItemsDecisionsAndActionItems() {
        var musterstadt = partnerships.bySlug("musterstadt").orElseThrow().id();
        CurrentUser.runAs(SipaUser.system(musterstadt), () -> {
            for (var title : java.util.List.of("Seniorensicherheit an der Haustür", "Sichere Haltestellen")) {
                var project = projects.projects().stream().filter(p -> p.title().equals(title)).findFirst()
                        .orElseThrow();
                assertThat(projectMeetings.timeline(project.id())).extracting(TimelineEntry::kind)
                        .as(title).contains(TimelineEntry.Kind.AGENDA_ITEM, TimelineEntry.Kind.DECISION);
            }
            return null;
        });
    }
}

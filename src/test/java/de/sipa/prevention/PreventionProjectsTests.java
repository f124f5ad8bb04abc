package de.sipa.prevention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import de.sipa.Fixtures;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaPrincipal;
import de.sipa.identity.SipaUser;
import de.sipa.partners.DistrictId;
import de.sipa.reports.Categories;
import de.sipa.reports.Category;
import de.sipa.reports.CategoryId;
import de.sipa.reports.NewReport;
import de.sipa.reports.ReportSource;
import de.sipa.reports.Reports;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.RuleViolationException;

@SipaIntegrationTest
class PreventionProjectsTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    PreventionProjects projects;

    @Autowired
    Indicators indicators;

    @Autowired
    Categories categories;

    @Autowired
    Reports reports;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    de.sipa.situation.CrimeFigures crimeFigures;

    @Autowired
    de.sipa.situation.CrimeFigureImport crimeFigureImport;

    Fixtures.City city;

    @BeforeEach
    void aCity() {
        city = fixtures.city();
    }

    @Test
    void aStepIsCompleteOnceEveryRequiredFieldHoldsText() {
        var id = as(city.publicOrderUser(), () -> projects.create(draft("Schulwegsicherheit")));

        as(city.publicOrderUser(), () -> {
            projects.writeStep(id, BeccariaStep.PROBLEM, Map.of("problem", "Kinder queren die Hauptstraße ohne Ampel.",
                    "sources", "  ", "affected", "Grundschüler"));
            return null;
        });
        var project = as(city.policeUser(), () -> projects.project(id));
        assertThat(BeccariaStep.PROBLEM.filled(project.step(BeccariaStep.PROBLEM))).isEqualTo(1);
        assertThat(project.complete(BeccariaStep.PROBLEM)).isFalse();

        as(city.publicOrderUser(), () -> {
            projects.writeStep(id, BeccariaStep.PROBLEM, Map.of("sources", "Elternbefragung, Unfallstatistik"));
            return null;
        });
        project = as(city.policeUser(), () -> projects.project(id));
        assertThat(project.complete(BeccariaStep.PROBLEM)).isTrue();
        assertThat(project.step(BeccariaStep.PROBLEM)).containsEntry("affected", "Grundschüler");
        assertThat(project.completeSteps()).isEqualTo(1);
        assertThat(project.completeness()).isEqualTo(2 * 100 / 12);
        assertThat(jdbc.sql("SELECT summary FROM identity_audit_entry WHERE subject_id = ? ORDER BY id")
                .param(id.toString()).query(String.class).list()).containsExactly(
                        "Präventionsprojekt Schulwegsicherheit angelegt",
                        "Präventionsprojekt Schulwegsicherheit: Schritt 1 geschrieben",
                        "Präventionsprojekt Schulwegsicherheit: Schritt 1 geschrieben");
    }

    @Test
    void onlyTheCoordinationNotesTheQualityOfAStep() {
        var id = as(city.coordinator(), () -> projects.create(draft("Seniorensicherheit")));

        as(city.coordinator(), () -> {
            projects.noteQuality(id, BeccariaStep.GOALS, "Ziele noch nicht messbar.");
            return null;
        });

        assertThat(as(city.steeringUser(), () -> projects.project(id)).qualityNote(BeccariaStep.GOALS))
                .isEqualTo("Ziele noch nicht messbar.");
        assertThat(as(city.coordinator(), () -> projects.project(id)).complete(BeccariaStep.GOALS)).isFalse();
        assertThatThrownBy(() -> as(city.policeUser(), () -> {
            projects.noteQuality(id, BeccariaStep.GOALS, "gut");
            return null;
        })).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aProjectIsEvaluatedOnlyWithStepSixAndMeasuredIndicatorValues() {
        var id = as(city.coordinator(), () -> projects.create(draft("Jugendtreff Palastgarten")));

        assertThatThrownBy(() -> as(city.coordinator(), () -> {
            projects.changeStatus(id, ProjectStatus.EVALUATED);
            return null;
        })).isInstanceOf(RuleViolationException.class).hasMessageContaining("prevention.status.evaluatedNeedsBoth");

        as(city.coordinator(), () -> {
            projects.writeStep(id, BeccariaStep.EVALUATION, Map.of("implementationCheck", "Wie geplant umgesetzt.",
                    "goalAttainment", "Weniger Meldungen als vorher."));
            return null;
        });
        assertThatThrownBy(() -> as(city.coordinator(), () -> {
            projects.changeStatus(id, ProjectStatus.EVALUATED);
            return null;
        })).isInstanceOf(RuleViolationException.class).hasMessageContaining("prevention.status.evaluatedNeedsValues");

        as(city.coordinator(), () -> {
            var indicator = indicators.define(id, new IndicatorDraft("Besucher pro Woche", "Personen",
                    new BigDecimal("10"), new BigDecimal("25"), IndicatorSource.TYPED, null, null, null));
            indicators.measure(id, indicator, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), new BigDecimal("18"));
            projects.changeStatus(id, ProjectStatus.EVALUATED);
            return null;
        });
        assertThat(as(city.coordinator(), () -> projects.project(id)).status()).isEqualTo(ProjectStatus.EVALUATED);
        assertThat(jdbc.sql("SELECT summary FROM identity_audit_entry WHERE subject_id = ? AND summary LIKE '%Status%'")
                .param(id.toString()).query(String.class).list())
                .containsExactly("Präventionsprojekt Jugendtreff Palastgarten: Status Evaluiert");

        assertThatThrownBy(() -> as(city.coordinator(), () -> {
            projects.writeStep(id, BeccariaStep.EVALUATION, Map.of("goalAttainment", ""));
            return null;
        })).isInstanceOf(RuleViolationException.class).hasMessageContaining("prevention.step.evaluatedNeedsStep6");
    }

    @Test
    void anIndicatorLinkedToReportsCountsTheReportsOfItsCategoryDistrictAndPeriod() {
        var id = as(city.coordinator(), () -> projects.create(draft("Ruhe am Marktplatz")));
        var from = LocalDate.now(clock).minusMonths(3).withDayOfMonth(1);
        var to = from.plusMonths(1).minusDays(1);
        var district = city.districts().get(1);
        var noise = CurrentUser.runAs(SipaUser.system(city.id()), () -> {
            var category = categories.create(new Category(CategoryId.random(), "laerm", "Lärm", null, null, 3, false,
                    null, true, List.of()));
            var other = categories.create(new Category(CategoryId.random(), "muell", "Müll", null, null, 3, false,
                    null, true, List.of()));
            reportsOn(category, district, 4, from.plusDays(3));
            reportsOn(category, district, 3, to);               // the last day counts
            reportsOn(category, district, 2, to.plusDays(1));    // after the period
            reportsOn(category, city.districts().get(0), 5, from.plusDays(5)); // another district
            reportsOn(other, district, 6, from.plusDays(5));     // another category
            return category;
        });

        var indicator = as(city.publicOrderUser(), () -> {
            var created = indicators.define(id, new IndicatorDraft("Lärmbeschwerden", "Meldungen", new BigDecimal("12"),
                    new BigDecimal("6"), IndicatorSource.REPORTS, noise, district, null));
            indicators.measure(id, created, from, to, new BigDecimal("999")); // a typed value is ignored
            return created;
        });

        var measured = as(city.steeringUser(), () -> indicators.measurements(indicators.indicator(id, indicator)));
        assertThat(measured).singleElement().satisfies(m -> {
            assertThat(m.value()).isEqualTo(7.0);
            assertThat(m.live()).isTrue();
        });
        // every district of the city: the other district's five as well
        var citywide = as(city.coordinator(), () -> indicators.define(id, new IndicatorDraft("Lärm gesamt", "", null,
                null, IndicatorSource.REPORTS, noise, null, null)));
        as(city.coordinator(), () -> {
            indicators.measure(id, citywide, from, to, null);
            return null;
        });
        assertThat(as(city.coordinator(), () -> indicators.measurements(indicators.indicator(id, citywide))))
                .extracting(Measurement::value).containsExactly(12.0);
    }

    @Test
    void aTypedIndicatorNeedsAValueAndAValidPeriod() {
        var id = as(city.coordinator(), () -> projects.create(draft("Zivilcourage-Training")));
        var indicator = as(city.coordinator(), () -> indicators.define(id, new IndicatorDraft("Teilnehmende", "", null,
                null, IndicatorSource.TYPED, null, null, null)));

        assertThatThrownBy(() -> as(city.coordinator(), () -> {
            indicators.measure(id, indicator, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1), BigDecimal.ONE);
            return null;
        })).hasMessageContaining("prevention.indicator.period.invalid");
        assertThatThrownBy(() -> as(city.coordinator(), () -> {
            indicators.measure(id, indicator, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1), null);
            return null;
        })).hasMessageContaining("prevention.indicator.value.required");
    }

    @Test
    void theSteeringGroupReadsButDoesNotPlanAndOtherCitiesSeeNothing() {
        var id = as(city.coordinator(), () -> projects.create(draft("Wohnungseinbruchschutz")));

        assertThat(as(city.steeringUser(), () -> projects.projects())).extracting(PreventionProject::title)
                .containsExactly("Wohnungseinbruchschutz");
        assertThatThrownBy(() -> as(city.steeringUser(), () -> projects.create(draft("Sucht"))))
                .isInstanceOf(AccessDeniedException.class);
        var other = fixtures.city();
        assertThatThrownBy(() -> as(other.coordinator(), () -> projects.project(id)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(other.coordinator(), () -> indicators.of(id)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aCopyTakesThePlanningButNotTheEvaluation() {
        var id = as(city.coordinator(), () -> {
            var source = projects.create(draft("Gewaltprävention an Schulen"));
            projects.writeStep(source, BeccariaStep.PROBLEM, Map.of("problem", "Rangeleien auf dem Schulhof",
                    "sources", "Schulleitungen"));
            projects.writeStep(source, BeccariaStep.EVALUATION, Map.of("implementationCheck", "ok"));
            projects.noteQuality(source, BeccariaStep.PROBLEM, "gut belegt");
            var indicator = indicators.define(source, new IndicatorDraft("Vorfälle", "", BigDecimal.TEN, BigDecimal.ONE,
                    IndicatorSource.TYPED, null, null, null));
            indicators.measure(source, indicator, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30), new BigDecimal("2"));
            return projects.copy(source, "Gewaltprävention an Schulen (Nord)", List.of(city.districts().get(0)),
                    LocalDate.of(2027, 8, 1), null);
        });

        var copy = as(city.coordinator(), () -> projects.project(id));
        assertThat(copy.status()).isEqualTo(ProjectStatus.IDEA);
        assertThat(copy.districts()).containsExactly(city.districts().get(0));
        assertThat(copy.complete(BeccariaStep.PROBLEM)).isTrue();
        assertThat(copy.qualityNote(BeccariaStep.PROBLEM)).isEmpty();
        assertThat(copy.step(BeccariaStep.EVALUATION)).isEmpty();
        assertThat(as(city.coordinator(), () -> indicators.of(id))).singleElement()
                .satisfies(i -> assertThat(i.values()).isEmpty());
    }

    @Test
    void anIndicatorLinkedToCrimeFiguresCountsTheCasesOfItsGroupAndDistrictForWhoMayReadThem() {
        var id = as(city.coordinator(), () -> projects.create(draft("Einbruchschutz Nord")));
        var nord = city.districts().get(1);
        var indicator = as(city.coordinator(), () -> {
            var csv = "Schlüssel;Straftat;Gemeinde/Bezirk;Jahr;erfasste Fälle;aufgeklärte Fälle;Tatverdächtige\n"
                    + "435000;Wohnungseinbruchdiebstahl;Nord;2024;41;9;7\n"
                    + "435000;Wohnungseinbruchdiebstahl;Nord;2025;33;8;6\n"
                    + "435000;Wohnungseinbruchdiebstahl;Mitte;2025;70;12;10\n";
            crimeFigureImport.confirm(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    de.sipa.situation.PksMapping.guess());
            var burglary = crimeFigures.groups().stream().filter(g -> g.name().startsWith("Wohnungseinbruch"))
                    .findFirst().orElseThrow();
            var created = indicators.define(id, new IndicatorDraft("Wohnungseinbrüche in Nord", "Fälle", null, null,
                    IndicatorSource.CRIME_CASES, null, nord, burglary.id()));
            indicators.measure(id, created, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), null);
            indicators.measure(id, created, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), null);
            indicators.measure(id, created, LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31), null);
            return created;
        });

        assertThat(as(city.policeUser(), () -> indicators.measurements(indicators.indicator(id, indicator))))
                .extracting(Measurement::value).containsExactly(null, 41.0, 33.0);
        assertThat(as(city.publicOrderUser(), () -> indicators.measurements(indicators.indicator(id, indicator))))
                .allSatisfy(m -> {
                    assertThat(m.value()).isNull();
                    assertThat(m.hidden()).isTrue();
                });
    }

    static ProjectDraft draft(String title) {
        return new ProjectDraft(title, null, List.of(), PreventionField.YOUTH, Set.of(TargetGroup.YOUTH), "", List.of(),
                List.of(), null, null, List.of(new Funding("Stadt", new BigDecimal("1500"))), "", Evidence.none());
    }

    private void reportsOn(CategoryId category, DistrictId district, int count, LocalDate day) {
        var marker = "Hinweis " + district + " " + day + " " + category;
        for (int i = 0; i < count; i++) {
            reports.submit(new NewReport(city.id(), category, marker, null, null, "Marktplatz 1", district, Map.of(),
                    null, ReportSource.PARTNER, null, null));
        }
        jdbc.sql("UPDATE reports_report SET submitted_at = ? WHERE partnership_id = ? AND description = ?")
                .params(Timestamp.from(day.atTime(12, 0).atZone(clock.getZone()).toInstant()), city.id().value(), marker)
                .update();
    }

    private <T> T as(String username, Supplier<T> work) {
        var principal = (SipaPrincipal) fixtures.user(username);
        return CurrentUser.runAs(principal.sipaUser(), work);
    }
}

package de.sipa.operations;

import static de.sipa.operations.Acting.asUser;
import static de.sipa.operations.OperationsTestSupport.festival;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import de.sipa.Fixtures;
import de.sipa.Fixtures.City;
import de.sipa.SipaIntegrationTest;
import de.sipa.operations.DeploymentPlan.Phase;
import de.sipa.operations.PlanEntries.ContactForm;
import de.sipa.operations.PlanEntries.PhaseForm;
import de.sipa.operations.PlanEntries.SectionForm;
import de.sipa.operations.PlanEntries.TaskForm;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.RuleViolationException;

@SipaIntegrationTest
class DeploymentPlansTests {

    static final LocalDateTime START = LocalDateTime.of(2099, 9, 20, 10, 0);

    @Autowired
    Fixtures fixtures;

    @Autowired
    Events events;

    @Autowired
    DeploymentPlans plans;

    @Autowired
    JdbcClient jdbc;

    City city;
    EventId event;

    @BeforeEach
    void planWithPoliceSectionAndPublicOrderTask() {
        city = fixtures.city();
        event = asUser(fixtures, city.coordinator(), () -> {
            var id = events.plan(festival("Volksfest 2099", START));
            plans.addSection(id, new SectionForm("Festplatz", "Zelte und Fahrgeschäfte", city.police().value(),
                    city.officer().value()));
            plans.addTask(id, new TaskForm(city.publicOrder().value(), TaskCategory.YOUTH_PROTECTION,
                    "Jugendschutzkontrollen an den Ständen", "Festplatz"));
            plans.addContact(id, new ContactForm(city.police().value(), "Einsatzleitung", "Polizeiführer",
                    "0711 1234", "Kanal 4"));
            plans.addPhase(id, new PhaseForm("Aufbau", START.minusHours(4), START, null));
            return id;
        });
    }

    @Test
    void aPlanIsApprovedOnlyWhenEveryInvolvedOrganisationHasApprovedIt() {
        asUser(fixtures, city.coordinator(), () -> plans.submit(event));
        assertThat(jdbc.sql("SELECT recipient FROM notifications_mail WHERE partnership_id = ? AND subject = ?")
                .params(city.id().value(), "Einsatzplan zur Freigabe: Volksfest 2099").query(String.class).list())
                .as("the staff of the involved organisations are asked")
                .containsExactlyInAnyOrder(city.policeUser() + "@stadt.example", city.publicOrderUser() + "@stadt.example");

        asUser(fixtures, city.policeUser(), () -> plans.approve(event));
        var halfway = asUser(fixtures, city.coordinator(), () -> plans.current(event).orElseThrow());
        assertThat(halfway.version().status()).as("Ordnungsamt has not approved yet").isEqualTo(PlanStatus.SUBMITTED);
        assertThat(halfway.missingApprovals()).as("the coordinator sees who is missing")
                .containsExactly(city.publicOrder());

        asUser(fixtures, city.publicOrderUser(), () -> plans.approve(event));
        var approved = asUser(fixtures, city.coordinator(), () -> plans.current(event).orElseThrow());
        assertThat(approved.version().status()).isEqualTo(PlanStatus.APPROVED);
        assertThat(approved.version().number()).isEqualTo(1);
        assertThat(approved.missingApprovals()).isEmpty();
    }

    @Test
    void editingAnApprovedPlanStartsANewVersionAndTheApprovedOneStaysAsItWas() {
        approveByBoth();
        var firstSection = asUser(fixtures, city.coordinator(), () -> plans.current(event).orElseThrow()).sections().get(0);

        asUser(fixtures, city.coordinator(), () -> {
            plans.addTask(event, new TaskForm(city.police().value(), TaskCategory.ROAD_CLOSURE, "Sperrung Festweg", null));
            plans.remove(event, PlanPart.SECTION, firstSection.id());
        });

        asUser(fixtures, city.policeUser(), () -> {
            assertThat(plans.versions(event)).extracting(DeploymentPlan.Version::status)
                    .containsExactly(PlanStatus.APPROVED, PlanStatus.DRAFT);
            var first = plans.version(event, 1);
            assertThat(first.tasks()).extracting(DeploymentPlan.Task::title)
                    .containsExactly("Jugendschutzkontrollen an den Ständen");
            assertThat(first.sections()).extracting(DeploymentPlan.Section::name).containsExactly("Festplatz");
            assertThat(first.approvals()).hasSize(2);
            var second = plans.current(event).orElseThrow();
            assertThat(second.version().number()).isEqualTo(2);
            assertThat(second.tasks()).extracting(DeploymentPlan.Task::title)
                    .containsExactly("Jugendschutzkontrollen an den Ständen", "Sperrung Festweg");
            assertThat(second.sections()).isEmpty();
            assertThat(second.contacts()).hasSize(1);
            assertThat(second.approvals()).as("the new version needs its own approvals").isEmpty();
        });
    }

    @Test
    void editingASubmittedPlanWithdrawsItAndTheApprovalsGivenSoFar() {
        asUser(fixtures, city.coordinator(), () -> plans.submit(event));
        asUser(fixtures, city.policeUser(), () -> plans.approve(event));

        asUser(fixtures, city.coordinator(), () -> plans.addTask(event,
                new TaskForm(city.police().value(), TaskCategory.TRAFFIC, "Parkplätze", null)));

        var plan = asUser(fixtures, city.coordinator(), () -> plans.current(event).orElseThrow());
        assertThat(plan.version().status()).isEqualTo(PlanStatus.DRAFT);
        assertThat(plan.version().number()).isEqualTo(1);
        assertThat(plan.approvals()).isEmpty();
        assertThatThrownBy(() -> asUser(fixtures, city.policeUser(), () -> plans.approve(event)))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("plan.notSubmitted");
    }

    @Test
    void onlyInvolvedOrganisationsApproveAndOnlyTheCoordinationEdits() {
        asUser(fixtures, city.coordinator(), () -> plans.remove(event, PlanPart.TASK,
                plans.current(event).orElseThrow().tasks().get(0).id()));
        asUser(fixtures, city.coordinator(), () -> plans.submit(event));

        assertThatThrownBy(() -> asUser(fixtures, city.publicOrderUser(), () -> plans.approve(event)))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("plan.notInvolved");
        assertThatThrownBy(() -> asUser(fixtures, city.steeringUser(), () -> plans.approve(event)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> asUser(fixtures, city.policeUser(), () -> plans.addTask(event,
                new TaskForm(city.police().value(), TaskCategory.OTHER, "Selbst geplant", null))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> asUser(fixtures, city.coordinator(), () -> plans.addSection(event,
                new SectionForm("Bühne", null, city.publicOrder().value(), city.officer().value()))))
                .as("the lead works for another organisation")
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("plan.section.leadNotOfOrganisation");

        var otherCity = fixtures.city();
        assertThatThrownBy(() -> asUser(fixtures, otherCity.coordinator(), () -> plans.current(event)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void entriesLongerThanTheirFieldsAreRefusedWithAMessage() {
        var police = city.police().value();
        asUser(fixtures, city.coordinator(), () -> {
            assertThatThrownBy(() -> plans.addSection(event, new SectionForm("S".repeat(201), null, police, null)))
                    .isInstanceOf(RuleViolationException.class).hasMessageContaining("plan.entry.tooLong");
            assertThatThrownBy(() -> plans.addTask(event, new TaskForm(police, TaskCategory.OTHER, "T".repeat(501),
                    null))).isInstanceOf(RuleViolationException.class).hasMessageContaining("plan.entry.tooLong");
            assertThatThrownBy(() -> plans.addContact(event, new ContactForm(police, "Leitstelle", null,
                    "0".repeat(51), null))).isInstanceOf(RuleViolationException.class)
                    .hasMessageContaining("plan.entry.tooLong");
            assertThatThrownBy(() -> plans.addPhase(event, new PhaseForm("Aufbau", LocalDateTime.of(2099, 6, 1, 8, 0),
                    LocalDateTime.of(2099, 6, 1, 10, 0), "D".repeat(2001)))).isInstanceOf(RuleViolationException.class)
                    .hasMessageContaining("plan.entry.tooLong");
            plans.addContact(event, new ContactForm(police, "Leitstelle", null, "0".repeat(50), "R".repeat(50)));
        });
    }

    @Test
    void theFirstEntriesWrittenAtTheSameTimeAllLandInOneFirstVersion() throws Exception {
        var fresh = asUser(fixtures, city.coordinator(), () -> events.plan(festival("Weinfest",
                LocalDateTime.of(2099, 8, 1, 10, 0))));
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(6);
        var tasks = new ArrayList<Callable<UUID>>();
        for (int i = 0; i < 6; i++) {
            var name = "Abschnitt " + i;
            tasks.add(() -> {
                start.await();
                return asUser(fixtures, city.coordinator(), () -> plans.addSection(fresh,
                        new SectionForm(name, null, city.police().value(), null)));
            });
        }
        var futures = tasks.stream().map(pool::submit).toList();
        start.countDown();
        for (var future : futures) {
            future.get();
        }
        pool.shutdown();

        asUser(fixtures, city.coordinator(), () -> {
            assertThat(plans.versions(fresh)).hasSize(1);
            assertThat(plans.current(fresh).orElseThrow().sections()).hasSize(6);
        });
    }

    @Test
    void aTemplateCopiesTheApprovedPlanWithPhasesMovedToTheNewDates() {
        approveByBoth();
        asUser(fixtures, city.coordinator(), () -> plans.addTask(event,
                new TaskForm(city.police().value(), TaskCategory.OTHER, "Nur im Entwurf", null)));
        var nextYear = START.plusYears(1).plusDays(3);

        var copy = asUser(fixtures, city.coordinator(), () -> plans.planFromTemplate(event,
                festival("Volksfest 2100", nextYear)));

        asUser(fixtures, city.coordinator(), () -> {
            var plan = plans.current(copy).orElseThrow();
            assertThat(plan.version().number()).isEqualTo(1);
            assertThat(plan.version().status()).isEqualTo(PlanStatus.DRAFT);
            assertThat(plan.tasks()).as("from the approved version, not the later draft")
                    .extracting(DeploymentPlan.Task::title).containsExactly("Jugendschutzkontrollen an den Ständen");
            assertThat(plan.sections()).extracting(DeploymentPlan.Section::name).containsExactly("Festplatz");
            assertThat(plan.contacts()).extracting(DeploymentPlan.Contact::radioChannel).containsExactly("Kanal 4");
            var zone = ZoneId.of("Europe/Berlin");
            assertThat(plan.phases()).extracting(Phase::startsAt)
                    .containsExactly(nextYear.minusHours(4).atZone(zone).toInstant());
            assertThat(Duration.between(plan.phases().get(0).startsAt(), plan.phases().get(0).endsAt()))
                    .isEqualTo(Duration.ofHours(4));
            assertThat(plans.version(event, 1).phases()).extracting(Phase::startsAt)
                    .containsExactly(START.minusHours(4).atZone(zone).toInstant());
        });
    }

    private void approveByBoth() {
        asUser(fixtures, city.coordinator(), () -> plans.submit(event));
        asUser(fixtures, city.policeUser(), () -> plans.approve(event));
        asUser(fixtures, city.publicOrderUser(), () -> plans.approve(event));
    }
}

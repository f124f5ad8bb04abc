package de.sipa.operations;

import static de.sipa.operations.Refusals.assertRefused;
import static de.sipa.operations.Refusals.catchRefusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import de.sipa.Fixtures;
import de.sipa.Fixtures.City;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.partners.OrganisationKind;
import de.sipa.partners.Organisations;

/** A patrol plan changed or ended for the future: what happens to its patrols, their bookings and the past. */
@SipaIntegrationTest
class PatrolPlanChangesTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    Patrols patrols;

    @Autowired
    Organisations organisations;

    @Autowired
    MessageSource messages;

    @Autowired
    JdbcClient jdbc;

    City city;
    PatrolAreaId garden;
    PatrolPlanId plan;

    /** Fridays and Saturdays 20–2 h in March 2027: eight patrols, from the 5th to the 27th. */
    @BeforeEach
    void plan() {
        city = fixtures.city();
        as(() -> {
            garden = patrols.createArea("Palastgarten", city.districts().get(0), PatrolsTests.PALASTGARTEN);
            plan = patrols.planJointPatrol("Palastgarten", PatrolsTests.fridaysAndSaturdays(20, 2, "2027-03-05",
                    "2027-03-27"), List.of(garden), List.of(new Staffing(city.police(), 2),
                            new Staffing(city.publicOrder(), 2)));
        });
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void endingAPlanRemovesItsUnbookedPatrolsAndCancelsBookedOnesTellingTheirOrganisations() {
        Acting.asUser(fixtures, city.policeUser(), () -> patrols.assign(patrol("2027-03-19"), city.officer()));

        var revision = as(() -> patrols.endPlan(plan, LocalDate.parse("2027-03-13")));

        assertThat(revision).isEqualTo(new PatrolPlanRevision(plan, 0, 3, 1, 1));
        assertThat(as(() -> patrols.plan(plan)).schedule().validUntil()).isEqualTo(LocalDate.parse("2027-03-13"));
        assertThat(march()).extracting(e -> e.patrol().day() + (e.patrol().cancelled() ? " abgesagt" : ""))
                .containsExactly("2027-03-05", "2027-03-06", "2027-03-12", "2027-03-13", "2027-03-19 abgesagt");
        assertThat(mailsTo("polizei-" + city.key() + "@stadt.example")).singleElement().satisfies(body -> assertThat(body)
                .contains("ab dem 14.03.2027", "Palastgarten am 19.03.2027 20:00–02:00 entfällt (Paula Polizei-"));
        assertThat(mailsTo("ordnung-" + city.key() + "@stadt.example")).as("nobody of theirs was booked").isEmpty();
        assertThat(audit()).anyMatch(s -> s.equals("Streife abgesagt (Planänderung): Palastgarten am 19.03.2027 20:00–02:00"))
                .anyMatch(s -> s.equals("Streifenplan Palastgarten ab 14.03.2027 geändert: 0 Streifen neu, 3 entfallen, "
                        + "1 mit Einteilungen abgesagt"));
    }

    @Test
    void aNewTimeContinuesABegunPlanAsANewPlanAndLeavesThePastAsItWas() {
        var past = patrol("2027-03-06");
        Acting.asUser(fixtures, city.policeUser(), () -> {
            patrols.assign(past, city.officer());
            patrols.assign(patrol("2027-03-12"), city.officer());
        });

        var revision = as(() -> patrols.changePlan(plan, LocalDate.parse("2027-03-12"), "Palastgarten spät",
                PatrolsTests.fridaysAndSaturdays(21, 3, "2027-03-05", "2027-03-27"), List.of(garden),
                List.of(new Staffing(city.police(), 2), new Staffing(city.publicOrder(), 2))));

        var successor = revision.plan();
        assertThat(successor).isNotEqualTo(plan);
        assertThat(revision).isEqualTo(new PatrolPlanRevision(successor, 6, 5, 1, 1));
        var before = as(() -> patrols.plan(plan));
        assertThat(before.name()).isEqualTo("Palastgarten");
        assertThat(before.schedule().startsAt()).isEqualTo(LocalTime.of(20, 0));
        assertThat(before.schedule().validUntil()).isEqualTo(LocalDate.parse("2027-03-11"));
        var after = as(() -> patrols.plan(successor));
        assertThat(after.schedule().validFrom()).isEqualTo(LocalDate.parse("2027-03-12"));
        assertThat(after.schedule().validUntil()).isEqualTo(LocalDate.parse("2027-03-27"));

        var pastEntry = as(() -> patrols.entry(past));
        assertThat(pastEntry.plan()).isEqualTo("Palastgarten");
        assertThat(pastEntry.patrol().startsAt()).isEqualTo(Instant.parse("2027-03-06T19:00:00Z"));
        assertThat(pastEntry.crews().get(0).members()).extracting(PatrolCrew.Member::person).containsExactly(city.officer());
        assertThat(march()).filteredOn(e -> e.patrol().day().equals(LocalDate.parse("2027-03-12")))
                .extracting(e -> e.plan() + " " + e.patrol().startsAt() + (e.patrol().cancelled() ? " abgesagt" : ""))
                .containsExactlyInAnyOrder("Palastgarten 2027-03-12T19:00:00Z abgesagt",
                        "Palastgarten spät 2027-03-12T20:00:00Z");
        assertThat(mailsTo("polizei-" + city.key() + "@stadt.example")).singleElement().satisfies(body -> assertThat(body)
                .contains("Palastgarten am 12.03.2027 20:00–02:00 neu 21:00–03:00, bitte neu einteilen (Paula Polizei-",
                        "/patrols/plans/" + successor.value()));

        // The cancelled booking no longer holds the officer; the double-booking check still guards the new patrols.
        var renewed = patrol("2027-03-12");
        Acting.asUser(fixtures, city.policeUser(), () -> patrols.assign(renewed, city.officer()));
        assertThat(as(() -> patrols.entry(renewed)).plan()).isEqualTo("Palastgarten spät");
    }

    @Test
    void aPatrolOnTheSameDayAndTimeKeepsItsBookingsButNotThoseOfAnOrganisationLeavingThePlan() {
        var kept = patrol("2027-03-19");
        Acting.asUser(fixtures, city.policeUser(), () -> patrols.assign(kept, city.officer()));
        Acting.asUser(fixtures, city.publicOrderUser(), () -> patrols.assign(kept, city.clerk()));
        var fire = as(() -> organisations.create(Fixtures.organisation("Feuerwehr " + city.key(),
                OrganisationKind.FIRE_BRIGADE)));
        var station = as(() -> patrols.createArea("Hauptbahnhof", null, PatrolsTests.BAHNHOF_ROUTE));

        var revision = as(() -> patrols.changePlan(plan, LocalDate.parse("2027-03-19"), "Palastgarten",
                new PatrolSchedule(Set.of(DayOfWeek.FRIDAY), LocalTime.of(20, 0), LocalTime.of(2, 0),
                        LocalDate.parse("2027-03-05"), LocalDate.parse("2027-04-02"), false),
                List.of(garden, station), List.of(new Staffing(city.police(), 1), new Staffing(fire, 2))));

        assertThat(revision.created()).as("2 April; Friday 26 March stays as it was").isEqualTo(1);
        assertThat(revision.removed()).as("the Saturdays").isEqualTo(2);
        assertThat(revision.cancelled()).isZero();
        var entry = as(() -> patrols.entry(kept));
        assertThat(entry.patrol().plan()).isEqualTo(revision.plan());
        assertThat(entry.areas()).containsExactly("Palastgarten", "Hauptbahnhof");
        assertThat(entry.crews()).extracting(c -> c.organisation() + ":" + c.members().size())
                .containsExactly(city.police() + ":1", fire + ":0");
        assertThat(mailsTo("ordnung-" + city.key() + "@stadt.example")).singleElement().satisfies(body -> assertThat(body)
                .contains("Palastgarten am 19.03.2027 20:00–02:00: Ihre Organisation ist nicht mehr beteiligt (Otto"));
        assertThat(audit()).contains("Otto Ordnung-" + city.key()
                + " ausgetragen (Organisation nicht mehr im Plan): Palastgarten am 19.03.2027 20:00–02:00");
        assertThat(as(() -> patrols.entry(patrol("2027-03-05"))).areas()).as("the past keeps its areas")
                .containsExactly("Palastgarten");
    }

    @Test
    void changesForTodayOrThePastAndOtherSlipsAreRefusedWithAClearMessage() {
        var today = LocalDate.now();
        var schedule = PatrolsTests.fridaysAndSaturdays(20, 2, "2027-03-05", "2027-03-27");
        var staffing = List.of(new Staffing(city.police(), 2), new Staffing(city.publicOrder(), 2));
        assertRefused("patrolPlan.change.tooEarly", () -> as(() -> patrols.changePlan(plan, today, "Palastgarten",
                schedule, List.of(garden), staffing)));
        assertRefused("patrolPlan.change.validFromFixed", () -> as(() -> patrols.changePlan(plan,
                LocalDate.parse("2027-03-12"), "Palastgarten", PatrolsTests.fridaysAndSaturdays(20, 2, "2027-03-06",
                        "2027-03-27"), List.of(garden), staffing)));
        assertRefused("patrolPlan.change.afterEnd", () -> as(() -> patrols.changePlan(plan,
                LocalDate.parse("2027-03-20"), "Palastgarten", PatrolsTests.fridaysAndSaturdays(21, 2, "2027-03-05",
                        "2027-03-19"), List.of(garden), staffing)));
        assertRefused("patrolPlan.staffing.joint", () -> as(() -> patrols.changePlan(plan,
                LocalDate.parse("2027-03-12"), "Palastgarten", schedule, List.of(garden),
                List.of(new Staffing(city.police(), 2)))));
        assertRefused("patrolPlan.end.beforeStart", () -> as(() -> patrols.endPlan(plan, LocalDate.parse("2027-03-04"))));
        var refusal = catchRefusal(() -> as(() -> patrols.endPlan(plan, LocalDate.parse("2027-03-27"))));
        assertThat(messages.getMessage(refusal.messageKey(), refusal.arguments(), Locale.GERMAN))
                .isEqualTo("Der Plan gilt bis zum 27.03.2027; der neue letzte Tag muss davor liegen.");
        assertThatThrownBy(() -> Acting.asUser(fixtures, city.policeUser(), () -> patrols.endPlan(plan, LocalDate.parse("2027-03-13"))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(march()).as("nothing changed").hasSize(8).noneMatch(e -> e.patrol().cancelled());
    }

    private PatrolId patrol(String day) {
        return march().stream().filter(e -> e.patrol().day().equals(LocalDate.parse(day)) && !e.patrol().cancelled())
                .findFirst().orElseThrow().patrol().id();
    }

    private List<PatrolRosterEntry> march() {
        return as(() -> patrols.roster(Instant.parse("2027-03-01T00:00:00Z"), Instant.parse("2027-04-05T00:00:00Z"),
                null));
    }

    private List<String> mailsTo(String recipient) {
        return jdbc.sql("SELECT body FROM notifications_mail WHERE partnership_id = ? AND recipient = ? ORDER BY created_at")
                .params(city.id().value(), recipient).query(String.class).list();
    }

    private List<String> audit() {
        return jdbc.sql("SELECT summary FROM identity_audit_entry WHERE partnership_id = ?").param(city.id().value())
                .query(String.class).list();
    }


    private <T> T as(Supplier<T> work) {
        return CurrentUser.runAs(SipaUser.system(city.id()), work);
    }

    private void as(Runnable work) {
        CurrentUser.runAs(SipaUser.system(city.id()), work);
    }
}

package de.sipa.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import de.sipa.Fixtures;
import de.sipa.Fixtures.City;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;

/** The weekly reminder of open patrol slots, run at chosen moments instead of the real clock's. */
@SipaIntegrationTest
class PatrolRemindersTests {

    /** Monday 1 March 2027, 08:00 in Musterstadt. */
    static final Instant MONDAY = Instant.parse("2027-03-01T07:00:00Z");

    @Autowired
    Fixtures fixtures;

    @Autowired
    Patrols patrols;

    @Autowired
    PatrolReminders reminders;

    @Autowired
    JdbcClient jdbc;

    City city;

    /** Fridays and Saturdays in March 2027, two police and one Ordnungsamt each. */
    @BeforeEach
    void plan() {
        city = fixtures.city();
        as(() -> {
            var area = patrols.createArea("Palastgarten", city.districts().get(0), PatrolsTests.PALASTGARTEN);
            patrols.planJointPatrol("Palastgarten", PatrolsTests.fridaysAndSaturdays(20, 2, "2027-03-05", "2027-03-27"),
                    List.of(area), List.of(new Staffing(city.police(), 2), new Staffing(city.publicOrder(), 1)));
        });
    }

    @Test
    void eachOrganisationIsToldItsOwnOpenSlotsOfTheNextTwoWeeksAndAFullyStaffedOneNothing() {
        for (var day : List.of("2027-03-05", "2027-03-06", "2027-03-12", "2027-03-13")) {
            Acting.asUser(fixtures, city.publicOrderUser(), () -> patrols.assign(patrol(day), city.clerk()));
        }
        Acting.asUser(fixtures, city.policeUser(), () -> patrols.assign(patrol("2027-03-05"), city.officer()));
        as(() -> patrols.cancel(patrol("2027-03-13")));

        reminders.remindOpenSlots(MONDAY);

        assertThat(mailsTo(city.publicOrderUser())).as("all its slots are filled").isEmpty();
        assertThat(mailsTo(city.policeUser())).singleElement().satisfies(body -> assertThat(body)
                .contains("Plätze von Polizeirevier " + city.key() + " noch nicht besetzt",
                        "- Palastgarten am 05.03.2027 20:00–02:00: 1 von 2 offen\n  http",
                        "- Palastgarten am 06.03.2027 20:00–02:00: 2 von 2 offen",
                        "- Palastgarten am 12.03.2027 20:00–02:00: 2 von 2 offen",
                        "/patrols/" + patrol("2027-03-05").value())
                .as("cancelled, and beyond the fourteen days").doesNotContain("13.03.2027", "19.03.2027"));
    }

    @Test
    void theReminderGoesOutOnceADayAndAgainTheNextWeekWithTheNextTwoWeeks() {
        reminders.remindOpenSlots(MONDAY);
        reminders.remindOpenSlots(MONDAY.plusSeconds(3600));
        assertThat(mailsTo(city.policeUser())).hasSize(1);
        assertThat(mailsTo(city.publicOrderUser())).hasSize(1);

        reminders.remindOpenSlots(MONDAY.plusSeconds(7 * 24 * 3600));
        assertThat(mailsTo(city.policeUser())).hasSize(2).last().asString()
                .contains("19.03.2027", "20.03.2027").doesNotContain("05.03.2027", "26.03.2027");
    }

    @Test
    void noPatrolsInTheComingTwoWeeksMeanNoMail() {
        reminders.remindOpenSlots(Instant.parse("2027-04-05T06:00:00Z"));
        reminders.remindOpenSlots(Instant.parse("2027-02-01T07:00:00Z"));
        assertThat(mailsTo(city.policeUser())).isEmpty();
    }

    private PatrolId patrol(String day) {
        return as(() -> patrols.roster(Instant.parse("2027-03-01T00:00:00Z"), Instant.parse("2027-04-01T00:00:00Z"),
                null)).stream().filter(e -> e.patrol().day().equals(LocalDate.parse(day))).findFirst().orElseThrow()
                .patrol().id();
    }

    private List<String> mailsTo(String account) {
        return jdbc.sql("""
                SELECT body FROM notifications_mail WHERE partnership_id = ? AND recipient = ?
                  AND subject LIKE 'Offene Streifenplätze%' ORDER BY created_at""")
                .params(city.id().value(), account + "@stadt.example").query(String.class).list();
    }

    private <T> T as(Supplier<T> work) {
        return CurrentUser.runAs(SipaUser.system(city.id()), work);
    }

    private void as(Runnable work) {
        CurrentUser.runAs(SipaUser.system(city.id()), work);
    }
}

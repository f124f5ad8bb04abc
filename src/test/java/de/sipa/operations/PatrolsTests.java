package de.sipa.operations;

import static de.sipa.operations.Refusals.assertRefused;
import static de.sipa.operations.Refusals.catchRefusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import net.fortuna.ical4j.model.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import de.sipa.Fixtures;
import de.sipa.Fixtures.City;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.partners.People;
import de.sipa.partners.PersonId;
import de.sipa.shared.FederalState;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.RuleViolationException;

/** Joint patrol plans, their patrols, and the organisations filling them. */
@SipaIntegrationTest
class PatrolsTests {

    static final String PALASTGARTEN = """
            {"type":"Polygon","coordinates":[[[9.180,48.780],[9.186,48.780],[9.186,48.784],[9.180,48.784],[9.180,48.780]]]}""";
    static final String BAHNHOF_ROUTE = """
            {"type":"LineString","coordinates":[[9.181,48.784],[9.183,48.785],[9.185,48.786]]}""";

    @Autowired
    Fixtures fixtures;

    @Autowired
    Patrols patrols;

    @Autowired
    PatrolCalendar calendar;

    @Autowired
    People people;

    @Autowired
    MessageSource messages;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    City city;
    PersonId secondOfficer;
    PersonId secondClerk;
    PatrolPlanId palastgarten;

    @BeforeEach
    void plan() {
        city = fixtures.city();
        as(() -> {
            secondOfficer = people.create(Fixtures.person(city.police(), "Peter", "Polizei-" + city.key(), null));
            secondClerk = people.create(Fixtures.person(city.publicOrder(), "Olga", "Ordnung-" + city.key(), null));
            var area = patrols.createArea("Palastgarten", city.districts().get(0), PALASTGARTEN);
            palastgarten = patrols.planJointPatrol("Palastgarten", fridaysAndSaturdays(20, 2, "2027-03-05", "2027-03-13"),
                    List.of(area), List.of(new Staffing(city.police(), 2), new Staffing(city.publicOrder(), 2)));
        });
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aPlanExpandsIntoItsPatrolsAndTheRosterShowsThemWithTheirCrews() {
        var roster = as(() -> patrols.roster(Instant.parse("2027-03-01T00:00:00Z"), Instant.parse("2027-04-01T00:00:00Z"),
                null));
        assertThat(roster).extracting(e -> e.patrol().day()).containsExactly(LocalDate.of(2027, 3, 5),
                LocalDate.of(2027, 3, 6), LocalDate.of(2027, 3, 12), LocalDate.of(2027, 3, 13));
        assertThat(roster.get(0).patrol().startsAt()).isEqualTo(Instant.parse("2027-03-05T19:00:00Z"));
        assertThat(roster.get(0).patrol().endsAt()).isEqualTo(Instant.parse("2027-03-06T01:00:00Z"));
        assertThat(roster.get(0).areas()).containsExactly("Palastgarten");
        assertThat(roster.get(0).crews()).extracting(PatrolCrew::required).containsExactly(2, 2);
    }

    @Test
    void whoIsArchivedLeavesTheSlotsOfTheComingPatrolsOpenForTheirOrganisation() {
        var first = firstPatrol();
        asUser(city.policeUser(), () -> {
            patrols.assign(first, city.officer());
            patrols.assign(first, secondOfficer);
            calendar.token(city.officer());
        });
        assertThat(missingOn(first)).isEqualTo(2);

        asUser(city.policeUser(), () -> people.archive(city.officer()));

        // The operations module learns of it through the event, after the archiving committed.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(
                () -> assertThat(missingOn(first)).as("the officer's slot is open again").isEqualTo(3));
        var crew = as(() -> patrols.roster(Instant.parse("2027-03-01T00:00:00Z"), Instant.parse("2027-04-01T00:00:00Z"),
                city.police())).get(0).crews().get(0);
        assertThat(crew.members()).extracting(PatrolCrew.Member::person).containsExactly(secondOfficer);
        assertThat(as(() -> people.get(city.officer()).archived())).isTrue();
        assertThat(as(() -> calendar.feed(calendar.token(secondOfficer)))).isPresent();
        assertThat(jdbcCount("SELECT count(*) FROM operations_patrol_feed WHERE person_id = ?", city.officer()))
                .as("the archived officer's calendar link no longer answers").isZero();
    }

    @Test
    void anAreaIsRenamedOrRedrawnButTwoAreasDoNotShareAName() {
        as(() -> {
            var station = patrols.createArea("Bahnhof", null, BAHNHOF_ROUTE);
            patrols.changeArea(station, "Hauptbahnhof", city.districts().get(1), PALASTGARTEN);
            var changed = patrols.area(station);
            assertThat(changed.name()).isEqualTo("Hauptbahnhof");
            assertThat(changed.district()).isEqualTo(city.districts().get(1));
            assertThat(changed.geometry()).startsWith("{\"type\":\"Polygon\"");
            assertRefused("patrolArea.name.taken", () -> patrols.changeArea(station, "palastgarten", null, PALASTGARTEN));
        });
    }

    @Test
    void unfilledSlotsAreListedAsGapsUntilEveryOrganisationHasSentItsPeople() {
        var first = firstPatrol();
        assertThat(gaps()).extracting(e -> e.patrol().id()).contains(first);
        assertThat(gaps().stream().filter(e -> e.patrol().id().equals(first)).findFirst().orElseThrow().missing())
                .isEqualTo(4);

        asUser(city.policeUser(), () -> {
            patrols.assign(first, city.officer());
            patrols.assign(first, secondOfficer);
        });
        var afterPolice = gaps().stream().filter(e -> e.patrol().id().equals(first)).findFirst().orElseThrow();
        assertThat(afterPolice.missing()).isEqualTo(2);
        assertThat(afterPolice.crews()).extracting(PatrolCrew::missing).containsExactly(0, 2);

        asUser(city.publicOrderUser(), () -> {
            patrols.assign(first, city.clerk());
            patrols.assign(first, secondClerk);
        });
        assertThat(gaps()).extracting(e -> e.patrol().id()).doesNotContain(first).hasSize(3);
        assertRefused("patrol.full", () -> as(() -> patrols.assign(first,
                people.create(Fixtures.person(city.police(), "Pia", "Dritte-" + city.key(), null)))));
    }

    @Test
    void peopleBookedAtTheSameMomentOnTheLastSlotDoNotOverfillIt() throws Exception {
        var first = firstPatrol();
        as(() -> patrols.assign(first, city.officer()));
        var candidates = new ArrayList<PersonId>();
        for (int i = 0; i < 6; i++) {
            var n = i;
            candidates.add(as(() -> people.create(Fixtures.person(city.police(), "Kandidat", n + "-" + city.key(), null))));
        }
        var pool = Executors.newFixedThreadPool(candidates.size());
        try {
            var start = new CountDownLatch(1);
            var outcomes = new ArrayList<Future<Boolean>>();
            for (var candidate : candidates) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        as(() -> patrols.assign(first, candidate));
                        return true;
                    } catch (RuleViolationException e) {
                        assertThat(e.messageKey()).isEqualTo("patrol.full");
                        return false;
                    }
                }));
            }
            start.countDown();
            var booked = 0;
            for (var outcome : outcomes) {
                booked += outcome.get() ? 1 : 0;
            }
            assertThat(booked).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        var police = as(() -> patrols.entry(first)).crews().stream()
                .filter(c -> c.organisation().equals(city.police())).findFirst().orElseThrow();
        assertThat(police.missing()).isZero();
    }

    @Test
    void aPersonBookedOnOverlappingPatrolsIsRefusedWithTheConflictingPatrolNamed() {
        var bahnhof = as(() -> {
            var area = patrols.createArea("Hauptbahnhof", city.districts().get(1), BAHNHOF_ROUTE);
            return patrols.planJointPatrol("Hauptbahnhof", new PatrolSchedule(Set.of(DayOfWeek.FRIDAY), LocalTime.of(23, 0),
                    LocalTime.of(3, 0), LocalDate.parse("2027-03-05"), LocalDate.parse("2027-03-05"), false),
                    List.of(area), List.of(new Staffing(city.police(), 1), new Staffing(city.publicOrder(), 1)));
        });
        var garden = firstPatrol();
        var station = as(() -> patrols.roster(Instant.parse("2027-03-05T00:00:00Z"),
                Instant.parse("2027-03-06T00:00:00Z"), null)).stream()
                .filter(e -> e.patrol().plan().equals(bahnhof)).findFirst().orElseThrow().patrol().id();
        asUser(city.policeUser(), () -> patrols.assign(garden, city.officer()));

        var refusal = catchRefusal(() -> asUser(city.policeUser(), () -> patrols.assign(station, city.officer())));
        assertThat(refusal.messageKey()).isEqualTo("patrol.doubleBooked");
        assertThat(messages.getMessage(refusal.messageKey(), refusal.arguments(), Locale.GERMAN))
                .isEqualTo("Paula Polizei-" + city.key()
                        + " ist zur selben Zeit schon eingeteilt: Palastgarten am 05.03.2027 20:00–02:00.");
        assertThat(as(() -> patrols.entry(station)).crews().get(0).members()).isEmpty();

        // The next night's patrol does not overlap, and a cancelled one frees the person.
        var nextNight = as(() -> patrols.roster(Instant.parse("2027-03-06T00:00:00Z"),
                Instant.parse("2027-03-07T00:00:00Z"), null)).get(0).patrol().id();
        asUser(city.policeUser(), () -> patrols.assign(nextNight, city.officer()));
        as(() -> patrols.cancel(garden));
        asUser(city.policeUser(), () -> patrols.assign(station, city.officer()));
        assertThat(as(() -> patrols.entry(station)).crews().get(0).members()).extracting(PatrolCrew.Member::person)
                .containsExactly(city.officer());
    }

    @Test
    void aPartnerFillsOnlyTheSlotsOfItsOwnOrganisation() {
        var first = firstPatrol();
        assertThatThrownBy(() -> asUser(city.policeUser(), () -> patrols.assign(first, city.clerk())))
                .isInstanceOf(AccessDeniedException.class);
        asUser(city.publicOrderUser(), () -> patrols.assign(first, city.clerk()));
        assertThatThrownBy(() -> asUser(city.policeUser(), () -> patrols.release(first, city.clerk())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> asUser(city.steeringUser(), () -> patrols.assign(first, city.officer())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(as(() -> patrols.entry(first)).crews().get(1).members()).extracting(PatrolCrew.Member::person)
                .containsExactly(city.clerk());
    }

    @Test
    void anotherPartnershipsPatrolsAndPeopleAreNotFound() {
        var first = firstPatrol();
        var other = fixtures.city();
        CurrentUser.runAs(SipaUser.system(other.id()), () -> {
            assertThatThrownBy(() -> patrols.patrol(first)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> patrols.assign(first, other.officer())).isInstanceOf(NotFoundException.class);
            assertThat(patrols.plans()).isEmpty();
        });
        assertThatThrownBy(() -> asUser(city.policeUser(), () -> patrols.assign(first, other.officer())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void eachPersonHasACalendarOfTheirPatrolsBehindASecretUrl() throws Exception {
        var first = firstPatrol();
        asUser(city.policeUser(), () -> patrols.assign(first, city.officer()));
        var token = asUser(city.policeUser(), () -> calendar.token(city.officer()));
        assertThatThrownBy(() -> asUser(city.publicOrderUser(), () -> calendar.token(city.officer())))
                .isInstanceOf(AccessDeniedException.class);

        var feed = de.sipa.meetings.MeetingCalendarTests.parseAndValidate(
                de.sipa.shared.CalendarFeeds.text(calendar.feed(token).orElseThrow()));
        assertThat(feed.getComponents("VEVENT")).hasSize(1);
        var event = feed.getComponents("VEVENT").get(0);
        assertThat(event.getProperty(Property.SEQUENCE)).isPresent();
        assertThat(event.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo(first.value() + "@sipa");
        assertThat(event.getProperty(Property.DTSTART).orElseThrow().getValue()).isEqualTo("20270305T190000Z");
        assertThat(event.getProperty(Property.SUMMARY).orElseThrow().getValue()).isEqualTo("Streife Palastgarten");

        var renewed = asUser(city.policeUser(), () -> calendar.renewToken(city.officer()));
        assertThat(calendar.feed(token)).isEmpty();
        assertThat(calendar.feed(renewed)).isPresent();
    }

    @Test
    void aPatrolsEventRisesInSequenceAndLastModifiedWhenItsCrewChangesOrItIsCancelled() throws Exception {
        var first = firstPatrol();
        asUser(city.policeUser(), () -> patrols.assign(first, city.officer()));
        var token = asUser(city.policeUser(), () -> calendar.token(city.officer()));
        var booked = patrolEvent(token);
        asUser(city.policeUser(), () -> patrols.assign(first, secondOfficer));
        var crewChanged = patrolEvent(token);
        as(() -> {
            var area = patrols.areas().stream().filter(a -> a.name().equals("Palastgarten")).findFirst().orElseThrow();
            patrols.changeArea(area.id(), "Oberer Palastgarten", area.district(), area.geometry());
        });
        var renamed = patrolEvent(token);
        as(() -> patrols.cancel(first));
        var cancelled = patrolEvent(token);

        var events = List.of(booked, crewChanged, renamed, cancelled);
        assertThat(events).extracting(e -> e.getUid().orElseThrow().getValue()).containsOnly(first.value() + "@sipa");
        var sequences = events.stream().map(e -> e.getSequence().getSequenceNo()).toList();
        assertThat(sequences).isSorted().doesNotHaveDuplicates();
        assertThat(crewChanged.getDescription().getValue()).contains("Peter Polizei-" + city.key());
        assertThat(renamed.getDescription().getValue()).startsWith("Oberer Palastgarten");
        assertThat(cancelled.getStatus().getValue()).isEqualTo("CANCELLED");
        var modified = events.stream().map(e -> e.getLastModified().getDate()).toList();
        assertThat(modified).isSorted();
        assertThat(events).allSatisfy(e -> assertThat(e.getDateTimeStamp().getDate())
                .isEqualTo(e.getLastModified().getDate()));
    }

    /** The only event of the person's patrol feed, after ical4j's validator passed the whole file. */
    private net.fortuna.ical4j.model.component.VEvent patrolEvent(java.util.UUID token) throws Exception {
        var feed = de.sipa.meetings.MeetingCalendarTests.parseAndValidate(
                de.sipa.shared.CalendarFeeds.text(calendar.feed(token).orElseThrow()));
        return feed.<net.fortuna.ical4j.model.component.VEvent>getComponents("VEVENT").get(0);
    }

    @Test
    void aPlanSkippingHolidaysSkipsCorpusChristiInBadenWuerttembergButNotInBerlin() {
        // Thursdays 20 May to 3 June 2027; Corpus Christi is 27 May 2027, a holiday in BW, a working day in Berlin.
        var thursdays = new PatrolSchedule(Set.of(DayOfWeek.THURSDAY), LocalTime.of(18, 0), LocalTime.of(22, 0),
                LocalDate.parse("2027-05-20"), LocalDate.parse("2027-06-03"), true);
        var inBadenWuerttemberg = as(() -> {
            var area = patrols.createArea("Schlossplatz", null, PALASTGARTEN);
            var plan = patrols.planJointPatrol("Donnerstage", thursdays, List.of(area),
                    List.of(new Staffing(city.police(), 1), new Staffing(city.publicOrder(), 1)));
            return patrols.roster(Instant.parse("2027-05-01T00:00:00Z"), Instant.parse("2027-07-01T00:00:00Z"), null)
                    .stream().filter(e -> e.patrol().plan().equals(plan)).map(e -> e.patrol().day()).toList();
        });
        assertThat(inBadenWuerttemberg).containsExactly(LocalDate.of(2027, 5, 20), LocalDate.of(2027, 6, 3));

        var berlin = fixtures.city(FederalState.BE);
        var inBerlin = CurrentUser.runAs(SipaUser.system(berlin.id()), () -> {
            var area = patrols.createArea("Alexanderplatz", null, PALASTGARTEN);
            patrols.planJointPatrol("Donnerstage", thursdays, List.of(area), List.of(new Staffing(berlin.police(), 1),
                    new Staffing(berlin.publicOrder(), 1)));
            return patrols.roster(Instant.parse("2027-05-01T00:00:00Z"), Instant.parse("2027-07-01T00:00:00Z"), null)
                    .stream().map(e -> e.patrol().day()).toList();
        });
        assertThat(inBerlin).containsExactly(LocalDate.of(2027, 5, 20), LocalDate.of(2027, 5, 27),
                LocalDate.of(2027, 6, 3));
    }

    static PatrolSchedule fridaysAndSaturdays(int from, int until, String validFrom, String validUntil) {
        return new PatrolSchedule(Set.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY), LocalTime.of(from, 0),
                LocalTime.of(until, 0), LocalDate.parse(validFrom), LocalDate.parse(validUntil), false);
    }

    private PatrolId firstPatrol() {
        return as(() -> patrols.roster(Instant.parse("2027-03-01T00:00:00Z"), Instant.parse("2027-04-01T00:00:00Z"),
                null)).get(0).patrol().id();
    }

    private int missingOn(PatrolId patrol) {
        return gaps().stream().filter(e -> e.patrol().id().equals(patrol)).findFirst().orElseThrow().missing();
    }

    private long jdbcCount(String sql, PersonId person) {
        return jdbc.sql(sql).param(person.value()).query(Long.class).single();
    }

    private List<PatrolRosterEntry> gaps() {
        return as(() -> patrols.gaps(Instant.parse("2028-01-01T00:00:00Z")));
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

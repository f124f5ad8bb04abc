package de.sipa.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import de.sipa.Fixtures;
import de.sipa.Fixtures.City;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.partners.Bodies;
import de.sipa.partners.MembershipDetails;
import de.sipa.partners.MembershipRole;
import de.sipa.partners.People;
import de.sipa.partners.PersonDetails;
import de.sipa.responsibilities.EntryDetails;
import de.sipa.responsibilities.Responsibilities;
import de.sipa.responsibilities.Responsibility;
import de.sipa.responsibilities.ReviewForm;
import de.sipa.responsibilities.ReviewId;
import de.sipa.responsibilities.Reviews;
import de.sipa.responsibilities.TopicDetails;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.RuleViolationException;

@SipaIntegrationTest
class MeetingsTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    Meetings meetings;

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Bodies bodies;

    @Autowired
    MeetingMinutes minutes;

    @Autowired
    FollowUpBoard board;

    @Autowired
    AgendaProposals proposals;

    @Autowired
    MeetingMaterials materials;

    @Autowired
    Reviews reviews;

    @Autowired
    Responsibilities responsibilities;

    City city;
    MeetingId meeting;

    @BeforeEach
    void meeting() {
        city = fixtures.city();
        meeting = as(() -> {
            var officer = people.get(city.officer());
            var details = officer.details();
            people.update(city.officer(), new PersonDetails(details.organisationId(), details.salutation(),
                    details.firstName(), details.lastName(), details.function(), details.phone(), details.mobile(),
                    "paula-" + city.key() + "@polizei.example", details.districts()));
            return meetings.schedule(new MeetingDetails(city.steeringGroup().value(), "Lenkungsgruppe Frühjahr",
                    LocalDateTime.of(2027, 3, 10, 14, 0), LocalDateTime.of(2027, 3, 10, 16, 0), "Rathaus, Saal 3", null));
        });
    }

    @Test
    void theInvitationIsAnIcsWithTheMembersAndUpdatesAndTheCancellationKeepTheUid() throws Exception {
        assertThat(as(() -> meetings.invite(meeting))).isEqualTo(1);
        var invitation = calendar(latestIcs());
        var event = (VEvent) invitation.getComponents().get(0);
        assertThat(invitation.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("REQUEST");
        assertThat(event.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo(meeting.value() + "@sipa");
        assertThat(event.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("0");
        List<Property> attendees = event.getProperties(Property.ATTENDEE);
        assertThat(attendees.stream().map(Property::getValue).toList())
                .containsExactly("mailto:paula-" + city.key() + "@polizei.example");
        assertThat(event.getProperty(Property.DTSTART).orElseThrow().getValue()).isEqualTo("20270310T130000Z");

        as(() -> meetings.reschedule(meeting, new MeetingDetails(city.steeringGroup().value(), "Lenkungsgruppe Frühjahr",
                LocalDateTime.of(2027, 3, 11, 14, 0), LocalDateTime.of(2027, 3, 11, 16, 0), "Rathaus, Saal 3", null)));
        var update = (VEvent) calendar(latestIcs()).getComponents().get(0);
        assertThat(update.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo(meeting.value() + "@sipa");
        assertThat(update.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("1");

        as(() -> meetings.cancel(meeting, "Terminkollision"));
        var cancellation = calendar(latestIcs());
        assertThat(cancellation.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("CANCEL");
        var cancelled = (VEvent) cancellation.getComponents().get(0);
        assertThat(cancelled.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo(meeting.value() + "@sipa");
        assertThat(cancelled.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("2");
        assertThat(cancelled.getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CANCELLED");
        assertThat(jdbc.sql("SELECT subject || ' | ' || body FROM notifications_mail WHERE partnership_id = ? "
                + "AND attachment_name LIKE '%.ics' ORDER BY created_at, id").param(city.id().value())
                .query(String.class).list()).containsExactly(
                        "Einladung: " + steeringGroupName() + " am 10.03.2027 um 14:00 Uhr | Guten Tag Paula Polizei-"
                                + city.key() + ",\n\nEinladung zur Sitzung „Lenkungsgruppe Frühjahr“ ("
                                + steeringGroupName() + ") am 10.03.2027 um 14:00 Uhr, Rathaus, Saal 3.\n\n"
                                + "Die Kalenderdatei liegt bei.",
                        "Geänderte Einladung: " + steeringGroupName() + " am 11.03.2027 um 14:00 Uhr | Guten Tag Paula "
                                + "Polizei-" + city.key() + ",\n\nGeänderte Einladung zur Sitzung „Lenkungsgruppe "
                                + "Frühjahr“ (" + steeringGroupName() + ") am 11.03.2027 um 14:00 Uhr, Rathaus, Saal 3.\n\n"
                                + "Die Kalenderdatei liegt bei.",
                        "Absage: " + steeringGroupName() + " am 11.03.2027 um 14:00 Uhr | Guten Tag Paula Polizei-"
                                + city.key() + ",\n\nAbsage zur Sitzung „Lenkungsgruppe Frühjahr“ ("
                                + steeringGroupName() + ") am 11.03.2027 um 14:00 Uhr, Rathaus, Saal 3.\n\n"
                                + "Grund: Terminkollision\n\nDie Kalenderdatei liegt bei.");
    }

    private String steeringGroupName() {
        return as(() -> bodies.get(city.steeringGroup())).name();
    }

    @Test
    void decisionNumbersHaveNoGapsOrDuplicatesWhenTakenAtTheSameTime() throws Exception {
        var pool = Executors.newFixedThreadPool(8);
        var tasks = new ArrayList<Callable<String>>();
        for (int i = 0; i < 24; i++) {
            var wording = "Beschluss " + i;
            tasks.add(() -> as(() -> meetings.decide(meeting, null, wording, null, null).reference()));
        }
        var references = new ArrayList<String>();
        for (var future : pool.invokeAll(tasks)) {
            references.add(future.get());
        }
        pool.shutdown();
        var expected = new ArrayList<String>();
        for (int i = 1; i <= 24; i++) {
            expected.add(String.format("LG-2027-%02d", i));
        }
        assertThat(references).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void confidentialItemsAreSeenByTheBodysOrganisationsOnlyAndActionItemsNeedAnOwner() {
        as(() -> {
            meetings.addAgendaItem(meeting, "Lagebild Polizei", null, null, true);
            meetings.addAgendaItem(meeting, "Öffentlichkeitsarbeit", null, null, false);
            return null;
        });
        login(city.policeUser());
        assertThat(meetings.agenda(meeting)).extracting(AgendaItem::title)
                .containsExactly("Lagebild Polizei", "Öffentlichkeitsarbeit");
        login(city.publicOrderUser());
        assertThat(meetings.agenda(meeting)).extracting(AgendaItem::title).containsExactly("Öffentlichkeitsarbeit");
        SecurityContextHolder.clearContext();

        var decision = as(() -> meetings.decide(meeting, null, "Beleuchtung Palastgarten verbessern", "einstimmig", null));
        as(() -> meetings.assign(meeting, decision.id(), "Angebot für Leuchten einholen", city.publicOrder(), null,
                LocalDate.of(2027, 4, 30)));
        assertThat(as(() -> board.followUps(FollowUpQuery.OPEN))).singleElement().satisfies(followUp -> {
            assertThat(followUp.item().title()).isEqualTo("Angebot für Leuchten einholen");
            assertThat(followUp.decisionReference()).isEqualTo(decision.reference());
            assertThat(followUp.body()).isEqualTo(city.steeringGroup());
        });
        assertThatThrownBy(() -> as(() -> meetings.assign(meeting, null, " ", city.publicOrder(), null,
                LocalDate.of(2027, 4, 30)))).hasMessage("actionItem.incomplete");
    }

    @Test
    void decisionsOnAConfidentialItemAreSeenByTheBodysOrganisationsOnly() {
        var secret = as(() -> meetings.addAgendaItem(meeting, "Lagebild Polizei", null, null, true));
        var open = as(() -> meetings.addAgendaItem(meeting, "Öffentlichkeitsarbeit", null, null, false));
        as(() -> meetings.decide(meeting, secret, "Verdeckte Maßnahme am Bahnhof", null, null));
        as(() -> meetings.decide(meeting, open, "Pressemitteilung herausgeben", null, null));
        as(() -> meetings.decide(meeting, null, "Nächste Sitzung im Mai", null, null));

        login(city.policeUser());
        assertThat(meetings.decisions(meeting)).extracting(Decision::wording).containsExactlyInAnyOrder(
                "Verdeckte Maßnahme am Bahnhof", "Pressemitteilung herausgeben", "Nächste Sitzung im Mai");
        login(city.publicOrderUser());
        assertThat(meetings.decisions(meeting)).extracting(Decision::wording)
                .containsExactlyInAnyOrder("Pressemitteilung herausgeben", "Nächste Sitzung im Mai");
        SecurityContextHolder.clearContext();
    }

    @Test
    void actionItemsOfConfidentialDecisionsAreSeenByMembersAndTheirOwnerOnlyAndGetAConfidentialStandingItem() {
        var secret = as(() -> meetings.addAgendaItem(meeting, "Lagebild Polizei", null, null, true));
        var open = as(() -> meetings.addAgendaItem(meeting, "Öffentlichkeitsarbeit", null, null, false));
        var covert = as(() -> meetings.decide(meeting, secret, "Verdeckte Maßnahme am Bahnhof", null, null));
        var press = as(() -> meetings.decide(meeting, open, "Pressemitteilung herausgeben", null, null));
        as(() -> {
            meetings.assign(meeting, covert.id(), "Observation vorbereiten", city.police(), null, LocalDate.of(2027, 5, 1));
            meetings.assign(meeting, covert.id(), "Sperrzeiten prüfen", city.publicOrder(), null, LocalDate.of(2027, 5, 2));
            meetings.assign(meeting, press.id(), "Presse einladen", city.publicOrder(), null, LocalDate.of(2027, 5, 3));
        });

        login(city.publicOrderUser());
        assertThat(meetings.actionItems(meeting)).extracting(ActionItem::title)
                .containsExactlyInAnyOrder("Sperrzeiten prüfen", "Presse einladen");
        assertThat(board.followUps(FollowUpQuery.OPEN)).extracting(f -> f.item().title())
                .contains("Sperrzeiten prüfen", "Presse einladen").doesNotContain("Observation vorbereiten");
        login(city.policeUser());
        assertThat(meetings.actionItems(meeting)).hasSize(3);
        assertThat(board.followUps(FollowUpQuery.OPEN)).extracting(f -> f.item().title())
                .contains("Observation vorbereiten", "Sperrzeiten prüfen", "Presse einladen");
        SecurityContextHolder.clearContext();

        var next = as(() -> meetings.schedule(new MeetingDetails(city.steeringGroup().value(), "Lenkungsgruppe Sommer",
                LocalDateTime.of(2027, 6, 10, 14, 0), LocalDateTime.of(2027, 6, 10, 16, 0), null, null)));
        var standing = as(() -> meetings.agenda(next)).stream()
                .filter(i -> i.title().equals(Meetings.ACTION_ITEMS_REVIEW)).toList();
        assertThat(standing).hasSize(2);
        var published = standing.stream().filter(i -> !i.confidential()).findFirst().orElseThrow();
        assertThat(published.description()).contains("Presse einladen").doesNotContain("Observation", "Sperrzeiten");
        var confidential = standing.stream().filter(AgendaItem::confidential).findFirst().orElseThrow();
        assertThat(confidential.description()).contains("Observation vorbereiten", "Sperrzeiten prüfen");
    }

    @Test
    void overdueActionItemsAreRemindedWeeklyAndListedOnTheNextAgenda() {
        as(() -> meetings.assign(meeting, null, "Streifenplan abstimmen", city.police(), null, LocalDate.of(2031, 5, 2)));
        meetings.remindOverdue(LocalDate.of(2031, 5, 2));
        assertThat(reminders()).as("due today is not overdue").isEmpty();
        meetings.remindOverdue(LocalDate.of(2031, 5, 5));
        assertThat(reminders()).containsExactly("polizei-" + city.key() + "@stadt.example");
        meetings.remindOverdue(LocalDate.of(2031, 5, 6));
        assertThat(reminders()).as("once a week").hasSize(1);
        meetings.remindOverdue(LocalDate.of(2031, 5, 12));
        assertThat(reminders()).as("next week").hasSize(2);

        var next = as(() -> meetings.schedule(new MeetingDetails(city.steeringGroup().value(), "Lenkungsgruppe Herbst",
                LocalDateTime.of(2027, 9, 10, 14, 0), LocalDateTime.of(2027, 9, 10, 16, 0), null, null)));
        assertThat(as(() -> meetings.agenda(next))).singleElement().satisfies(item -> {
            assertThat(item.title()).isEqualTo("Stand der Arbeitsaufträge");
            assertThat(item.description()).contains("Streifenplan abstimmen", "02.05.2031");
        });
    }

    @Test
    void theQuorumCountsVotingMembersPresentOrRepresentedAndRecordingMarksTheMeetingHeld() {
        var held = as(() -> meetings.schedule(new MeetingDetails(city.steeringGroup().value(), "Lenkungsgruppe gestern",
                LocalDateTime.now().minusDays(1), LocalDateTime.now().minusDays(1).plusHours(2), null, null)));
        var since = LocalDate.of(2024, 1, 1);
        var third = as(() -> people.create(Fixtures.person(city.police(), "Dora", "Dritte", null)));
        var guest = as(() -> people.create(Fixtures.person(city.police(), "Gustav", "Gast", null)));
        var deputy = as(() -> people.create(Fixtures.person(city.publicOrder(), "Vera", "Vertretung", null)));
        var outsider = as(() -> people.create(Fixtures.person(city.publicOrder(), "Olaf", "Außen", null)));
        as(() -> {
            bodies.join(city.steeringGroup(), new MembershipDetails(city.clerk().value(), MembershipRole.STANDING_MEMBER, since, null));
            bodies.join(city.steeringGroup(), new MembershipDetails(third.value(), MembershipRole.STANDING_MEMBER, since, null));
            bodies.join(city.steeringGroup(), new MembershipDetails(guest.value(), MembershipRole.GUEST, since, null));
        });

        as(() -> meetings.recordAttendance(held, List.of(new Attendance(city.officer(), Attendance.Status.PRESENT, null),
                new Attendance(guest, Attendance.Status.PRESENT, null),
                new Attendance(third, Attendance.Status.EXCUSED, null))));
        var quorum = as(() -> meetings.quorum(held));
        assertThat(quorum.votingMembers()).as("the guest does not vote").isEqualTo(3);
        assertThat(quorum.attending()).isEqualTo(1);
        assertThat(quorum.reached()).isFalse();
        assertThat(as(() -> meetings.get(held)).status()).isEqualTo(MeetingStatus.HELD);
        as(() -> meetings.setQuorumRule(city.steeringGroup(), QuorumRule.AT_LEAST_ONE_THIRD));
        assertThat(as(() -> meetings.quorum(held)).reached()).as("one of three is a third").isTrue();
        as(() -> meetings.setQuorumRule(city.steeringGroup(), QuorumRule.MORE_THAN_HALF));

        as(() -> meetings.recordAttendance(held,
                List.of(new Attendance(city.clerk(), Attendance.Status.REPRESENTED, deputy))));
        assertThat(as(() -> meetings.quorum(held))).satisfies(q -> {
            assertThat(q.attending()).isEqualTo(2);
            assertThat(q.required()).isEqualTo(2);
            assertThat(q.reached()).isTrue();
        });
        assertThat(as(() -> meetings.attendance(held))).hasSize(4)
                .contains(new Attendance(city.clerk(), Attendance.Status.REPRESENTED, deputy));

        assertThatThrownBy(() -> as(() -> meetings.recordAttendance(held,
                List.of(new Attendance(outsider, Attendance.Status.PRESENT, null)))))
                .isInstanceOf(RuleViolationException.class).hasMessage("attendance.notMember");
        assertThatThrownBy(() -> as(() -> meetings.recordAttendance(held,
                List.of(new Attendance(third, Attendance.Status.REPRESENTED, null)))))
                .isInstanceOf(RuleViolationException.class).hasMessage("attendance.representativeRequired");
        assertThatThrownBy(() -> as(() -> meetings.recordAttendance(meeting,
                List.of(new Attendance(city.officer(), Attendance.Status.PRESENT, null)))))
                .as("the spring meeting lies in the future")
                .isInstanceOf(RuleViolationException.class).hasMessage("attendance.tooEarly");
    }

    @Test
    void minutesAreCirculatedCommentedApprovedAndThenOnlyCorrectedInANewVersion() {
        var held = as(() -> meetings.schedule(new MeetingDetails(city.steeringGroup().value(), "Lenkungsgruppe heute",
                LocalDateTime.now().minusHours(3), LocalDateTime.now().minusHours(1), null, null)));
        var situation = as(() -> meetings.addAgendaItem(held, "Lagebild", null, null, true));
        var park = as(() -> meetings.addAgendaItem(held, "Stadtpark", null, null, false));
        assertThatThrownBy(() -> as(() -> minutes.approve(held))).isInstanceOf(RuleViolationException.class)
                .hasMessage("minutes.notCirculated");

        as(() -> minutes.write(held, Map.of(situation, "Einbrüche gestiegen", park, "Beleuchtung beschlossen")));
        assertThat(as(() -> minutes.circulate(held))).as("the member with an e-mail address").isEqualTo(1);
        login(city.policeUser());
        try {
            minutes.comment(held, "Bitte Uhrzeit ergänzen");
        } finally {
            SecurityContextHolder.clearContext();
        }
        login(city.publicOrderUser());
        try {
            assertThatThrownBy(() -> minutes.comment(held, "Von außen")).isInstanceOf(RuleViolationException.class)
                    .hasMessage("minutes.comment.notMember");
            var seen = minutes.current(held).orElseThrow();
            assertThat(seen.texts()).as("the confidential item stays with the members").containsOnlyKeys(park);
            assertThat(seen.comments()).as("and so do the comments").isEmpty();
        } finally {
            SecurityContextHolder.clearContext();
        }
        as(() -> minutes.approve(held));
        var approved = as(() -> minutes.current(held)).orElseThrow();
        assertThat(approved.status()).isEqualTo(MinutesStatus.APPROVED);
        assertThat(approved.approvedBy()).isNotBlank();
        assertThat(approved.comments()).extracting(Minutes.Comment::text).containsExactly("Bitte Uhrzeit ergänzen");
        assertThat(approved.texts()).containsEntry(situation, "Einbrüche gestiegen");
        assertThat(as(() -> meetings.get(held)).status()).isEqualTo(MeetingStatus.MINUTES_APPROVED);

        assertThatThrownBy(() -> as(() -> minutes.write(held, Map.of(park, "nachträglich"))))
                .isInstanceOf(RuleViolationException.class).hasMessage("minutes.approved");
        assertThatThrownBy(() -> as(() -> meetings.decide(held, null, "Nachträglich beschlossen", null, null)))
                .as("approved minutes close the record").isInstanceOf(RuleViolationException.class)
                .hasMessage("meeting.closed");
        assertThatThrownBy(() -> as(() -> meetings.addAgendaItem(held, "Nachtrag", null, null, false)))
                .isInstanceOf(RuleViolationException.class).hasMessage("meeting.closed");
        assertThatThrownBy(() -> as(() -> minutes.correct(held, " "))).isInstanceOf(RuleViolationException.class)
                .hasMessage("minutes.reason.required");
        as(() -> minutes.correct(held, "Uhrzeit fehlte"));
        as(() -> minutes.write(held, Map.of(park, "Beleuchtung beschlossen, ab 18 Uhr")));
        var correction = as(() -> minutes.current(held)).orElseThrow();
        assertThat(correction.version()).isEqualTo(2);
        assertThat(correction.correctionReason()).isEqualTo("Uhrzeit fehlte");
        assertThat(correction.texts()).containsEntry(park, "Beleuchtung beschlossen, ab 18 Uhr")
                .containsEntry(situation, "Einbrüche gestiegen");
        assertThat(jdbc.sql("SELECT text FROM meetings_minutes_text WHERE meeting_id = ? AND version = 1 AND agenda_item_id = ?")
                .params(held.value(), park).query(String.class).single())
                .as("the approved version is kept as it was").isEqualTo("Beleuchtung beschlossen");
    }

    @Test
    void theOwnerReportsProgressOnTheBoardAndTheFiltersAndTheCsvFollow() throws Exception {
        var lights = as(() -> meetings.assign(meeting, null, "Leuchten bestellen", city.publicOrder(), city.clerk(),
                LocalDate.of(2020, 1, 31)));
        as(() -> meetings.assign(meeting, null, "Streifen planen", city.police(), null, LocalDate.of(2099, 1, 31)));

        login("polizei-" + city.key());
        try {
            assertThatThrownBy(() -> board.recordProgress(lights, ActionItemStatus.DONE, "erledigt"))
                    .as("only the owner organisation and the coordination").isInstanceOf(RuleViolationException.class)
                    .hasMessage("actionItem.notOwner");
        } finally {
            SecurityContextHolder.clearContext();
        }
        login("ordnung-" + city.key());
        try {
            board.recordProgress(lights, ActionItemStatus.IN_PROGRESS, "Angebote liegen vor");
            var overdue = board.followUps(new FollowUpQuery(null, null, "open", LocalDate.of(2026, 1, 1)));
            assertThat(overdue).singleElement().satisfies(f -> {
                assertThat(f.item().status()).isEqualTo(ActionItemStatus.IN_PROGRESS);
                assertThat(f.lastNote()).isEqualTo("Angebote liegen vor");
            });
            assertThat(board.followUps(new FollowUpQuery(city.police().value(), null, "open", null)))
                    .extracting(f -> f.item().title()).containsExactly("Streifen planen");

            board.recordProgress(lights, ActionItemStatus.DONE, null);
            assertThat(board.followUps(FollowUpQuery.OPEN)).extracting(f -> f.item().title())
                    .containsExactly("Streifen planen");
            var done = board.followUps(new FollowUpQuery(null, city.steeringGroup().value(), "done", null));
            assertThat(done).singleElement().satisfies(f -> assertThat(f.lastNote())
                    .as("a status without a note keeps the last note").isEqualTo("Angebote liegen vor"));

            var csv = new StringWriter();
            assertThat(board.exportCsv(new FollowUpQuery(null, null, "all", null), csv)).isEqualTo(2);
            var rows = CSVFormat.EXCEL.builder().setDelimiter(';').setHeader()
                    .setSkipHeaderRecord(true).get().parse(new StringReader(csv.toString())).getRecords();
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).get("Auftrag")).isEqualTo("Leuchten bestellen");
            assertThat(rows.get(0).get("Fällig")).isEqualTo("31.01.2020");
            assertThat(rows.get(0).get("Status")).isEqualTo("erledigt");
            assertThat(rows.get(0).get("Verantwortlich")).isEqualTo("Otto Ordnung-" + city.key());
            assertThat(rows.get(0).get("Letzter Stand")).isEqualTo("Angebote liegen vor");
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void membersProposeAgendaItemsUntilTheCutOffAndTheChairsOfficeDecides() {
        assertThat(as(() -> proposals.cutOff(meeting))).isEqualTo(LocalDate.of(2027, 3, 3));
        login(city.publicOrderUser());
        try {
            assertThatThrownBy(() -> proposals.propose(meeting, "Parkplatz", null))
                    .isInstanceOf(RuleViolationException.class).hasMessage("proposal.notMember");
        } finally {
            SecurityContextHolder.clearContext();
        }
        login(city.policeUser());
        UUID kiosk;
        UUID noise;
        try {
            kiosk = proposals.propose(meeting, "Lärm am Kiosk", "Beschwerden seit Mai");
            noise = proposals.propose(meeting, "Feuerwerk", null);
        } finally {
            SecurityContextHolder.clearContext();
        }
        var item = as(() -> proposals.accept(meeting, kiosk));
        assertThat(as(() -> meetings.agenda(meeting))).extracting(AgendaItem::id).contains(item);
        assertThatThrownBy(() -> as(() -> proposals.accept(meeting, kiosk))).hasMessage("proposal.decided");
        assertThatThrownBy(() -> as(() -> proposals.decline(meeting, noise, " ")))
                .hasMessage("proposal.reason.required");
        as(() -> proposals.decline(meeting, noise, "Thema der Ordnungspartnerschaft"));
        assertThat(as(() -> proposals.ofMeeting(meeting))).extracting(AgendaProposal::status)
                .containsExactly(AgendaProposal.Status.ACCEPTED, AgendaProposal.Status.DECLINED);

        var soon = as(() -> meetings.schedule(new MeetingDetails(city.steeringGroup().value(), "Kurzfristig",
                LocalDateTime.now().plusDays(3), LocalDateTime.now().plusDays(3).plusHours(1), null, null)));
        login(city.policeUser());
        try {
            assertThatThrownBy(() -> proposals.propose(soon, "Zu spät", null)).isInstanceOf(RuleViolationException.class)
                    .hasMessage("proposal.tooLate");
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void materialIsVersionedByNameCheckedByContentAndKeptFromNonMembersOfConfidentialItems() {
        var open = as(() -> meetings.addAgendaItem(meeting, "Stadtpark", null, null, false));
        var secret = as(() -> meetings.addAgendaItem(meeting, "Ermittlungen", null, null, true));
        var pdf = "%PDF-1.4 Lageplan".getBytes(StandardCharsets.US_ASCII);
        var first = as(() -> materials.attach(meeting, open, "Lageplan.pdf", pdf));
        var second = as(() -> materials.attach(meeting, open, "Lageplan.pdf", "%PDF-1.4 neu".getBytes(StandardCharsets.US_ASCII)));
        assertThat(first.version()).isEqualTo(1);
        assertThat(second.version()).isEqualTo(2);
        var hidden = as(() -> materials.attach(meeting, secret, "Bericht.pdf", pdf));

        assertThatThrownBy(() -> as(() -> materials.attach(meeting, open, "tool.pdf", "MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1))))
                .as("a program named .pdf").isInstanceOf(RuleViolationException.class).hasMessage("material.type");
        assertThatThrownBy(() -> as(() -> materials.attach(meeting, open, "setup.exe", pdf)))
                .isInstanceOf(RuleViolationException.class).hasMessage("material.type");
        var big = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy(pdf, 0, big, 0, pdf.length);
        assertThatThrownBy(() -> as(() -> materials.attach(meeting, open, "gross.pdf", big)))
                .isInstanceOf(RuleViolationException.class).hasMessage("material.tooLarge");

        assertThat(as(() -> materials.download(meeting, first.id())).content()).isEqualTo(pdf);
        login(city.publicOrderUser());
        try {
            assertThat(materials.ofMeeting(meeting)).extracting(Material::id).containsExactly(second.id(), first.id());
            assertThatThrownBy(() -> materials.download(meeting, hidden.id())).isInstanceOf(NotFoundException.class);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void aDecisionThatChangesResponsibilitiesNamesItsReview() {
        var review = as(() -> {
            var night = responsibilities.createTopic(new TopicDetails("Nachtruhe " + city.key(), null, null, true));
            responsibilities.assign(new EntryDetails(night.value(), null, null, city.police().value(),
                    Responsibility.LEAD, null, null, "Start"));
            return reviews.open(new ReviewForm("Aufgabenkritik Nacht", LocalDate.now().plusDays(14), List.of(),
                    List.of()));
        });
        var decision = as(() -> meetings.decide(meeting, null, "Nachtstreifen neu verteilen", null, review));
        assertThat(as(() -> meetings.decisions(meeting))).singleElement()
                .satisfies(d -> assertThat(d.review()).isEqualTo(review));
        assertThat(decision.review()).isEqualTo(review);
        assertThatThrownBy(() -> as(() -> meetings.decide(meeting, null, "Fremde Runde", null,
                new ReviewId(UUID.randomUUID())))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void upcomingMeetingsComeEarliestFirstInPagesAndPastOnesLatestFirst() {
        for (var month : List.of(6, 4, 5)) {
            as(() -> meetings.schedule(new MeetingDetails(city.steeringGroup().value(), "Sitzung " + month,
                    LocalDateTime.of(2030, month, 1, 10, 0), LocalDateTime.of(2030, month, 1, 12, 0), null, null)));
        }
        var first = as(() -> meetings.page(city.steeringGroup().value(), true, PageRequest.of(0, 2)));
        assertThat(first.getTotalElements()).as("with the spring meeting of 2027").isEqualTo(4);
        assertThat(first.getContent()).extracting(Meeting::title)
                .containsExactly("Lenkungsgruppe Frühjahr", "Sitzung 4");
        assertThat(as(() -> meetings.page(city.steeringGroup().value(), true, PageRequest.of(1, 2))).getContent())
                .extracting(Meeting::title).containsExactly("Sitzung 5", "Sitzung 6");
        assertThat(as(() -> meetings.page(city.steeringGroup().value(), false, PageRequest.of(0, 2))).getContent())
                .isEmpty();
    }

    private List<String> reminders() {
        return jdbc.sql("SELECT recipient FROM notifications_mail WHERE partnership_id = ? AND subject = ?")
                .params(city.id().value(), "Arbeitsauftrag überfällig: Streifenplan abstimmen").query(String.class)
                .list();
    }

    private String latestIcs() {
        var bytes = jdbc.sql("""
                SELECT attachment FROM notifications_mail WHERE partnership_id = ? AND attachment_name LIKE '%.ics'
                ORDER BY created_at DESC, id LIMIT 1""").param(city.id().value()).query(byte[].class).single();
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static Calendar calendar(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private void login(String username) {
        var user = fixtures.user(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    private <T> T as(Supplier<T> work) {
        return CurrentUser.runAs(SipaUser.system(city.id()), work);
    }

    private void as(Runnable work) {
        CurrentUser.runAs(SipaUser.system(city.id()), work);
    }
}

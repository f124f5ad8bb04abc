package de.sipa;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.partners.DistrictId;
import de.sipa.partners.Partnerships;
import de.sipa.partners.PublicBody;
import de.sipa.responsibilities.Responsibilities;
import de.sipa.responsibilities.TopicId;
import de.sipa.shared.DemoStory;
import de.sipa.shared.PartnershipId;
import de.sipa.situation.HotspotSource;
import de.sipa.situation.NearRepeatAnalysis;
import de.sipa.situation.NearRepeatQuery;

/**
 * The Musterstadt demo as one consistent story: loaded once (the demo profile, {@link DemoIntegrationTest}), then
 * read as a coordinator would check it.
 */
@DemoIntegrationTest
class MusterstadtDemoTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Partnerships partnerships;

    @Autowired
    Responsibilities responsibilities;

    @Autowired
    Clock clock;

    /** The day the demo was loaded, which the story is dated from (a run may pass midnight after it). */
    @Autowired
    DemoStory story;

    @Autowired
    NearRepeatAnalysis nearRepeats;

    @Autowired
    de.sipa.partners.Bodies bodies;

    PartnershipId musterstadt;

    /** A report with what its history says about its routing. */
    record Routed(UUID id, TopicId topic, DistrictId district, Instant submittedAt, UUID assignee, UUID routedTo,
            Instant routedAt, boolean recategorised, boolean reassigned) {
    }

    @BeforeEach
    void musterstadt() {
        musterstadt = partnerships.bySlug("musterstadt").orElseThrow().id();
    }

    @Test
    void theTaggersSeriesInTheNeckarblickEstateIsANearRepeat() {
        var today = story.today();
        var graffiti = CurrentUser.runAs(SipaUser.system(musterstadt), () -> nearRepeats.analyse(new NearRepeatQuery(
                today.minusYears(1).plusDays(1), today, "graffiti", HotspotSource.ALL, 100, 4, 7, 4)));
        var first = graffiti.rows().get(0).cells().get(0);
        assertThat(graffiti.events()).isGreaterThan(100);
        assertThat(first.observed()).isGreaterThanOrEqualTo(17);
        assertThat(first.ratio()).isGreaterThan(1.3);
        assertThat(first.significant()).as("%s", graffiti).isTrue();
    }

    @Autowired
    de.sipa.goals.Goals goals;

    @Test
    void theSteeringGroupSetGoalsForThisYearAndLastYearOfWhichOneWasMissedAndMusterstadtPublishesOpenData() {
        int year = story.today().getYear();
        var lastYear = CurrentUser.runAs(SipaUser.system(musterstadt), () -> goals.progress(musterstadt, year - 1));
        var thisYear = CurrentUser.runAs(SipaUser.system(musterstadt), () -> goals.progress(musterstadt, year));
        assertThat(lastYear).hasSize(3);
        assertThat(thisYear).hasSize(4);
        assertThat(lastYear).filteredOn(p -> p.status() == de.sipa.goals.GoalStatus.MISSED)
                .extracting(p -> p.goal().title()).as("%s", lastYear).containsExactly("Weniger Meldungen über Trinkergruppen");
        assertThat(lastYear).filteredOn(p -> p.status() == de.sipa.goals.GoalStatus.ACHIEVED).as("%s", lastYear)
                .isNotEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM opendata_dataset WHERE partnership_id = ? AND row_count > 0")
                .param(musterstadt.value()).query(Long.class).single()).isGreaterThanOrEqualTo(3);
        assertThat(jdbc.sql("SELECT contributor_id FROM opendata_setting WHERE partnership_id = ?")
                .param(musterstadt.value()).query(String.class).single())
                .startsWith("http://dcat-ap.de/def/contributors/");
    }

    @Test
    void oneBodyIsConfidentialAndLeftOutOfThePublicOnes() {
        assertThat(jdbc.sql("SELECT name FROM partners_body WHERE partnership_id = ? AND confidential")
                .param(musterstadt.value()).query(String.class).list())
                .containsExactly("Fallkonferenz junge Mehrfachtatverdächtige");
        assertThat(CurrentUser.runAs(SipaUser.system(musterstadt), () -> bodies.publicBodies(musterstadt)))
                .extracting(PublicBody::name).hasSize(4)
                .doesNotContain("Fallkonferenz junge Mehrfachtatverdächtige");
    }

    @Test
    void aPoliceOfficerSecondedToTheCitysSecurityCoordinationWorksForBoth() {
        var organisations = jdbc.sql("""
                SELECT o.name FROM partners_person p JOIN partners_organisation o ON o.id = p.organisation_id
                WHERE p.partnership_id = ? AND p.last_name = 'Reinhardt'
                UNION ALL
                SELECT o.name FROM partners_affiliation a JOIN partners_organisation o ON o.id = a.organisation_id
                JOIN partners_person p ON p.id = a.person_id WHERE p.partnership_id = ? AND p.last_name = 'Reinhardt'""")
                .params(musterstadt.value(), musterstadt.value()).query(String.class).list();
        assertThat(organisations).containsExactly("Polizeipräsidium Musterstadt",
                "Stadt Musterstadt – Kommunale Kriminalprävention");
    }

    @Test
    void everyReportWentToWhoLeadsItsTopicInItsDistrictWhenItCameInElseToTheCoordinator() {
        var reports = routedReports();
        assertThat(reports).hasSizeGreaterThan(3000);
        Map<String, Integer> expected = new TreeMap<>();
        Map<String, Integer> actual = new TreeMap<>();
        for (var report : reports) {
            // A re-categorised report was routed again by the matrix at that moment; the others when they came in.
            var at = report.recategorised() ? report.routedAt() : report.submittedAt();
            var lead = report.topic() == null ? null
                    : responsibilities.whoLeads(report.topic(), report.district(), at).lead()
                            .map(o -> o.value()).orElse(null);
            assertThat(report.routedTo()).as("routing of %s", report.id()).isEqualTo(lead);
            if (!report.reassigned()) {
                assertThat(report.assignee()).as("assignee of %s", report.id()).isEqualTo(lead);
            }
            expected.merge(Objects.toString(lead, "Koordination"), 1, Integer::sum);
            actual.merge(Objects.toString(report.routedTo(), "Koordination"), 1, Integer::sum);
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(actual).as("organisations with reports, and the coordinator").hasSizeGreaterThanOrEqualTo(7)
                .containsKey("Koordination");
    }

    @Test
    void theOrganisationsSupportingOrInformedByTheMatrixWereToldOfEachReportAndMayReadIt() {
        Map<UUID, java.util.Set<UUID>> told = new HashMap<>();
        jdbc.sql("""
                SELECT e.report_id, e.organisation_id FROM reports_event e JOIN reports_report r ON r.id = e.report_id
                WHERE r.partnership_id = ? AND e.kind = 'NOTIFIED'""").param(musterstadt.value())
                .query((ResultSet rs) -> {
                    told.computeIfAbsent(rs.getObject(1, UUID.class), k -> new java.util.HashSet<>())
                            .add(rs.getObject(2, UUID.class));
                });
        int checked = 0;
        for (var report : routedReports()) {
            if (report.recategorised() || report.topic() == null) {
                continue;
            }
            var leadership = responsibilities.whoLeads(report.topic(), report.district(), report.submittedAt());
            var expected = new java.util.HashSet<UUID>();
            leadership.supporters().forEach(o -> expected.add(o.value()));
            leadership.informed().forEach(o -> expected.add(o.value()));
            assertThat(told.getOrDefault(report.id(), java.util.Set.of())).as("told of %s", report.id())
                    .isEqualTo(expected);
            checked++;
        }
        assertThat(checked).isGreaterThan(3000);
        assertThat(told).as("reports some organisation was told of").hasSizeGreaterThan(100);
    }

    @Test
    void reportsSpreadOverTheLastTwoYearsAndNoneIsInTheFuture() {
        var now = clock.instant();
        var months = jdbc.sql("""
                SELECT to_char(submitted_at AT TIME ZONE 'Europe/Berlin', 'YYYY-MM') AS month, count(*) FROM reports_report
                WHERE partnership_id = ? GROUP BY 1""").param(musterstadt.value())
                .query((rs, n) -> Map.entry(YearMonth.parse(rs.getString(1)), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        var thisMonth = YearMonth.from(story.today());
        for (int back = 1; back <= DemoStory.MONTHS - 1; back++) {
            assertThat(months.getOrDefault(thisMonth.minusMonths(back), 0L)).as("reports in %s", thisMonth.minusMonths(back))
                    .isGreaterThan(40);
        }
        var span = jdbc.sql("SELECT min(submitted_at), max(submitted_at), max(updated_at) FROM reports_report WHERE partnership_id = ?")
                .param(musterstadt.value()).query((rs, n) -> new Instant[] {rs.getTimestamp(1).toInstant(),
                        rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()}).single();
        assertThat(span[0]).isAfterOrEqualTo(story.today().minusMonths(DemoStory.MONTHS).atStartOfDay(clock.getZone()).toInstant());
        assertThat(span[1]).isBefore(now);
        assertThat(span[2]).as("nothing happened after now").isBefore(now);
        var futureEvents = jdbc.sql("SELECT count(*) FROM reports_event WHERE occurred_at > ?").param(java.sql.Timestamp.from(now))
                .query(Long.class).single();
        assertThat(futureEvents).isZero();
        // Seasons: lighting in the dark months, noise in summer. Twice, not more: the story's measures (the LED
        // lighting, the joint patrol) quieten one of the two winters or summers, which ones depends on the day loaded.
        assertThat(countIn("beleuchtung", "12,1,2")).isGreaterThan(2 * countIn("beleuchtung", "6,7,8"));
        assertThat(countIn("laerm", "6,7,8")).isGreaterThan(2 * countIn("laerm", "12,1,2"));
    }

    @Test
    void mostAreClosedWithANoteAndSomeAreOverdueEscalatedHandedBackMergedOrRecategorised() {
        var p = musterstadt.value();
        long all = count("SELECT count(*) FROM reports_report WHERE partnership_id = ?", p);
        long closed = count("SELECT count(*) FROM reports_report WHERE partnership_id = ? AND closed_at IS NOT NULL", p);
        long closedWithNote = count("""
                SELECT count(*) FROM reports_report WHERE partnership_id = ? AND closed_at IS NOT NULL
                  AND public_note IS NOT NULL""", p);
        assertThat(closed).isGreaterThan(all * 8 / 10).isLessThan(all);
        assertThat(closedWithNote).isGreaterThan(closed * 8 / 10);
        assertThat(count("""
                SELECT count(*) FROM reports_report WHERE partnership_id = ? AND closed_at IS NULL AND deadline < now()
                  AND escalated_at IS NOT NULL""", p)).as("overdue and escalated").isGreaterThan(5);
        assertThat(count("""
                SELECT count(*) FROM reports_report WHERE partnership_id = ? AND closed_at IS NULL
                  AND deadline < now() - interval '15 minutes' AND escalated_at IS NULL AND assignee_id IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM reports_event e WHERE e.report_id = reports_report.id
                                  AND e.kind IN ('HANDED_BACK', 'REROUTED'))""", p))
                .as("overdue but not escalated").isZero();
        assertThat(count("""
                SELECT count(DISTINCT r.id) FROM reports_report r JOIN reports_event e ON e.report_id = r.id
                WHERE r.partnership_id = ? AND e.kind = 'HANDED_BACK'""", p)).as("handed back").isGreaterThan(20);
        assertThat(count("""
                SELECT count(*) FROM reports_report r WHERE r.partnership_id = ? AND r.assignee_id IS NULL
                  AND r.closed_at IS NULL AND EXISTS (SELECT 1 FROM reports_event e WHERE e.report_id = r.id
                  AND e.kind = 'HANDED_BACK')""", p)).as("handed back, waiting for the coordinator").isPositive();
        assertThat(count("""
                SELECT count(*) FROM reports_report d JOIN reports_report o ON o.id = d.duplicate_of
                WHERE d.partnership_id = ? AND d.status = 'FORWARDED' AND d.public_note = 'Zusammengeführt mit Anliegen ' || o.public_id
                  AND d.closed_at < coalesce(o.closed_at, now())""", p)).as("merged duplicates").isGreaterThan(20);
        assertThat(count("""
                SELECT count(DISTINCT r.id) FROM reports_report r JOIN reports_event e ON e.report_id = r.id
                WHERE r.partnership_id = ? AND e.kind = 'RECATEGORISED'""", p)).as("re-categorised").isGreaterThan(20);
        assertThat(count("SELECT count(*) FROM reports_report WHERE partnership_id = ? AND closed_at IS NULL AND status = 'NEW'", p))
                .isPositive();
        assertThat(count("SELECT count(*) FROM reports_report WHERE partnership_id = ? AND status = 'IN_PROGRESS'", p))
                .isPositive();
        for (var source : List.of("CITIZEN", "OPEN311", "PARTNER")) {
            assertThat(count("SELECT count(*) FROM reports_report WHERE partnership_id = ? AND source = '" + source + "'", p))
                    .as(source).isGreaterThan(100);
        }
        assertThat(count("SELECT count(*) FROM reports_report WHERE partnership_id = ? AND source = 'PATROL'", p))
                .as("PATROL").isGreaterThan(patrolNights() / 2);
        // Statuses agree with the history: a closed report's last status change closed it, at its closing time.
        assertThat(count("""
                SELECT count(*) FROM reports_report r WHERE r.partnership_id = ? AND r.closed_at IS NOT NULL
                  AND r.duplicate_of IS NULL AND NOT EXISTS (SELECT 1 FROM reports_event e WHERE e.report_id = r.id
                  AND e.kind = 'STATUS_CHANGED' AND e.occurred_at = r.closed_at AND e.status = r.status)""", p))
                .isZero();
        assertThat(count("""
                SELECT count(*) FROM reports_report WHERE partnership_id = ? AND public_id IS NOT NULL
                  AND split_part(public_id, '-', 1)::int <> extract(year FROM submitted_at AT TIME ZONE 'Europe/Berlin')
                  AND status <> 'MODERATION' AND category_id NOT IN (SELECT id FROM reports_category WHERE moderated)""", p))
                .as("numbered in the year they came in").isLessThan(5);
    }

    @Test
    void reportsClusterAtThePalastgartenTheHauptbahnhofAndTheNeckarblickEstateInsideTheDistricts() {
        var points = jdbc.sql("""
                SELECT latitude, longitude, district_id FROM reports_report
                WHERE partnership_id = ? AND latitude IS NOT NULL""").param(musterstadt.value())
                .query((rs, n) -> new Object[] {rs.getDouble(1), rs.getDouble(2), rs.getObject(3, UUID.class)}).list();
        int clustered = 0;
        for (var point : points) {
            double lat = (double) point[0];
            double lon = (double) point[1];
            var location = partnerships.locate(musterstadt, lat, lon, 30);
            assertThat(location.district().map(DistrictId::value)).contains((UUID) point[2]);
            assertThat(location.nearBoundary()).isFalse();
            if (metres(lat, lon, 48.7818, 9.1832) < 300 || metres(lat, lon, 48.7829, 9.18) < 300
                    || metres(lat, lon, 48.7625, 9.2455) < 300) {
                clustered++;
            }
        }
        assertThat(clustered).as("share at the three places").isGreaterThan(points.size() * 4 / 10);
    }

    @Test
    void patrolsAreWalkedByPoliceOfficersAndOrdnungsamtStaffOfTheirPlanOnly() {
        record Duty(UUID personOrganisation, UUID dutyOrganisation, boolean inPlan, String function) {
        }
        var duties = jdbc.sql("""
                SELECT p.organisation_id, d.organisation_id, s.organisation_id IS NOT NULL, p.function
                FROM operations_patrol_duty d JOIN operations_patrol pa ON pa.id = d.patrol_id
                JOIN partners_person p ON p.id = d.person_id
                LEFT JOIN operations_patrol_staffing s ON s.plan_id = pa.plan_id AND s.organisation_id = d.organisation_id
                WHERE pa.partnership_id = ?""").param(musterstadt.value())
                .query((rs, n) -> new Duty(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getBoolean(3),
                        rs.getString(4))).list();
        long nights = patrolNights();
        assertThat(duties).hasSizeGreaterThan((int) (3 * nights));
        assertThat(duties).allSatisfy(duty -> {
            assertThat(duty.inPlan()).isTrue();
            assertThat(duty.personOrganisation()).isEqualTo(duty.dutyOrganisation());
            assertThat(duty.function()).as("no head of an authority walks patrols")
                    .doesNotContainIgnoringCase("leiter").doesNotContainIgnoringCase("präsident")
                    .doesNotContainIgnoringCase("direktor").doesNotContainIgnoringCase("bürgermeister");
        });
        // The patrol's observations fed the contact point: each report of source "patrol" came from an observation.
        var p = musterstadt.value();
        long fromPatrols = count("SELECT count(*) FROM reports_report WHERE partnership_id = ? AND source = 'PATROL'", p);
        assertThat(count("""
                SELECT count(*) FROM operations_patrol_observation o JOIN reports_report r ON r.id = o.report_id
                JOIN operations_patrol pa ON pa.id = o.patrol_id
                WHERE r.partnership_id = ? AND r.source = 'PATROL' AND r.category_id = o.category_id
                  AND r.submitted_at BETWEEN pa.starts_at AND pa.ends_at AND NOT pa.cancelled""", p))
                .isEqualTo(fromPatrols).isGreaterThan(nights / 2);
        assertThat(count("""
                SELECT count(*) FROM operations_patrol_report pr JOIN operations_patrol pa ON pa.id = pr.patrol_id
                WHERE pa.partnership_id = ?""", p)).isGreaterThan(nights / 2);
    }

    @Test
    void meetingsFollowTheStoryWithDistinctAgendaItemsDecisionsMaterialAndApprovedMinutes() {
        var p = musterstadt.value();
        var titles = jdbc.sql("""
                SELECT i.title FROM meetings_agenda_item i JOIN meetings_meeting m ON m.id = i.meeting_id
                WHERE m.partnership_id = ?""").param(p).query(String.class).list();
        var repeated = titles.stream().collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new,
                Collectors.counting())).entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        assertThat(repeated).as("agenda titles used more than once").isEmpty();
        assertThat(titles).hasSizeGreaterThan(40);
        var decisions = jdbc.sql("""
                SELECT wording FROM meetings_decision WHERE partnership_id = ?""").param(p).query(String.class).list();
        assertThat(decisions).hasSizeGreaterThan(15).doesNotHaveDuplicates();
        assertThat(decisions).anyMatch(d -> d.contains("LED") && d.contains("Palastgarten"));
        assertThat(count("""
                SELECT count(*) FROM meetings_meeting m WHERE m.partnership_id = ? AND m.starts_at < now()
                  AND m.status = 'MINUTES_APPROVED'""", p)).isGreaterThan(15);
        assertThat(count("""
                SELECT count(*) FROM meetings_meeting m WHERE m.partnership_id = ? AND m.starts_at < now()
                  AND m.status NOT IN ('MINUTES_APPROVED', 'CANCELLED')""", p)).isZero();
        // The Lenkungsgruppe's year plan: the second Thursdays of January, April, July and October this year, the
        // story's meetings among them and none twice; past dates without one of the story's were called off.
        var today = story.today();
        var steeringDays = jdbc.sql("""
                SELECT m.starts_at, m.status FROM meetings_meeting m JOIN meetings_series s ON s.id = m.series_id
                WHERE s.partnership_id = ? AND s.year = ? ORDER BY m.starts_at""").params(p, today.getYear())
                .query((rs, n) -> Map.entry(rs.getTimestamp(1).toInstant().atZone(clock.getZone()).toLocalDate(),
                        rs.getString(2))).list();
        assertThat(steeringDays).extracting(Map.Entry::getKey).containsExactlyElementsOf(java.util.stream.Stream
                .of(1, 4, 7, 10).map(m -> LocalDate.of(today.getYear(), m, 1).with(
                        java.time.temporal.TemporalAdjusters.dayOfWeekInMonth(2, java.time.DayOfWeek.THURSDAY)))
                .toList());
        assertThat(steeringDays).allSatisfy(e -> assertThat(e.getKey().isBefore(today)
                ? List.of("MINUTES_APPROVED", "CANCELLED") : List.of("PLANNED")).contains(e.getValue()));
        assertThat(count("""
                SELECT count(*) FROM (SELECT 1 FROM meetings_meeting WHERE partnership_id = ?
                GROUP BY body_id, (starts_at AT TIME ZONE 'Europe/Berlin')::date HAVING count(*) > 1) twins""", p))
                .isZero();
        assertThat(count("""
                SELECT count(*) FROM meetings_material ma JOIN meetings_agenda_item i ON i.id = ma.agenda_item_id
                JOIN meetings_meeting m ON m.id = i.meeting_id WHERE m.partnership_id = ?""", p)).isGreaterThan(5);
        var states = jdbc.sql("SELECT DISTINCT status FROM meetings_action_item WHERE partnership_id = ?").param(p)
                .query(String.class).set();
        assertThat(states).contains("OPEN", "IN_PROGRESS", "DONE");
        // The lighting story: the Palastgarten's lighting reports drop after the LED decision was carried out.
        var winterBefore = lightingReportsAtThePalastgarten(story.month(-2), story.month(3));
        var winterAfter = lightingReportsAtThePalastgarten(story.month(10), story.month(15));
        assertThat(winterBefore).isGreaterThan(3 * winterAfter);
        assertThat(count("""
                SELECT count(*) FROM meetings_agenda_link l JOIN meetings_agenda_item i ON i.id = l.agenda_item_id
                JOIN meetings_meeting m ON m.id = i.meeting_id WHERE m.partnership_id = ? AND l.kind = 'REPORT'""", p))
                .isGreaterThan(3);
    }

    private long lightingReportsAtThePalastgarten(LocalDate from, LocalDate to) {
        var zone = clock.getZone();
        return jdbc.sql("""
                SELECT count(*) FROM reports_report r JOIN reports_category c ON c.id = r.category_id
                WHERE r.partnership_id = ? AND c.code = 'beleuchtung' AND r.submitted_at >= ? AND r.submitted_at < ?
                  AND (r.description LIKE '%Palastgarten%' OR r.address LIKE '%Palastgarten%')""")
                .params(musterstadt.value(), java.sql.Timestamp.from(from.atStartOfDay(zone).toInstant()),
                        java.sql.Timestamp.from(to.atStartOfDay(zone).toInstant()))
                .query(Long.class).single();
    }

    private List<Routed> routedReports() {
        Map<UUID, List<Object[]>> events = new HashMap<>();
        jdbc.sql("""
                SELECT e.report_id, e.kind, e.organisation_id, e.occurred_at FROM reports_event e
                JOIN reports_report r ON r.id = e.report_id WHERE r.partnership_id = ? ORDER BY e.occurred_at, e.id""")
                .param(musterstadt.value())
                .query(rs -> {
                    events.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new Object[] {
                        rs.getString(2), rs.getObject(3, UUID.class), rs.getTimestamp(4).toInstant()});
                });
        var reports = new ArrayList<Routed>();
        jdbc.sql("""
                SELECT r.id, c.topic_id, r.district_id, r.submitted_at, r.assignee_id FROM reports_report r
                JOIN reports_category c ON c.id = r.category_id WHERE r.partnership_id = ?""")
                .param(musterstadt.value())
                .query((ResultSet rs) -> {
                    var id = rs.getObject(1, UUID.class);
                    var history = events.getOrDefault(id, List.of());
                    var routings = history.stream().filter(e -> e[0].equals("ROUTED")).toList();
                    if (routings.isEmpty()) {
                        return; // waiting for moderation
                    }
                    boolean recategorised = history.stream().anyMatch(e -> e[0].equals("RECATEGORISED"));
                    boolean reassigned = history.stream().anyMatch(e -> e[0].equals("HANDED_BACK") || e[0].equals("REROUTED"));
                    var routing = recategorised ? routings.get(routings.size() - 1) : routings.get(0);
                    reports.add(new Routed(id, topic(rs), district(rs), rs.getTimestamp(4).toInstant(),
                            rs.getObject(5, UUID.class), (UUID) routing[1], (Instant) routing[2], recategorised,
                            reassigned));
                });
        return reports;
    }

    @Test
    void aShortNoticeRequestWasConfirmedInSixMinutesAndGrewIntoAnEventAnotherIsOpenSinceToday() {
        var requests = jdbc.sql("""
                SELECT r.answer, extract(epoch FROM r.acknowledged_at - r.sent_at) / 60 AS minutes, r.event_id,
                       (r.sent_at AT TIME ZONE 'Europe/Berlin')::date AS sent_on,
                       (SELECT count(*) FROM operations_log_entry l WHERE l.request_id = r.id) AS entries
                FROM operations_urgent_request r WHERE r.partnership_id = ? ORDER BY r.sent_at""")
                .param(musterstadt.value()).query((rs, n) -> new Object[] {rs.getString(1), rs.getObject(2),
                        rs.getObject(3), rs.getObject(4, LocalDate.class), rs.getLong(5)}).list();
        assertThat(requests).hasSize(3);
        var grown = requests.get(0);
        assertThat(grown[0]).isEqualTo("ACCEPTED");
        assertThat(((Number) grown[1]).doubleValue()).isEqualTo(6.0);
        assertThat(grown[2]).isNotNull();
        assertThat(grown[4]).isEqualTo(4L);
        assertThat(jdbc.sql("SELECT count(*) FROM operations_log_entry WHERE event_id = ?").param(grown[2])
                .query(Long.class).single()).isGreaterThan(1L);
        assertThat(requests.get(1)[0]).isEqualTo("DECLINED");
        var open = requests.get(2);
        assertThat(open[0]).isNull();
        assertThat(open[1]).isNull();
        assertThat(open[3]).isEqualTo(story.today());
    }

    private static TopicId topic(ResultSet rs) throws SQLException {
        var id = rs.getObject(2, UUID.class);
        return id == null ? null : new TopicId(id);
    }

    private static DistrictId district(ResultSet rs) throws SQLException {
        var id = rs.getObject(3, UUID.class);
        return id == null ? null : new DistrictId(id);
    }

    private long countIn(String category, String months) {
        return jdbc.sql("""
                SELECT count(*) FROM reports_report r JOIN reports_category c ON c.id = r.category_id
                WHERE r.partnership_id = ? AND c.code = ?
                  AND extract(month FROM r.submitted_at AT TIME ZONE 'Europe/Berlin') IN (%s)""".formatted(months))
                .params(musterstadt.value(), category).query(Long.class).single();
    }

    /**
     * The Friday and Saturday nights since the joint patrol began. The story hangs on the seasons (the patrol begins
     * in May), so a demo loaded in January has eight months of patrols and one loaded in December twenty.
     */
    private long patrolNights() {
        return story.patrolsBegin().datesUntil(story.today())
                .filter(d -> d.getDayOfWeek() == java.time.DayOfWeek.FRIDAY || d.getDayOfWeek() == java.time.DayOfWeek.SATURDAY)
                .count();
    }

    private long count(String sql, UUID partnership) {
        return jdbc.sql(sql).param(partnership).query(Long.class).single();
    }

    private static double metres(double lat1, double lon1, double lat2, double lon2) {
        double dy = (lat1 - lat2) * 111_320;
        double dx = (lon1 - lon2) * 111_320 * Math.cos(Math.toRadians(lat1));
        return Math.sqrt(dx * dx + dy * dy);
    }

    @Test
    void theInstitutesSurveyCameThroughTheImportAndTheSenseOfSecurityImprovesMostInThePalastgartensDistrict() {
        // per wave that is not open, the earliest first: how it was answered and the share unsafe alone at night
        var waves = jdbc.sql("""
                SELECT w.mode, count(DISTINCT r.id) AS responses, string_agg(DISTINCT r.source, ',') AS sources,
                    avg(CASE WHEN a.option_code IN ('3', '4') THEN 1.0 ELSE 0 END) FILTER (WHERE d.name = 'Mitte') AS mitte,
                    avg(CASE WHEN a.option_code IN ('3', '4') THEN 1.0 ELSE 0 END) FILTER (WHERE d.name = 'Süd') AS sued
                FROM surveys_wave w JOIN surveys_response r ON r.wave_id = w.id
                JOIN surveys_answer a ON a.response_id = r.id
                JOIN surveys_question q ON q.id = a.question_id AND q.comparable_key = 'safety_night_area'
                LEFT JOIN partners_district d ON d.id = r.district_id
                WHERE w.partnership_id = ? AND w.mode <> 'OPEN'
                GROUP BY w.id, w.mode, w.opens_on ORDER BY w.opens_on""")
                .param(musterstadt.value())
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2), rs.getString(3), rs.getDouble(4),
                        rs.getDouble(5)})
                .list();
        assertThat(waves).extracting(w -> w[0] + " " + w[2]).containsExactly("EXTERNAL IMPORT",
                "INVITATION_CODES WEB", "INVITATION_CODES WEB");
        assertThat(waves).allSatisfy(w -> assertThat((long) w[1]).isBetween(1_900L, 2_100L));
        double mitteBetter = (double) waves.get(0)[3] - (double) waves.get(2)[3];
        double suedBetter = (double) waves.get(0)[4] - (double) waves.get(2)[4];
        assertThat(mitteBetter).as("Mitte, the Palastgarten's district").isGreaterThan(0.15)
                .isGreaterThan(suedBetter + 0.1);
    }

    @Test
    void theReadingMentorsHaveVolunteersInEveryStateTheSeniorsEscortsWereThankedAndEachOfferHasItsProject() {
        var mentors = jdbc.sql("""
                SELECT s.status, s.hours FROM volunteers_sign_up s JOIN volunteers_offer o ON o.id = s.offer_id
                WHERE o.partnership_id = ? AND o.title = 'Lesepaten im Jugendtreff Neckarblick' AND o.status = 'PUBLISHED'
                    AND o.engagement_ends > ?""")
                .params(musterstadt.value(), java.sql.Date.valueOf(story.today()))
                .query((rs, n) -> rs.getString(1) + ":" + rs.getBigDecimal(2).stripTrailingZeros().toPlainString())
                .list();
        assertThat(mentors).containsExactlyInAnyOrder("UNCONFIRMED:0", "CONFIRMED:0", "ACCEPTED:6", "ASSIGNED:14",
                "DECLINED:0");
        var escorts = jdbc.sql("""
                SELECT count(*) FILTER (WHERE s.thanked_at IS NOT NULL), sum(s.hours) FROM volunteers_sign_up s
                JOIN volunteers_offer o ON o.id = s.offer_id
                WHERE o.partnership_id = ? AND o.title = 'Begleitung Seniorensicherheit' AND o.status = 'CLOSED'
                    AND o.engagement_ends < ? AND s.name IS NOT NULL""")
                .params(musterstadt.value(), java.sql.Date.valueOf(story.today()))
                .query((rs, n) -> rs.getInt(1) + "/" + rs.getBigDecimal(2).stripTrailingZeros().toPlainString())
                .single();
        assertThat(escorts).isEqualTo("3/49.5");
        assertThat(jdbc.sql("""
                SELECT o.title || ' → ' || p.title FROM volunteers_offer o
                JOIN prevention_project p ON p.partnership_id = o.partnership_id AND p.id = o.project_id
                WHERE o.partnership_id = ?""").param(musterstadt.value()).query(String.class).list())
                .containsExactlyInAnyOrder("Lesepaten im Jugendtreff Neckarblick → Nachbarschaft Neckarblick",
                        "Begleitung Seniorensicherheit → Seniorensicherheit an der Haustür",
                        "Lichtpaten Palastgarten → Licht und Ruhe im Palastgarten");
    }
}

package de.sipa.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
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
import de.sipa.responsibilities.EntryDetails;
import de.sipa.responsibilities.Responsibilities;
import de.sipa.responsibilities.Responsibility;
import de.sipa.responsibilities.TopicDetails;

/**
 * The day figures (V122) the start pages, goals, district profiles and open data read: whatever happens to the
 * reports, they equal the reports counted afresh, and the answers built on them match the reports' own times; the
 * flag "handed back" (V123) agrees with the history.
 */
@SipaIntegrationTest
class ReportFiguresKeptTests {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    @Autowired
    Fixtures fixtures;

    @Autowired
    Reports reports;

    @Autowired
    Categories categories;

    @Autowired
    Responsibilities responsibilities;

    @Autowired
    ReportFigures figures;

    @Autowired
    ReportRepository repository;

    @Autowired
    JdbcClient jdbc;

    City city;
    CategoryId noise;
    CategoryId other;
    CategoryId graffiti;

    @BeforeEach
    void city() {
        city = fixtures.city();
        as(() -> {
            var topic = responsibilities.createTopic(new TopicDetails("Lärm", null, null, true));
            responsibilities.assign(new EntryDetails(topic.value(), null, null, city.police().value(),
                    Responsibility.LEAD, null, null, "Start"));
            noise = categories.create(new Category(CategoryId.random(), "laerm", "Lärm", null, topic, 3, false, null,
                    true, List.of()));
            other = categories.create(new Category(CategoryId.random(), "sonstiges", "Sonstiges", null, null, 5, false,
                    null, true, List.of()));
            graffiti = categories.create(new Category(CategoryId.random(), "graffiti", "Graffiti", null, null, 5, true,
                    null, true, List.of()));
            return null;
        });
    }

    @Test
    void theKeptFiguresEqualTheReportsCountedAfreshAfterEveryKindOfChange() {
        var mitte = city.districts().get(0);
        var nord = city.districts().get(1);
        as(() -> {
            var routed = submit(noise, mitte);
            var handedBack = submit(noise, mitte);
            var rerouted = submit(noise, nord);
            var recategorised = submit(noise, null);
            var unrouted = submit(other, nord);
            var closedLate = submit(other, null);
            var duplicate = submit(noise, mitte);
            var waiting = citizens(graffiti, mitte);
            var approved = citizens(graffiti, nord);
            var deleted = submit(other, mitte);
            assertKept("after submitting");

            reports.handBack(handedBack, "Nicht unsere Aufgabe");
            reports.reroute(rerouted, city.publicOrder(), "Zuständig ist das Ordnungsamt");
            reports.recategorise(recategorised, other, "Kein Lärm");
            reports.startWork(routed);
            reports.approve(approved);
            reports.merge(duplicate, routed);
            reports.confirmDistrict(unrouted, nord);
            assertKept("after routing, moderating and merging");
            assertThat(handedBackByTheFlag()).as("V123's flag").containsExactly(handedBack.value())
                    .isEqualTo(handedBackByTheHistory());
            reports.reroute(handedBack, city.police(), "Doch Polizei");
            assertThat(handedBackByTheFlag()).isEmpty();
            assertThat(handedBackByTheHistory()).isEmpty();

            // arrived on earlier days, some late: as old reports and the jobs leave them
            backdate(routed, LocalDate.now(ZONE).minusDays(40), LocalTime.of(9, 30), 3);
            backdate(closedLate, LocalDate.now(ZONE).minusDays(12), LocalTime.of(23, 45), 2);
            reports.close(closedLate, ReportStatus.DONE, null);
            reports.close(routed, ReportStatus.DONE, "Erledigt");
            jdbc.sql("UPDATE reports_report SET district_id = ? WHERE id = ?").params(nord.value(), routed.value())
                    .update();
            jdbc.sql("DELETE FROM reports_report WHERE id = ?").param(deleted.value()).update();
            assertKept("after closing, backdating and deleting");
            assertThat(reports.get(waiting).status()).isEqualTo(ReportStatus.MODERATION);
            return null;
        });
    }

    @Test
    void answeredWithinCountsFromTheFiguresWhatTheReportsOwnTimesSay() {
        var now = Instant.now();
        as(() -> {
            // the due moment is three working days after arrival at the same time of day
            for (int daysAgo = 1; daysAgo <= 20; daysAgo++) {
                for (var time : List.of(LocalTime.of(8, 0), LocalTime.of(17, 0))) {
                    var report = submit(other, null);
                    var day = LocalDate.now(ZONE).minusDays(daysAgo);
                    backdate(report, day, time, 5);
                    if (daysAgo % 3 != 0) {
                        // answered on the day and at a time before or after the arrival's, or days later
                        var at = time.plusHours(daysAgo % 2 == 0 ? 2 : -1);
                        var answered = LocalDateTime.of(day.plusDays(daysAgo % 5), at).atZone(ZONE).toInstant();
                        if (answered.isBefore(now)) {
                            jdbc.sql("UPDATE reports_report SET first_response_at = ? WHERE id = ?")
                                    .params(Timestamp.from(answered), report.value()).update();
                        }
                    }
                }
            }
            assertKept("after answering");
            var first = LocalDate.now(ZONE).minusDays(20);
            var last = LocalDate.now(ZONE);
            var counted = figures.answeredWithin(3, first, last);
            var expected = answeredWithinFromTheReports(3, first, last);
            assertThat(counted).isEqualTo(expected);
            assertThat(expected.due()).as("a test that sees reports due and answered in time").isGreaterThan(10);
            assertThat(expected.inTime()).isPositive().isLessThan(expected.due());
            return null;
        });
    }

    @Test
    void aChangedTimeZoneCountsTheFiguresAgainInThatZone() {
        var report = as(() -> submit(other, null));
        var day = LocalDate.now(ZONE).minusDays(3);
        as(() -> backdate(report, day, LocalTime.of(0, 30), 5));   // 22:30 or 23:30 UTC the day before
        try {
            new FiguresZone(jdbc, Clock.system(ZoneId.of("UTC"))).afterSingletonsInstantiated();
            assertThat(as(() -> figures.received(other, null, day.minusDays(1), day.minusDays(1)))).isEqualTo(1);
            assertThat(as(() -> figures.received(other, null, day, day))).isZero();
        } finally {
            new FiguresZone(jdbc, Clock.system(ZONE)).afterSingletonsInstantiated();
        }
        assertThat(as(() -> figures.received(other, null, day, day))).isEqualTo(1);
        assertThat(jdbc.sql("SELECT zone FROM reports_figures_zone").query(String.class).single())
                .isEqualTo(ZONE.getId());
    }

    /**
     * The three kept figures against the same figures counted from the city's reports now: as the app reads them
     * (with the change lines not folded yet), and after the job folded the change lines into the figures.
     */
    private void assertKept(String when) {
        assertKept(when + " (with change lines)", "_now");
        repository.foldFigures();   // what ReportJobs does every few seconds
        assertKept(when + " (folded)", "");
        for (var table : List.of("reports_day_figures_change", "reports_closing_figures_change",
                "reports_answer_figures_change")) {
            assertThat(jdbc.sql("SELECT count(*) FROM " + table + " WHERE partnership_id = ?")
                    .param(city.id().value()).query(Long.class).single()).as(table).isZero();
        }
    }

    private void assertKept(String when, String source) {
        var p = city.id().value();
        assertThat(rows("""
                SELECT day::text || ' ' || category_id || ' ' || coalesce(district_id::text, '-') || ' '
                       || sum(received) || ' ' || sum(direct) || ' ' || sum(closed_late)
                FROM reports_day_figures%s WHERE partnership_id = ? GROUP BY day, category_id, district_id
                HAVING (sum(received), sum(direct), sum(closed_late)) <> (0, 0, 0) ORDER BY 1""".formatted(source), p))
                .as("day figures " + when).isEqualTo(rows("""
                SELECT day::text || ' ' || category_id || ' ' || coalesce(district_id::text, '-') || ' ' || received
                       || ' ' || direct || ' ' || closed_late
                FROM (SELECT (submitted_at AT TIME ZONE 'Europe/Berlin')::date AS day, category_id, district_id,
                             count(*) AS received,
                             count(*) FILTER (WHERE routed_to_organisation AND NOT rerouted) AS direct,
                             count(*) FILTER (WHERE closed_at > deadline) AS closed_late
                      FROM reports_report WHERE partnership_id = ? AND status <> 'MODERATION' GROUP BY 1, 2, 3) f
                ORDER BY 1""", p)).isNotEmpty();
        assertThat(rows("""
                SELECT day::text || ' ' || tenths || ' ' || sum(closed) FROM reports_closing_figures%s
                WHERE partnership_id = ? GROUP BY day, tenths HAVING sum(closed) <> 0 ORDER BY 1""".formatted(source),
                p)).as("closing figures " + when)
                .isEqualTo(rows("""
                        SELECT day::text || ' ' || tenths || ' ' || count(*) FROM
                          (SELECT (closed_at AT TIME ZONE 'Europe/Berlin')::date AS day,
                                  ceil(extract(epoch FROM closed_at - submitted_at) / 8640) AS tenths
                           FROM reports_report WHERE partnership_id = ? AND closed_at IS NOT NULL) c
                        GROUP BY day, tenths ORDER BY 1""", p));
        assertThat(rows("""
                SELECT day::text || ' ' || coalesce(answered_day::text, '-') || ' '
                       || coalesce(answered_by_time::text, '-') || ' ' || sum(reports)
                FROM reports_answer_figures%s WHERE partnership_id = ?
                GROUP BY day, answered_day, answered_by_time HAVING sum(reports) <> 0 ORDER BY 1""".formatted(source),
                p)).as("answer figures " + when).isEqualTo(rows("""
                        SELECT day::text || ' ' || coalesce(answered_day::text, '-') || ' '
                               || coalesce(by_time::text, '-') || ' ' || count(*) FROM
                          (SELECT (submitted_at AT TIME ZONE 'Europe/Berlin')::date AS day,
                                  (first_response_at AT TIME ZONE 'Europe/Berlin')::date AS answered_day,
                                  (first_response_at AT TIME ZONE 'Europe/Berlin')::time
                                      <= (submitted_at AT TIME ZONE 'Europe/Berlin')::time AS by_time
                           FROM reports_report WHERE partnership_id = ? AND status <> 'MODERATION') a
                        GROUP BY day, answered_day, by_time ORDER BY 1""", p));
    }

    private List<java.util.UUID> handedBackByTheFlag() {
        return jdbc.sql("SELECT id FROM reports_report WHERE partnership_id = ? AND handed_back ORDER BY id")
                .param(city.id().value()).query(java.util.UUID.class).list();
    }

    /** The reports whose last routing in the history is a hand-back. */
    private List<java.util.UUID> handedBackByTheHistory() {
        return jdbc.sql("""
                SELECT r.id FROM reports_report r WHERE r.partnership_id = ?
                  AND (SELECT e.kind FROM reports_event e WHERE e.report_id = r.id
                       AND e.kind IN ('ROUTED', 'REROUTED', 'HANDED_BACK') ORDER BY e.occurred_at DESC, e.id DESC
                       LIMIT 1) = 'HANDED_BACK'
                ORDER BY r.id""").param(city.id().value()).query(java.util.UUID.class).list();
    }

    /** Report by report, with the due moment computed as the deadlines are. */
    private ReportFigures.Responses answeredWithinFromTheReports(int days, LocalDate first, LocalDate last) {
        var holidays = de.sipa.shared.PublicHolidays.of(de.sipa.shared.FederalState.BW);
        long[] counts = new long[2];
        var now = Instant.now();
        jdbc.sql("""
                SELECT submitted_at, first_response_at FROM reports_report WHERE partnership_id = ?
                  AND status <> 'MODERATION' AND submitted_at >= ? AND submitted_at < ?""")
                .params(city.id().value(), Timestamp.from(first.atStartOfDay(ZONE).toInstant()),
                        Timestamp.from(last.plusDays(1).atStartOfDay(ZONE).toInstant()))
                .query(rs -> {
                    var due = WorkingDays.add(rs.getTimestamp(1).toInstant(), days, ZONE, holidays);
                    var answered = rs.getTimestamp(2);
                    boolean inTime = answered != null && !answered.toInstant().isAfter(due);
                    if (inTime || due.isBefore(now)) {
                        counts[0]++;
                        counts[1] += inTime ? 1 : 0;
                    }
                });
        return new ReportFigures.Responses(counts[0], counts[1]);
    }

    private List<String> rows(String sql, Object partnership) {
        return jdbc.sql(sql).param(partnership).query(String.class).list();
    }

    private ReportId submit(CategoryId category, de.sipa.partners.DistrictId district) {
        return submit(category, district, ReportSource.PARTNER);
    }

    /** A citizen's report: of a moderated category, it waits for moderation. */
    private ReportId citizens(CategoryId category, de.sipa.partners.DistrictId district) {
        return submit(category, district, ReportSource.CITIZEN);
    }

    private ReportId submit(CategoryId category, de.sipa.partners.DistrictId district, ReportSource source) {
        return reports.submit(new NewReport(city.id(), category, "Hinweis", 48.7, 9.1, null, district, Map.of(), null,
                source, null, null)).report();
    }

    /** Moves a report's arrival to a day and time, its deadline some days after. */
    private Void backdate(ReportId report, LocalDate day, LocalTime time, int deadlineDays) {
        var at = LocalDateTime.of(day, time).atZone(ZONE);
        jdbc.sql("UPDATE reports_report SET submitted_at = ?, deadline = ? WHERE id = ?")
                .params(Timestamp.from(at.toInstant()), Timestamp.from(at.plusDays(deadlineDays).toInstant()),
                        report.value())
                .update();
        return null;
    }

    private <T> T as(Supplier<T> work) {
        return CurrentUser.runAs(SipaUser.system(city.id()), work);
    }
}

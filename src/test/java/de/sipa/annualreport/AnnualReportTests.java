package de.sipa.annualreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import de.sipa.Fixtures;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaPrincipal;
import de.sipa.shared.YearlyFigures;

/**
 * The annual report: every key figure of every chapter equals an independent SQL count over the same data; a year
 * without data says so in each chapter; pasted HTML is cleaned; generating writes a PDF with a table of contents,
 * page numbers and embedded fonts; cancelling leaves no file; publishing shows it on the public pages.
 */
@SipaIntegrationTest
class AnnualReportTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AnnualReports reports;

    @Autowired
    ReportGenerations generations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    List<YearlyFigures> chapters;

    Fixtures.City city;
    int year;
    UUID category;

    @BeforeEach
    void aCityWithAYearOfWork() {
        city = fixtures.city();
        year = Year.now(clock).getValue() - 1;
        var p = city.id().value();
        category = UUID.randomUUID();
        jdbc.sql("INSERT INTO reports_category (id, partnership_id, code, name) VALUES (?, ?, ?, 'Beleuchtung')")
                .param(category).param(p).param("light-" + city.key()).update();
        // Reports: five in the year (two closed, one late, one routed straight, one answered), one waiting for
        // moderation, one the year before.
        report(at(year, 1, 10), city.districts().get(0), "NEW", null, at(year, 1, 12), null);
        report(at(year, 3, 5), city.districts().get(0), "DONE", at(year, 3, 7), at(year, 3, 8), "direct");
        report(at(year, 3, 20), city.districts().get(1), "DONE", at(year, 4, 20), at(year, 3, 25), "answered");
        report(at(year, 7, 1), city.districts().get(1), "IN_PROGRESS", null, at(year, 7, 30), "coordinator");
        report(at(year, 12, 30), city.districts().get(0), "NEW", null, null, null);
        report(at(year, 5, 5), city.districts().get(0), "MODERATION", null, null, null);
        report(at(year - 1, 6, 1), city.districts().get(0), "DONE", at(year - 1, 6, 3), null, null);
        // Meetings of the steering group: two held, one cancelled; a decision; two action items.
        var held = meeting(at(year, 2, 1), "HELD");
        meeting(at(year, 9, 1), "MINUTES_APPROVED");
        meeting(at(year, 10, 1), "CANCELLED");
        var decision = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO meetings_decision (id, partnership_id, body_id, meeting_id, year, number, reference, wording,
                    decided_at) VALUES (?, ?, ?, ?, ?, 1, ?, 'LED-Beleuchtung im Park', ?)""")
                .param(decision).param(p).param(city.steeringGroup().value()).param(held).param(year)
                .param("LG-" + year + "/1").param(at(year, 2, 1)).update();
        actionItem(held, "DONE", at(year, 2, 1));
        actionItem(held, "OPEN", at(year, 2, 1));
        // The steering group's goals: one measured value that reached its target, one that missed it.
        goal(year, "Schulungen der Streifen", 80, 50, 75, "UP");
        goal(year, "Beschwerden über Lärm", 12, 20, 10, "DOWN");
        // A membership that began in the year.
        jdbc.sql("""
                INSERT INTO partners_membership (id, partnership_id, body_id, person_id, role, starts_on)
                VALUES (?, ?, ?, ?, 'STANDING_MEMBER', ?)""")
                .param(UUID.randomUUID()).param(p).param(city.steeringGroup().value()).param(city.clerk().value())
                .param(LocalDate.of(year, 4, 1)).update();
        // Crime figures of the year.
        jdbc.sql("""
                INSERT INTO situation_crime_figure (partnership_id, district_id, year, offence_key, offence_name, cases,
                    solved, suspects, imported_at, imported_by) VALUES (?, ?, ?, '100000', 'Straftaten gegen das Leben',
                    40, 30, 28, now(), 'test')""")
                .param(p).param(city.districts().get(0).value()).param(year).update();
    }

    @Test
    void everyKeyFigureEqualsAnIndependentCount() {
        var expected = expected(year);
        var draft = asCoordinator(() -> reports.draft(year));
        assertThat(draft).extracting(AnnualReports.DraftChapter::key).contains("partners", "situation", "reports",
                "responsibilities", "meetings", "operations", "places", "prevention", "surveys", "goals");
        int compared = 0;
        for (var chapter : draft) {
            for (var comparison : chapter.comparisons()) {
                var label = comparison.figure().label();
                assertThat(expected).as("an independent count for %s", label).containsKey(label);
                assertThat(comparison.figure().value()).as(label).isEqualTo(expected.get(label));
                compared++;
            }
        }
        assertThat(compared).isEqualTo(expected.size());
        // The data set is not trivial: the counts that must be above zero are.
        assertThat(expected.get("annualreport.reports.received")).isEqualTo(5.0);
        assertThat(expected.get("annualreport.meetings.meetings")).isEqualTo(2.0);
        // Last year's value and the trend.
        var received = draft.stream().filter(c -> c.key().equals("reports")).findFirst().orElseThrow().comparisons()
                .get(0);
        assertThat(received.lastYear()).isEqualTo(expected(year - 1).get("annualreport.reports.received"));
        assertThat(received.trend()).isEqualTo(AnnualReports.Trend.UP);
        // The tables and the chart add up to the same count.
        var chapter = draft.stream().filter(c -> c.key().equals("reports")).findFirst().orElseThrow().figures();
        assertThat(chapter.tables().get(0).rows().stream().mapToLong(r -> (Long) r.get(1)).sum()).isEqualTo(5);
        assertThat(chapter.charts().get(0).values().stream().mapToDouble(Double::doubleValue).sum()).isEqualTo(5);
        assertThat(chapter.charts().get(0).values().get(2)).isEqualTo(2);
    }

    @Test
    void patrolsPerMonthProjectsPerFieldAndTheYearsComparedEqualIndependentCounts() {
        var p = city.id().value();
        var plan = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO operations_patrol_plan (id, partnership_id, name, weekdays, starts_at, ends_at, valid_from,
                    valid_until, skip_holidays, created_at) VALUES (?, ?, 'Innenstadt', '5,6', '20:00', '23:00', ?, ?,
                    FALSE, now())""")
                .params(plan, p, LocalDate.of(year - 1, 1, 1), LocalDate.of(year, 12, 31)).update();
        patrol(plan, LocalDate.of(year, 3, 6), false);
        patrol(plan, LocalDate.of(year, 3, 13), false);
        patrol(plan, LocalDate.of(year, 3, 20), true);
        patrol(plan, LocalDate.of(year, 7, 3), false);
        patrol(plan, LocalDate.of(year - 1, 7, 3), false);
        project("Hinsehen", "YOUTH", "RUNNING", LocalDate.of(year - 1, 9, 1));
        project("Schulweg", "YOUTH", "EVALUATED", LocalDate.of(year, 2, 1));
        project("Gewaltfrei", "VIOLENCE", "PLANNING", LocalDate.of(year, 5, 1));
        project("Idee", "VIOLENCE", "IDEA", LocalDate.of(year, 5, 1));

        var patrols = asCoordinator(() -> reports.figures("operations", year)).charts().get(0);
        var months = new double[12];
        jdbc.sql("""
                SELECT extract(month FROM day)::int, count(*) FROM operations_patrol WHERE partnership_id = ?
                AND extract(year FROM day) = ? AND NOT cancelled GROUP BY 1""").params(p, year)
                .query(rs -> {
                    months[rs.getInt(1) - 1] = rs.getLong(2);
                });
        assertThat(patrols.values()).containsExactly(java.util.Arrays.stream(months).boxed().toArray(Double[]::new));
        assertThat(months[2]).isEqualTo(2);

        var fields = asCoordinator(() -> reports.figures("prevention", year)).charts().get(0);
        var expected = jdbc.sql("""
                SELECT 'prevention.field.' || field, count(*) FROM prevention_project WHERE partnership_id = ?
                AND status <> 'IDEA' AND extract(year FROM starts_on) <= ? GROUP BY field ORDER BY 2 DESC, 1""")
                .params(p, year).query((rs, n) -> Map.entry(rs.getString(1), rs.getDouble(2))).list();
        assertThat(fields.labels()).containsExactlyElementsOf(expected.stream().map(Map.Entry::getKey).toList());
        assertThat(fields.values()).containsExactlyElementsOf(expected.stream().map(Map.Entry::getValue).toList());
        assertThat(fields.labels()).containsExactly("prevention.field.YOUTH", "prevention.field.VIOLENCE");

        // The years compared: last year has a report, a patrol and a project, the year before nothing.
        var keys = chapters.stream().map(YearlyFigures::key).toList();
        var history = asCoordinator(() -> reports.history(year, keys, new HashMap<>()));
        assertThat(history).extracting(YearlyFigures.Bars::title).contains("annualreport.reports.received",
                "annualreport.reports.medianAnswer", "annualreport.operations.hours",
                "annualreport.prevention.projects", "annualreport.surveys.unsafe");
        var received = history.stream().filter(b -> b.title().equals("annualreport.reports.received")).findFirst()
                .orElseThrow();
        assertThat(received.labels()).containsExactly(String.valueOf(year - 1), String.valueOf(year));
        assertThat(received.values()).containsExactly(expected(year - 1).get("annualreport.reports.received"),
                expected(year).get("annualreport.reports.received"));
        var projects = history.stream().filter(b -> b.title().equals("annualreport.prevention.projects"))
                .findFirst().orElseThrow();
        assertThat(projects.values()).containsExactly(expected(year - 1).get("annualreport.prevention.projects"),
                expected(year).get("annualreport.prevention.projects")).containsExactly(1.0, 3.0);
    }

    @Test
    void theSituationChapterNamesTheYearsHotspotsOrSaysThereAreNone() throws Exception {
        var district = city.districts().get(0);
        jdbc.sql("UPDATE partners_district SET boundary = ?::jsonb WHERE id = ?")
                .params("{\"type\":\"Polygon\",\"coordinates\":[[[9.17,48.77],[9.20,48.77],[9.20,48.79],"
                        + "[9.17,48.79],[9.17,48.77]]]}", district.value())
                .update();
        // 40 reports at one spot by the park, 60 spread over the district's west in a regular pattern.
        jdbc.sql("""
                INSERT INTO reports_report (id, partnership_id, token, category_id, description, district_id, source,
                    status, latitude, longitude, submitted_at, updated_at)
                SELECT gen_random_uuid(), ?, gen_random_uuid(), ?, 'Scherben', ?, 'CITIZEN', 'NEW',
                       CASE WHEN n <= 40 THEN 48.7835 ELSE 48.771 + (n % 6) * 0.0035 END,
                       CASE WHEN n <= 40 THEN 9.1925 ELSE 9.171 + (n % 10) * 0.0012 END, ?, ?
                FROM generate_series(1, 100) n""")
                .params(city.id().value(), category, district.value(), at(year, 5, 5), at(year, 5, 5)).update();
        var table = asCoordinator(() -> reports.figures("situation", year)).tables().stream()
                .filter(t -> t.title().equals("annualreport.situation.hotspots")).findFirst().orElseThrow();
        assertThat(table.rows()).isNotEmpty().hasSizeLessThanOrEqualTo(10);
        var atTheSpot = jdbc.sql("""
                SELECT count(*) FROM reports_report WHERE partnership_id = ? AND latitude = 48.7835
                AND longitude = 9.1925 AND submitted_at >= ? AND submitted_at < ?""")
                .params(city.id().value(), at(year, 1, 1), at(year + 1, 1, 1)).query(Long.class).single();
        var name = jdbc.sql("SELECT name FROM partners_district WHERE id = ?").param(district.value())
                .query(String.class).single();
        assertThat(table.rows()).anySatisfy(row -> {
            assertThat(row.get(0)).isEqualTo(name);
            assertThat(row.get(1)).isEqualTo(atTheSpot).isEqualTo(40L);
        });
        // Published: the district, never the cell's place.
        assertThat(table.columns()).doesNotContain("annualreport.column.cellCentre").hasSize(4);
        assertThat(table.rows()).allSatisfy(row -> assertThat(((YearlyFigures.Label) row.get(3)).key())
                .startsWith("hotspots.class.hot"));
        // The steering group reads the draft with the hotspots, though it may not open the hotspot map itself.
        var read = Jsoup.parse(mvc.perform(get("/jahresbericht/" + year).with(user(fixtures.user(city.steeringUser()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(read.select("#chapter-situation td").eachText()).contains(name);
        // The year before has no report with a place: no hotspot, and the chapter says so.
        var before = asCoordinator(() -> reports.figures("situation", year - 1)).tables().stream()
                .filter(t -> t.title().equals("annualreport.situation.hotspots")).findFirst().orElseThrow();
        assertThat(before.rows()).isEmpty();
        assertThat(before.empty()).isEqualTo("annualreport.situation.hotspots.none");
    }

    private void patrol(UUID plan, LocalDate day, boolean cancelled) {
        var starts = Timestamp.from(day.atTime(20, 0).atZone(clock.getZone()).toInstant());
        jdbc.sql("""
                INSERT INTO operations_patrol (id, partnership_id, plan_id, day, starts_at, ends_at, cancelled)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), city.id().value(), plan, day, starts,
                        new Timestamp(starts.getTime() + 10_800_000), cancelled)
                .update();
    }

    private void project(String title, String field, String status, LocalDate starts) {
        jdbc.sql("""
                INSERT INTO prevention_project (id, partnership_id, title, field, starts_on, status, created_at,
                    changed_at) VALUES (?, ?, ?, ?, ?, ?, now(), now())""")
                .params(UUID.randomUUID(), city.id().value(), title, field, starts, status).update();
    }

    /** The key figures, counted in SQL written for the test, not taken from the modules. */
    private Map<String, Double> expected(int y) {
        var p = city.id().value();
        var zone = clock.getZone().getId();
        var asOf = Timestamp.valueOf(LocalDateTime.of(y + 1, 1, 1, 0, 0));
        var e = new HashMap<String, Double>();
        Supplier<Map<String, Object>> row = () -> jdbc.sql("""
                SELECT
                  count(*) FILTER (WHERE extract(year FROM r.submitted_at AT TIME ZONE :zone) = :y
                    AND r.status != 'MODERATION') AS received,
                  count(*) FILTER (WHERE extract(year FROM r.closed_at AT TIME ZONE :zone) = :y) AS closed,
                  count(*) FILTER (WHERE extract(year FROM r.submitted_at AT TIME ZONE :zone) = :y
                    AND r.status != 'MODERATION' AND r.deadline < coalesce(r.closed_at,
                      LEAST(now(), (:asOf::timestamp AT TIME ZONE :zone)))) AS overdue
                FROM reports_report r WHERE r.partnership_id = :p""")
                .param("zone", zone).param("y", y).param("p", p).param("asOf", asOf).query().singleRow();
        var counts = row.get();
        double received = ((Number) counts.get("received")).doubleValue();
        e.put("annualreport.reports.received", received);
        e.put("annualreport.reports.closed", ((Number) counts.get("closed")).doubleValue());
        e.put("annualreport.reports.overdue", received == 0 ? null
                : ((Number) counts.get("overdue")).doubleValue() / received);
        var direct = jdbc.sql("""
                SELECT count(DISTINCT r.id) FROM reports_report r JOIN reports_event e ON e.report_id = r.id
                WHERE r.partnership_id = :p AND extract(year FROM r.submitted_at AT TIME ZONE :zone) = :y
                  AND r.status != 'MODERATION' AND e.kind = 'ROUTED' AND e.organisation_id IS NOT NULL
                  AND r.id NOT IN (SELECT x.report_id FROM reports_event x WHERE x.kind IN ('HANDED_BACK', 'REROUTED',
                    'RECATEGORISED') OR (x.kind = 'ROUTED' AND x.organisation_id IS NULL))""")
                .param("p", p).param("zone", zone).param("y", y).query(Long.class).single();
        e.put("annualreport.reports.direct", received == 0 ? null : direct / received);
        e.put("annualreport.reports.medianClose", median("""
                SELECT extract(epoch FROM r.closed_at - r.submitted_at) FROM reports_report r
                WHERE r.partnership_id = :p AND extract(year FROM r.closed_at AT TIME ZONE :zone) = :y""", p, zone, y));
        e.put("annualreport.reports.medianAnswer", median("""
                SELECT extract(epoch FROM min(e.occurred_at) - r.submitted_at) FROM reports_report r
                JOIN reports_event e ON e.report_id = r.id AND e.public AND e.kind IN ('STATUS_CHANGED', 'COMMENTED')
                WHERE r.partnership_id = :p AND extract(year FROM r.submitted_at AT TIME ZONE :zone) = :y
                  AND r.status != 'MODERATION' GROUP BY r.id, r.submitted_at""", p, zone, y));
        e.put("annualreport.meetings.meetings", count("""
                SELECT count(*) FROM meetings_meeting m WHERE m.partnership_id = :p
                AND extract(year FROM m.starts_at AT TIME ZONE :zone) = :y AND m.status IN ('HELD', 'MINUTES_APPROVED')""",
                p, zone, y));
        e.put("annualreport.meetings.decisions", count("""
                SELECT count(*) FROM meetings_decision d WHERE d.partnership_id = :p
                AND extract(year FROM d.decided_at AT TIME ZONE :zone) = :y""", p, zone, y));
        e.put("annualreport.meetings.actionsDone", count("""
                SELECT count(*) FROM meetings_action_item a WHERE a.partnership_id = :p
                AND extract(year FROM a.created_at AT TIME ZONE :zone) = :y AND a.status = 'DONE'""", p, zone, y));
        e.put("annualreport.meetings.actionsOpen", count("""
                SELECT count(*) FROM meetings_action_item a WHERE a.partnership_id = :p
                AND extract(year FROM a.created_at AT TIME ZONE :zone) = :y AND a.status NOT IN ('DONE', 'DROPPED')""",
                p, zone, y));
        e.put("annualreport.partners.bodies", count("""
                SELECT count(*) FROM partners_body b WHERE b.partnership_id = :p
                AND extract(year FROM b.created_at AT TIME ZONE :zone) <= :y""", p, zone, y));
        e.put("annualreport.partners.partners", count("""
                SELECT count(*) FROM partners_organisation o WHERE o.partnership_id = :p AND o.active
                AND extract(year FROM o.created_at AT TIME ZONE :zone) <= :y""", p, zone, y));
        e.put("annualreport.partners.joined", count("""
                SELECT count(*) FROM partners_membership m WHERE m.partnership_id = :p
                AND extract(year FROM m.starts_on) = :y AND :zone IS NOT NULL""", p, zone, y));
        e.put("annualreport.responsibilities.changes", count("""
                SELECT count(*) FROM responsibilities_change c WHERE c.partnership_id = :p
                AND extract(year FROM c.changed_at AT TIME ZONE :zone) = :y""", p, zone, y));
        e.put("annualreport.responsibilities.reviewed", count("""
                SELECT count(*) FROM responsibilities_change c WHERE c.partnership_id = :p AND c.review_id IS NOT NULL
                AND extract(year FROM c.changed_at AT TIME ZONE :zone) = :y""", p, zone, y));
        double cases = count("SELECT coalesce(sum(cases), 0) FROM situation_crime_figure WHERE partnership_id = :p"
                + " AND year = :y AND :zone IS NOT NULL", p, zone, y);
        e.put("annualreport.situation.cases", cases);
        e.put("annualreport.situation.solved", cases == 0 ? null : count("SELECT coalesce(sum(solved), 0)"
                + " FROM situation_crime_figure WHERE partnership_id = :p AND year = :y AND :zone IS NOT NULL",
                p, zone, y) / cases);
        e.put("annualreport.operations.patrols", count("""
                SELECT count(*) FROM operations_patrol t WHERE t.partnership_id = :p AND extract(year FROM t.day) = :y
                AND NOT t.cancelled AND :zone IS NOT NULL""", p, zone, y));
        e.put("annualreport.operations.hours", count("""
                SELECT round(coalesce(sum(extract(epoch FROM r.ended_at - r.started_at)) / 3600, 0)::numeric, 1)
                FROM operations_patrol_report r JOIN operations_patrol t ON t.id = r.patrol_id
                WHERE t.partnership_id = :p AND extract(year FROM t.day) = :y AND :zone IS NOT NULL""", p, zone, y));
        e.put("annualreport.operations.reports", count("""
                SELECT count(*) FROM operations_patrol_report r JOIN operations_patrol t ON t.id = r.patrol_id
                WHERE t.partnership_id = :p AND extract(year FROM t.day) = :y AND :zone IS NOT NULL""", p, zone, y));
        e.put("annualreport.operations.contacts", count("""
                SELECT coalesce(sum(r.citizen_contacts), 0) FROM operations_patrol_report r
                JOIN operations_patrol t ON t.id = r.patrol_id
                WHERE t.partnership_id = :p AND extract(year FROM t.day) = :y AND :zone IS NOT NULL""", p, zone, y));
        e.put("annualreport.operations.events", count("""
                SELECT count(*) FROM operations_event v WHERE v.partnership_id = :p
                AND extract(year FROM v.starts_at AT TIME ZONE :zone) = :y""", p, zone, y));
        e.put("annualreport.operations.lessons", count("""
                SELECT count(*) FROM operations_lesson l JOIN operations_event v ON v.id = l.event_id
                WHERE v.partnership_id = :p AND extract(year FROM v.starts_at AT TIME ZONE :zone) = :y""", p, zone, y));
        var measureInYear = """
                FROM places_measure m JOIN places_place x ON x.id = m.place_id WHERE m.partnership_id = :p
                AND m.status != 'DROPPED' AND :zone IS NOT NULL
                AND extract(year FROM coalesce(m.starts_on, m.created_at::date)) <= :y
                AND (m.ends_on IS NULL OR extract(year FROM m.ends_on) >= :y)""";
        e.put("annualreport.places.places", count("SELECT count(DISTINCT m.place_id) " + measureInYear, p, zone, y));
        e.put("annualreport.places.measures", count("SELECT count(*) " + measureInYear, p, zone, y));
        e.put("annualreport.places.done", count("SELECT count(*) " + measureInYear + " AND m.status = 'DONE'",
                p, zone, y));
        e.put("annualreport.places.evaluated", count("SELECT count(DISTINCT m.place_id) " + measureInYear
                + " AND x.status IN ('EVALUATED', 'CLOSED')", p, zone, y));
        var projectInYear = """
                FROM prevention_project x WHERE x.partnership_id = :p AND x.status != 'IDEA' AND :zone IS NOT NULL
                AND extract(year FROM x.starts_on) <= :y AND (x.ends_on IS NULL OR extract(year FROM x.ends_on) >= :y)""";
        e.put("annualreport.prevention.projects", count("SELECT count(*) " + projectInYear, p, zone, y));
        e.put("annualreport.prevention.evaluated", count("SELECT count(*) " + projectInYear
                + " AND x.status IN ('EVALUATED', 'FINISHED')", p, zone, y));
        e.put("annualreport.prevention.indicators", count("SELECT count(*) FROM prevention_indicator i WHERE"
                + " i.project_id IN (SELECT x.id " + projectInYear + ")", p, zone, y));
        e.put("annualreport.surveys.waves", count("""
                SELECT count(DISTINCT w.id) FROM surveys_wave w JOIN surveys_question q
                  ON q.questionnaire_id = w.questionnaire_id AND q.comparable_key = 'safety_night_area'
                JOIN surveys_response r ON r.wave_id = w.id WHERE w.partnership_id = :p
                AND extract(year FROM w.opens_on) = :y AND :zone IS NOT NULL""", p, zone, y));
        // No wave in the test city: no share (the weighted share itself is the surveys module's, tested there).
        e.put("annualreport.surveys.unsafe", null);
        e.put("annualreport.goals.set", count("""
                SELECT count(*) FROM goals_goal WHERE partnership_id = :p AND year = :y AND :zone IS NOT NULL""",
                p, zone, y));
        // Measured values of a past year: reached when on the target's side
        e.put("annualreport.goals.reached", count("""
                SELECT count(*) FROM goals_goal WHERE partnership_id = :p AND year = :y AND :zone IS NOT NULL
                AND indicator = 'MEASURED' AND (direction = 'UP' AND measured >= target
                    OR direction = 'DOWN' AND measured <= target)""", p, zone, y));
        return e;
    }

    private double count(String sql, UUID p, String zone, int y) {
        return ((Number) jdbc.sql(sql).param("p", p).param("zone", zone).param("y", y).query().singleValue())
                .doubleValue();
    }

    private Double median(String sql, UUID p, String zone, int y) {
        var values = jdbc.sql(sql).param("p", p).param("zone", zone).param("y", y).query(Double.class).list()
                .stream().sorted().toList();
        if (values.isEmpty()) {
            return null;
        }
        int n = values.size();
        double seconds = n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
        return Math.round(seconds / 8640.0) / 10.0;
    }

    @Test
    void aYearWithoutDataSaysSoInEveryChapter() throws Exception {
        var draft = asCoordinator(() -> reports.draft(2001));
        assertThat(draft).isNotEmpty().allMatch(AnnualReports.DraftChapter::empty);
        var page = Jsoup.parse(mvc.perform(get("/jahresbericht/2001").with(user(fixtures.user(city.coordinator()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select(".chapter-empty")).hasSize(draft.size());
        assertThat(page.select(".chapter-empty").first().text()).contains("keine Daten");
        // The year with data has none of these notes in the chapters that have data.
        var full = asCoordinator(() -> reports.draft(year));
        assertThat(full.stream().filter(c -> c.key().equals("reports")).findFirst().orElseThrow().empty()).isFalse();
    }

    @Test
    void pastedScriptsAndEventHandlersAreRemovedAndVersionsKept() throws Exception {
        mvc.perform(post("/jahresbericht/" + year + "/kapitel/reports/text").with(csrf())
                .with(user(fixtures.user(city.coordinator()))).header("HX-Request", "true")
                .param("text", "<p>Die <b>Anliegen</b> stiegen.</p><script>alert(1)</script>"
                        + "<img src=x onerror=alert(2)><a href=\"javascript:alert(3)\" onclick=\"x()\">Link</a>"))
                .andExpect(status().isOk());
        asCoordinator(() -> reports.saveText(year, "reports", "<p>Zweite Fassung</p>"));
        var chapter = asCoordinator(() -> reports.chapters(year)).stream().filter(c -> c.key().equals("reports"))
                .findFirst().orElseThrow();
        assertThat(chapter.text()).isEqualTo("<p>Zweite Fassung</p>");
        var versions = asCoordinator(() -> reports.versions(year, "reports"));
        assertThat(versions).hasSize(2);
        var first = versions.get(1).text();
        assertThat(first).contains("<b>Anliegen</b>").doesNotContainIgnoringCase("script")
                .doesNotContainIgnoringCase("onerror").doesNotContainIgnoringCase("javascript:")
                .doesNotContainIgnoringCase("onclick");
        asCoordinator(() -> {
            reports.restore(year, "reports", versions.get(1).id());
            return null;
        });
        assertThat(asCoordinator(() -> reports.versions(year, "reports"))).hasSize(3);
        // The steering group reads but does not write.
        mvc.perform(post("/jahresbericht/" + year + "/kapitel/reports/text").with(csrf())
                .with(user(fixtures.user(city.steeringUser()))).param("text", "x"))
                .andExpect(status().isForbidden());
    }

    @Test
    void theEditorsFormattingSurvivesASaveAndAScriptDoesNotAndWideTablesScrollInTheirOwnRegion() throws Exception {
        // What the toolbar writes: a subheading, bold, italic, both lists and a link
        var formatted = "<h3>Überblick</h3><p><b>Mehr</b> Anliegen, <i>schneller</i> beantwortet.</p>"
                + "<ul><li>Beleuchtung</li></ul><ol><li>Palastgarten</li></ol>"
                + "<p><a href=\"https://www.musterstadt.example/sicherheit\">Mehr dazu</a></p>";
        mvc.perform(post("/jahresbericht/" + year + "/kapitel/situation/text").with(csrf())
                .with(user(fixtures.user(city.coordinator()))).header("HX-Request", "true")
                .param("text", formatted + "<script>alert(1)</script><p onmouseover=\"x()\">Ende</p>"))
                .andExpect(status().isOk());
        var editor = Jsoup.parse(mvc.perform(get("/jahresbericht/" + year).with(user(fixtures.user(city.coordinator()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        var textarea = editor.selectFirst("#text-situation");
        assertThat(textarea.hasAttr("data-rich-text")).as("the toolbar enhances the field").isTrue();
        assertThat(textarea.attr("data-label-bold")).isEqualTo("Fett");
        assertThat(editor.select("script[src$=/js/rich-text.js]")).hasSize(1);
        assertThat(textarea.val()).startsWith(formatted.replace("\"https://www.musterstadt.example/sicherheit\"",
                "\"https://www.musterstadt.example/sicherheit\" rel=\"nofollow\"")).contains("<p>Ende</p>")
                .doesNotContainIgnoringCase("script").doesNotContainIgnoringCase("onmouseover");
        var read = Jsoup.parse(mvc.perform(get("/jahresbericht/" + year).with(user(fixtures.user(city.steeringUser()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        var text = read.selectFirst("#chapter-situation .chapter-text");
        assertThat(text.select("h3").text()).isEqualTo("Überblick");
        assertThat(text.select("b").text()).isEqualTo("Mehr");
        assertThat(text.select("i").text()).isEqualTo("schneller");
        assertThat(text.select("ul > li").text()).isEqualTo("Beleuchtung");
        assertThat(text.select("ol > li").text()).isEqualTo("Palastgarten");
        assertThat(text.select("a").attr("href")).isEqualTo("https://www.musterstadt.example/sicherheit");
        assertThat(text.select("script, [onmouseover]")).isEmpty();
        assertThat(read.select("script[src$=/js/rich-text.js]")).as("no editor for who only reads").isEmpty();
        // every table of the draft scrolls in a region of its own, named and reachable by keyboard
        assertThat(read.select("#chapter-reports table")).isNotEmpty();
        for (var table : read.select(".report-chapter table")) {
            var region = table.parent();
            assertThat(region.className()).isEqualTo("table-scroll");
            assertThat(region.attr("role")).isEqualTo("region");
            assertThat(region.attr("tabindex")).isEqualTo("0");
            assertThat(region.attr("aria-label")).isNotBlank();
        }
    }

    @Test
    void chaptersCanBeSwitchedOffAndReordered() {
        var order = asCoordinator(() -> {
            reports.toggle(year, "surveys");
            reports.move(year, "reports", -1);
            return reports.chapters(year);
        });
        var keys = order.stream().map(AnnualReports.ChapterRow::key).toList();
        assertThat(keys.indexOf("reports")).isLessThan(keys.indexOf("situation"));
        assertThat(order.stream().filter(c -> c.key().equals("surveys")).findFirst().orElseThrow().enabled())
                .isFalse();
    }

    @Test
    void theGeneratedPdfHasContentsPageNumbersAndEmbeddedFontsAndRegeneratingShowsChanges() throws Exception {
        asCoordinator(() -> {
            reports.toggle(year, "surveys");
            return null;
        });
        var id = asCoordinator(() -> generations.start(year));
        await().atMost(Duration.ofSeconds(60)).until(() -> !asCoordinator(() -> generations.generation(id)).running());
        var done = asCoordinator(() -> generations.generation(id));
        assertThat(done.status()).isEqualTo(ReportGenerations.Status.DONE);
        // every chapter but the one switched off
        assertThat(done.done()).isEqualTo(done.total()).isEqualTo(chapters.size() - 1);
        var pdf = asCoordinator(() -> generations.pdf(id));
        try (var document = Loader.loadPDF(pdf)) {
            // cover, contents, one page at least per chapter
            assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(2 + chapters.size() - 1);
            var stripper = new PDFTextStripper();
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            var contents = stripper.getText(document);
            assertThat(contents).contains("Inhalt").contains("Zentrale Ansprechstelle")
                    .doesNotContain("Sicherheitsgefühl");
            // The contents give the page where the chapter starts.
            var line = contents.lines().filter(l -> l.contains("Zentrale Ansprechstelle")).findFirst().orElseThrow();
            int page = Integer.parseInt(line.replaceAll(".*\\s(\\d+)\\s*$", "$1"));
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            var chapterPage = stripper.getText(document);
            assertThat(chapterPage).contains("Zentrale Ansprechstelle").contains("Eingegangene Anliegen")
                    .contains("Seite " + page);
            int fonts = 0;
            for (int i = 0; i < document.getNumberOfPages(); i++) {
                fonts += assertFontsEmbedded(document.getPage(i).getResources(), "page " + (i + 1));
            }
            assertThat(fonts).isGreaterThan(document.getNumberOfPages());
            // PDF/A-2b (veraPDF checks every rule in AnnualReportPdfTests): the identification in the XMP
            // metadata, and the sRGB output intent.
            var xmp = new String(document.getDocumentCatalog().getMetadata().toByteArray(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(xmp).containsPattern("pdfaid:part>2<|pdfaid:part=\"2\"")
                    .containsPattern("pdfaid:conformance>B<|pdfaid:conformance=\"B\"");
            var intents = document.getDocumentCatalog().getOutputIntents();
            assertThat(intents).singleElement().satisfies(intent -> {
                assertThat(intent.getOutputConditionIdentifier()).isEqualTo("sRGB IEC61966-2.1");
                assertThat(intent.getDestOutputIntent().getLength()).isGreaterThan(1000);
            });
            // The years compared come after the contents, as the contents say.
            assertThat(contents).contains("Die Jahre im Vergleich");
        }
        // A new report between two generations changes a key figure.
        report(at(year, 11, 11), city.districts().get(0), "NEW", null, null, null);
        var again = asCoordinator(() -> generations.start(year));
        await().atMost(Duration.ofSeconds(60)).until(() -> !asCoordinator(() -> generations.generation(again)).running());
        var changes = asCoordinator(() -> generations.changes(again));
        assertThat(changes).anySatisfy(c -> {
            assertThat(c.label()).isEqualTo("annualreport.reports.received");
            assertThat(c.before()).isEqualTo(5.0);
            assertThat(c.after()).isEqualTo(6.0);
        });
        var html = Jsoup.parse(asCoordinator(() -> generations.html(again)));
        assertThat(html.select("#kapitel-reports [data-figure=annualreport.reports.received] .figure-value").text())
                .isEqualTo("6");
        // The web version's multi-year chart: a bar per year, its value written at it (last year 1, this year 6).
        var compared = html.select("#vergleich figure[data-figure=annualreport.reports.received] svg");
        assertThat(compared.select("rect")).hasSize(2);
        assertThat(compared.select("text").eachText()).containsSubsequence("1", String.valueOf(year - 1), "6",
                String.valueOf(year));
    }

    /** Every font of the resources and of the forms in them (the charts) is embedded; answers how many there are. */
    private int assertFontsEmbedded(org.apache.pdfbox.pdmodel.PDResources resources, String where) throws Exception {
        int fonts = 0;
        for (var name : resources.getFontNames()) {
            PDFont font = resources.getFont(name);
            assertThat(font.isEmbedded()).as("font %s on %s embedded", font.getName(), where).isTrue();
            fonts++;
        }
        for (var name : resources.getXObjectNames()) {
            if (resources.getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject form
                    && form.getResources() != null) {
                fonts += assertFontsEmbedded(form.getResources(), where + ", form " + name.getName());
            }
        }
        return fonts;
    }

    @Test
    void cancellingLeavesNoFile() {
        var gate = new CountDownLatch(1);
        generations.gate = gate;
        try {
            var id = asCoordinator(() -> generations.start(year));
            asCoordinator(() -> {
                generations.cancel(id);
                return null;
            });
            gate.countDown();
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                    "SELECT count(*) FROM annualreport_generation WHERE id = ? AND finished_at IS NOT NULL")
                    .param(id).query(Long.class).single() == 1);
            // the job has had its chance to go on: wait for the executor's queue with a second, empty job
            var after = asCoordinator(() -> generations.latest(year)).orElseThrow();
            assertThat(after.status()).isEqualTo(ReportGenerations.Status.CANCELLED);
            assertThat(jdbc.sql("SELECT count(*) FROM annualreport_generation WHERE id = ? AND (pdf IS NOT NULL OR"
                    + " html IS NOT NULL)").param(id).query(Long.class).single()).isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM annualreport_figure WHERE generation_id = ?").param(id)
                    .query(Long.class).single()).isZero();
        } finally {
            generations.gate = null;
            gate.countDown();
        }
    }

    @Test
    void aPublishedReportIsOnThePublicPagesWithItsPdf() throws Exception {
        var id = asCoordinator(() -> generations.start(year));
        await().atMost(Duration.ofSeconds(60)).until(() -> !asCoordinator(() -> generations.generation(id)).running());
        var publicList = "/buerger/stadt-" + city.key() + "/berichte";
        assertThat(mvc.perform(get(publicList)).andReturn().getResponse().getContentAsString())
                .contains("noch kein Präventionsbericht");
        mvc.perform(get(publicList + "/" + year)).andExpect(status().isNotFound());
        mvc.perform(post("/jahresbericht/" + year + "/berichte/" + id + "/veroeffentlichen").with(csrf())
                .with(user(fixtures.user(city.coordinator()))).param("published", "true"))
                .andExpect(status().is3xxRedirection());
        var page = Jsoup.parse(mvc.perform(get(publicList + "/" + year)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
        assertThat(page.select("#kapitel-reports h2").text()).isEqualTo("Zentrale Ansprechstelle");
        assertThat(page.select("script[src*=htmx]")).as("no script needed, the layout's is optional").hasSizeLessThan(2);
        assertThat(page.select("table")).isNotEmpty().allSatisfy(table -> assertThat(table.parent().attr("role"))
                .as("a wide table scrolls in its own region").isEqualTo("region"));
        var pdf = mvc.perform(get(publicList + "/" + year + "/pdf")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
    }

    private Timestamp at(int y, int month, int day) {
        return Timestamp.from(LocalDate.of(y, month, day).atTime(10, 0).atZone(clock.getZone()).toInstant());
    }

    private void report(Timestamp submitted, de.sipa.partners.DistrictId district, String status, Timestamp closed,
            Timestamp deadline, String history) {
        var id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO reports_report (id, partnership_id, token, category_id, description, district_id, source,
                    status, deadline, submitted_at, updated_at, closed_at)
                VALUES (?, ?, ?, ?, 'Lampe defekt', ?, 'CITIZEN', ?, ?, ?, ?, ?)""")
                .param(id).param(city.id().value()).param(UUID.randomUUID()).param(category).param(district.value())
                .param(status).param(deadline).param(submitted).param(submitted).param(closed).update();
        if (history == null) {
            return;
        }
        var routedTo = history.equals("coordinator") ? null : city.publicOrder().value();
        event(id, submitted, "ROUTED", routedTo, false);
        if (history.equals("answered")) {
            event(id, new Timestamp(submitted.getTime() + Duration.ofHours(30).toMillis()), "STATUS_CHANGED", null,
                    true);
            event(id, new Timestamp(submitted.getTime() + Duration.ofHours(50).toMillis()), "COMMENTED", null, true);
        }
    }

    private void goal(int goalYear, String title, int measured, int baseline, int target, String direction) {
        jdbc.sql("""
                INSERT INTO goals_goal (id, partnership_id, year, title, indicator, measured, baseline, target,
                    direction, created_at, changed_at) VALUES (?, ?, ?, ?, 'MEASURED', ?, ?, ?, ?, now(), now())""")
                .params(UUID.randomUUID(), city.id().value(), goalYear, title, measured, baseline, target, direction)
                .update();
    }

    private void event(UUID report, Timestamp at, String kind, UUID organisation, boolean visible) {
        jdbc.sql("""
                INSERT INTO reports_event (report_id, occurred_at, actor, kind, organisation_id, public)
                VALUES (?, ?, 'test', ?, ?, ?)""")
                .param(report).param(at).param(kind).param(organisation).param(visible).update();
    }

    private UUID meeting(Timestamp starts, String status) {
        var id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO meetings_meeting (id, partnership_id, body_id, title, starts_at, ends_at, status, created_at,
                    updated_at) VALUES (?, ?, ?, 'Sitzung', ?, ?, ?, ?, ?)""")
                .param(id).param(city.id().value()).param(city.steeringGroup().value()).param(starts)
                .param(new Timestamp(starts.getTime() + 7_200_000)).param(status).param(starts).param(starts).update();
        return id;
    }

    private void actionItem(UUID meeting, String status, Timestamp created) {
        jdbc.sql("""
                INSERT INTO meetings_action_item (id, partnership_id, meeting_id, title, owner_id, due_on, status,
                    created_at) VALUES (?, ?, ?, 'Lampen tauschen', ?, ?, ?, ?)""")
                .param(UUID.randomUUID()).param(city.id().value()).param(meeting).param(city.police().value())
                .param(LocalDate.of(year, 6, 1)).param(status).param(created).update();
    }

    private <T> T asCoordinator(Supplier<T> work) {
        return CurrentUser.runAs(((SipaPrincipal) fixtures.user(city.coordinator())).sipaUser(), work);
    }
}

package de.sipa.goals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import de.sipa.Fixtures;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.reports.Categories;
import de.sipa.reports.Category;
import de.sipa.reports.CategoryId;
import de.sipa.reports.NewReport;
import de.sipa.reports.ReportId;
import de.sipa.reports.ReportSource;
import de.sipa.reports.Reports;

/**
 * Yearly goals: each indicator's value equals an independent count in SQL over the same reports, the form refuses bad
 * input in German next to each field, every change leaves an audit entry, and the steering group sees the year's
 * goals on its start page.
 */
@SipaIntegrationTest
class GoalsTests {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Goals goals;

    @Autowired
    Reports reports;

    @Autowired
    Categories categories;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    Fixtures.City city;
    CategoryId noise;
    int lastYear;

    @BeforeEach
    void aCityWithReportsOfLastYear() {
        city = fixtures.city();
        lastYear = LocalDate.now(clock).getYear() - 1;
        Supplier<CategoryId> create = () -> categories.create(new Category(CategoryId.random(), "laerm",
                "Lärm", null, null, 3, false, null, true, List.of()));
        noise = asSystem(create);
        Supplier<CategoryId> other = () -> categories.create(new Category(CategoryId.random(), "muell",
                "Müll", null, null, 3, false, null, true, List.of()));
        var rubbish = asSystem(other);
        // a Monday in September, a month without public holidays in any Land but Thuringia (the fixtures' Land is not)
        var monday = LocalDate.of(lastYear, 9, 7).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        // days after which the first answer came (null: never), per report
        Integer[] answeredAfter = {1, 4, 6, 7, 8, null, 2, 10};
        for (int i = 0; i < answeredAfter.length; i++) {
            var category = i % 3 == 2 ? rubbish : noise;
            var submitted = monday.plusDays(i % 2).atTime(LocalTime.of(9, 30)).atZone(ZONE).toInstant();
            var id = submit(category);
            jdbc.sql("UPDATE reports_report SET submitted_at = ?, district_id = ? WHERE id = ?")
                    .params(Timestamp.from(submitted), city.districts().get(i % 2).value(), id.value()).update();
            jdbc.sql("UPDATE reports_event SET occurred_at = ? WHERE report_id = ?")
                    .params(Timestamp.from(submitted), id.value()).update();
            if (answeredAfter[i] != null) {
                jdbc.sql("""
                        INSERT INTO reports_event (report_id, occurred_at, actor, kind, status)
                        VALUES (?, ?, 'test', 'STATUS_CHANGED', 'IN_PROGRESS')""")
                        .params(id.value(), Timestamp.from(submitted.plusSeconds(answeredAfter[i] * 86400L)))
                        .update();
            }
        }
    }

    @Test
    void theShareAnsweredWithinWorkingDaysEqualsAnIndependentCount() {
        var id = asSystem(() -> goals.set(draft(lastYear, Indicator.ANSWERED_WITHIN, 5, null, null, 50, 90,
                Direction.UP)));
        var counted = jdbc.sql("""
                SELECT count(*) FILTER (WHERE answered IS NOT NULL AND answered <= due) AS in_time, count(*) AS due
                FROM (SELECT (SELECT min(e.occurred_at) FROM reports_event e WHERE e.report_id = r.id
                              AND e.kind IN ('STATUS_CHANGED', 'HANDED_BACK', 'REROUTED', 'RECATEGORISED', 'MERGED')) AS answered,
                             (SELECT d FROM generate_series(r.submitted_at + interval '1 day',
                                                            r.submitted_at + interval '30 days', interval '1 day') d
                              WHERE extract(isodow FROM d AT TIME ZONE 'Europe/Berlin') < 6
                              ORDER BY d OFFSET 4 LIMIT 1) AS due
                      FROM reports_report r WHERE r.partnership_id = ? AND r.status <> 'MODERATION'
                        AND extract(year FROM r.submitted_at AT TIME ZONE 'Europe/Berlin') = ?) t""")
                .params(city.id().value(), lastYear).query().singleRow();
        long inTime = ((Number) counted.get("in_time")).longValue();
        long due = ((Number) counted.get("due")).longValue();
        assertThat(due).isEqualTo(8);
        assertThat(inTime).isBetween(1L, 7L);
        var progress = asSystem(() -> goals.progress(id));
        assertThat(progress.value()).isCloseTo(100.0 * inTime / due, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void theReportsOfACategoryInADistrictEqualAnIndependentCount() {
        var district = city.districts().get(0);
        var id = asSystem(() -> goals.set(new GoalDraft(lastYear, "Weniger Lärm", "", Indicator.REPORTS, null,
                noise.value(), district, null, null, new BigDecimal("10"), new BigDecimal("2"), Direction.DOWN,
                city.publicOrder())));
        long counted = jdbc.sql("""
                SELECT count(*) FROM reports_report WHERE partnership_id = ? AND category_id = ? AND district_id = ?
                AND status <> 'MODERATION' AND extract(year FROM submitted_at AT TIME ZONE 'Europe/Berlin') = ?""")
                .params(city.id().value(), noise.value(), district.value(), lastYear).query(Long.class).single();
        var progress = asSystem(() -> goals.progress(id));
        assertThat(counted).isPositive();
        assertThat(progress.value()).isEqualTo((double) counted);
        assertThat(progress.status()).isEqualTo(counted <= 2 ? GoalStatus.ACHIEVED : GoalStatus.MISSED);

        var all = asSystem(() -> goals.set(new GoalDraft(lastYear, "Alle Anliegen", "", Indicator.REPORTS, null,
                null, null, null, null, new BigDecimal("10"), new BigDecimal("2"), Direction.DOWN, null)));
        assertThat(asSystem(() -> goals.progress(all)).value()).isEqualTo(8.0);
    }

    @Test
    void aMeasuredValueIsTheValueTypedInAndTheListShowsItsProgress() throws Exception {
        var id = asSystem(() -> goals.set(new GoalDraft(lastYear, "Leuchten repariert", "Innerhalb von 48 Stunden",
                Indicator.MEASURED, null, null, null, null, new BigDecimal("92.5"), new BigDecimal("60"),
                new BigDecimal("90"), Direction.UP, city.police())));
        var progress = asSystem(() -> goals.progress(id));
        assertThat(progress.value()).isEqualTo(92.5);
        assertThat(progress.status()).isEqualTo(GoalStatus.ACHIEVED);

        var page = page("/ziele?year=" + lastYear, city.steeringUser());
        var card = page.select("#goal-" + id);
        assertThat(card.select("h2").text()).isEqualTo("Leuchten repariert");
        assertThat(card.select("progress").attr("value")).isEqualTo("100");
        assertThat(card.select(".goal-status").text()).isEqualTo("erreicht");
        assertThat(card.select(".goal-figures").text()).isEqualTo("aktuell 92,5 (Ausgangswert 60,0, Ziel 90,0)");
        assertThat(page("/ziele/" + id, city.policeUser()).select("#goal-course svg")).isNotEmpty();
    }

    @Test
    void theFormRefusesBadInputFieldByFieldInGermanAndStoresNothing() throws Exception {
        var answer = mvc.perform(post("/ziele/neu").with(csrf()).with(user(fixtures.user(city.steeringUser())))
                        .param("year", "zwanzig").param("title", " ").param("indicator", "ANSWERED_WITHIN")
                        .param("workingDays", "0").param("baseline", "viel").param("target", "").param("direction", "UP"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var page = Jsoup.parse(answer);
        assertThat(page.select("#year-error").text()).isEqualTo("Bitte ein Jahr angeben, z. B. 2026.");
        assertThat(page.select("#title-error").text()).isEqualTo("Bitte das Ziel benennen.");
        assertThat(page.select("#workingDays-error").text()).isEqualTo("Bitte die Frist in Arbeitstagen angeben (1 bis 60).");
        assertThat(page.select("#baseline-error").text()).startsWith("Bitte den Ausgangswert als Zahl angeben");
        assertThat(page.select("#target-error").text()).startsWith("Bitte den Zielwert als Zahl angeben");
        assertThat(page.select("#baseline").val()).isEqualTo("viel");

        var wrongWay = Jsoup.parse(mvc.perform(post("/ziele/neu").with(csrf())
                        .with(user(fixtures.user(city.coordinator()))).param("year", String.valueOf(lastYear))
                        .param("title", "Mehr beantworten").param("indicator", "ANSWERED_WITHIN")
                        .param("workingDays", "5").param("baseline", "80").param("target", "70,5")
                        .param("direction", "UP"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(wrongWay.select("#target-error").text())
                .isEqualTo("Der Zielwert muss in der gewählten Richtung vom Ausgangswert abweichen.");
        assertThat(jdbc.sql("SELECT count(*) FROM goals_goal WHERE partnership_id = ?").param(city.id().value())
                .query(Long.class).single()).isZero();

        mvc.perform(post("/ziele/neu").with(csrf()).with(user(fixtures.user(city.policeUser())))
                .param("year", String.valueOf(lastYear)).param("title", "x")).andExpect(status().isForbidden());
    }

    @Test
    void settingChangingAndDeletingAGoalLeaveAuditEntriesAndTheSteeringGroupSeesThisYearsGoals() throws Exception {
        int year = LocalDate.now(clock).getYear();
        mvc.perform(post("/ziele/neu").with(csrf()).with(user(fixtures.user(city.steeringUser())))
                        .param("year", String.valueOf(year)).param("title", "Anliegen schnell beantworten")
                        .param("indicator", "ANSWERED_WITHIN").param("workingDays", "5").param("baseline", "70")
                        .param("target", "85").param("direction", "UP").param("ownerId", city.publicOrder().value().toString()))
                .andExpect(status().is3xxRedirection());
        var id = new AnnualGoalId(jdbc.sql("SELECT id FROM goals_goal WHERE partnership_id = ?")
                .param(city.id().value()).query(java.util.UUID.class).single());
        var start = page("/", city.steeringUser());
        assertThat(start.select("#start-goal-" + id + " a").text()).isEqualTo("Anliegen schnell beantworten");
        assertThat(start.select("#start-goal-" + id + " progress")).hasSize(1);

        asSystem(() -> {
            goals.change(id, draft(year, Indicator.ANSWERED_WITHIN, 3, null, null, 70, 90, Direction.UP));
            goals.delete(id);
            return null;
        });
        assertThat(jdbc.sql("SELECT summary FROM identity_audit_entry WHERE partnership_id = ? AND subject_type = 'AnnualGoal' ORDER BY id")
                .param(city.id().value()).query(String.class).list()).containsExactly(
                        "Jahresziel " + year + " „Anliegen schnell beantworten“ gesetzt",
                        "Jahresziel " + year + " „Schneller antworten“ geändert",
                        "Jahresziel " + year + " „Schneller antworten“ gelöscht");
    }

    private GoalDraft draft(int year, Indicator indicator, Integer days, java.util.UUID category,
            de.sipa.partners.DistrictId district, double baseline, double target, Direction direction) {
        return new GoalDraft(year, "Schneller antworten", "", indicator, days, category, district, null, null,
                BigDecimal.valueOf(baseline), BigDecimal.valueOf(target), direction, null);
    }

    private ReportId submit(CategoryId category) {
        return reports.submit(new NewReport(city.id(), category, "Hinweis", 48.7, 9.1, null, null, Map.of(), null,
                ReportSource.CITIZEN)).report();
    }

    private <T> T asSystem(Supplier<T> work) {
        return CurrentUser.runAs(SipaUser.system(city.id()), work);
    }

    private Document page(String path, String username) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(user(fixtures.user(username)))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    @SuppressWarnings("unused")
    private static List<Object> none() {
        return new ArrayList<>();
    }
}

package de.sipa.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import de.sipa.Fixtures;
import de.sipa.PdfFiles;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.meetings.ActionItemOrigin;
import de.sipa.meetings.MeetingDetails;
import de.sipa.meetings.Meetings;
import de.sipa.reports.Categories;
import de.sipa.reports.Category;
import de.sipa.reports.CategoryId;
import de.sipa.reports.NewReport;
import de.sipa.reports.ReportFigures;
import de.sipa.reports.ReportId;
import de.sipa.reports.ReportSource;
import de.sipa.reports.ReportStatus;
import de.sipa.reports.Reports;
import de.sipa.responsibilities.EntryDetails;
import de.sipa.responsibilities.Responsibilities;
import de.sipa.responsibilities.Responsibility;
import de.sipa.responsibilities.ReviewForm;
import de.sipa.responsibilities.Reviews;
import de.sipa.responsibilities.TopicDetails;

/**
 * Each role's start page: every count is right, and its link lists exactly the items counted.
 */
@SipaIntegrationTest
class StartPagesTests {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final Pattern FIGURE = Pattern.compile(
            "<li id=\"today-([a-z-]+)\"[^>]*>\\s*<a href=\"([^\"]+)\">\\s*<span class=\"figure\">(\\d+)</span>");

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Reports reports;

    @Autowired
    ReportFigures figures;

    @Autowired
    Categories categories;

    @Autowired
    Responsibilities responsibilities;

    @Autowired
    Reviews reviews;

    @Autowired
    Meetings meetings;

    @Autowired
    JdbcClient jdbc;

    /** A city where the police leads "Lärm" (the Ordnungsamt is informed) and "Sonstiges" goes to the coordinator. */
    private record Setup(Fixtures.City city, CategoryId noise, CategoryId other) {
    }

    private Setup setUp() {
        var city = fixtures.city();
        return as(city, () -> {
            var topic = responsibilities.createTopic(new TopicDetails("Lärm", null, null, true));
            responsibilities.assign(new EntryDetails(topic.value(), null, null, city.police().value(),
                    Responsibility.LEAD, "1 Streife", null, "Start"));
            responsibilities.assign(new EntryDetails(topic.value(), null, null, city.publicOrder().value(),
                    Responsibility.INFORMED, null, null, "Start"));
            var noise = categories.create(new Category(CategoryId.random(), "laerm", "Lärm", null, topic, 3, false,
                    null, true, List.of()));
            var other = categories.create(new Category(CategoryId.random(), "sonstiges", "Sonstiges", null, null, 3,
                    false, null, true, List.of()));
            return new Setup(city, noise, other);
        });
    }

    @Test
    void theCoordinatorsCountsMatchTheListsTheirLinksOpen() throws Exception {
        var s = setUp();
        var city = s.city();
        as(city, () -> {
            submit(city, s.other(), ReportSource.PARTNER);                      // unrouted
            submit(city, s.other(), ReportSource.PARTNER);                      // unrouted
            submit(city, s.other(), ReportSource.CITIZEN);                      // unrouted, text to moderate
            var late = submit(city, s.noise(), ReportSource.PARTNER);           // police, overdue
            var back = submit(city, s.noise(), ReportSource.PARTNER);           // handed back, then overdue
            reports.handBack(back, "Nicht unsere Aufgabe");
            overdue(late);
            overdue(back);
            reviews.open(new ReviewForm("Runde " + city.key(), LocalDate.now(ZONE).plusDays(10), List.of(), List.of()));
            var today = LocalDate.now(ZONE);
            var sunday = today.with(java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.SUNDAY));
            meetings.assign(new ActionItemOrigin("Test", "/"), "Diese Woche", city.police(), sunday);
            meetings.assign(new ActionItemOrigin("Test", "/"), "Nächste Woche", city.police(), sunday.plusDays(1));
            meetings.schedule(new MeetingDetails(city.steeringGroup().value(), "Sitzung " + city.key(),
                    today.plusDays(3).atTime(14, 0), today.plusDays(3).atTime(16, 0), "Rathaus", ""));
        });

        var page = page("/", city.coordinator());
        var found = figures(page);
        assertThat(found.keySet()).containsExactly("unrouted", "overdue", "handed-back", "moderation", "reviews",
                "action-items", "meetings", "patrol-gaps");
        assertThat(found.get("unrouted").count()).isEqualTo(4);   // three "Sonstiges" and the handed-back one
        assertThat(found.get("overdue").count()).isEqualTo(2);
        assertThat(found.get("handed-back").count()).isEqualTo(1);
        assertThat(found.get("moderation").count()).isEqualTo(1);
        assertThat(found.get("reviews").count()).isEqualTo(1);
        assertThat(found.get("action-items").count()).isEqualTo(1);
        assertThat(found.get("meetings").count()).isEqualTo(1);
        assertThat(found.get("patrol-gaps").count()).isZero();
        assertThat(page).contains("Sitzung " + city.key());

        for (var key : List.of("unrouted", "overdue", "handed-back")) {
            var figure = found.get(key);
            assertThat(rows(page(figure.link(), city.coordinator()), "reports")).as(key + ": " + figure.link())
                    .isEqualTo(figure.count());
        }
        var moderation = page(found.get("moderation").link(), city.coordinator());
        assertThat(distinctReports(moderation)).isEqualTo(1);
        assertThat(rows(page(found.get("reviews").link(), city.coordinator()), "reviews")).isEqualTo(1);
        assertThat(rows(page(found.get("action-items").link(), city.coordinator()), "follow-ups")).isEqualTo(1);
        assertThat(page(found.get("action-items").link(), city.coordinator())).contains("Diese Woche")
                .doesNotContain("Nächste Woche");
        assertThat(rows(page(found.get("meetings").link(), city.coordinator()), "meetings")).isEqualTo(1);
        assertThat(page(found.get("patrol-gaps").link(), city.coordinator())).contains("Alle Plätze der nächsten Wochen sind besetzt.");
    }

    @Test
    void aPartnerSeesItsQueueWhatItWasInformedAboutItsActionItemsMeetingsAndReviewQuestions() throws Exception {
        var s = setUp();
        var city = s.city();
        as(city, () -> {
            submit(city, s.noise(), ReportSource.PARTNER);
            submit(city, s.noise(), ReportSource.PARTNER);
            overdue(submit(city, s.noise(), ReportSource.PARTNER));
            submit(city, s.other(), ReportSource.PARTNER);
            meetings.assign(new ActionItemOrigin("Test", "/"), "Polizeiauftrag", city.police(),
                    LocalDate.now(ZONE).plusDays(20));
            meetings.assign(new ActionItemOrigin("Test", "/"), "Ordnungsauftrag", city.publicOrder(),
                    LocalDate.now(ZONE).plusDays(20));
            var day = LocalDate.now(ZONE).plusDays(4);
            meetings.schedule(new MeetingDetails(city.steeringGroup().value(), "LG " + city.key(), day.atTime(10, 0),
                    day.atTime(12, 0), "Rathaus", ""));
            reviews.open(new ReviewForm("Runde " + city.key(), LocalDate.now(ZONE).plusDays(10), List.of(), List.of()));
        });

        var police = figures(page("/", city.policeUser()));
        assertThat(police.keySet()).containsExactly("new", "overdue", "informed", "patrol-gaps", "action-items",
                "meetings");
        assertThat(police.get("new").count()).isEqualTo(3);
        assertThat(police.get("overdue").count()).isEqualTo(1);
        assertThat(police.get("informed").count()).isZero();
        assertThat(police.get("action-items").count()).isEqualTo(1);
        assertThat(police.get("meetings").count()).as("the police sits in the steering group").isEqualTo(1);
        for (var key : List.of("new", "overdue", "informed")) {
            assertThat(rows(page(police.get(key).link(), city.policeUser()), "reports")).as(key)
                    .isEqualTo(police.get(key).count());
        }
        assertThat(rows(page(police.get("action-items").link(), city.policeUser()), "follow-ups")).isEqualTo(1);
        assertThat(rows(page(police.get("meetings").link(), city.policeUser()), "meetings")).isEqualTo(1);
        var policePage = page("/", city.policeUser());
        assertThat(policePage).contains("Runde " + city.key(), "1 Eintrag/Einträge", "LG " + city.key());

        var publicOrder = figures(page("/", city.publicOrderUser()));
        assertThat(publicOrder.get("new").count()).isZero();
        assertThat(publicOrder.get("informed").count()).as("informed by the matrix of the three noise reports")
                .isEqualTo(3);
        assertThat(rows(page(publicOrder.get("informed").link(), city.publicOrderUser()), "reports")).isEqualTo(3);
        assertThat(publicOrder.get("meetings").count()).isZero();
        assertThat(rows(page(publicOrder.get("meetings").link(), city.publicOrderUser()), "meetings")).isZero();
        assertThat(page("/", city.publicOrderUser())).doesNotContain("Runde " + city.key() + "</a>:");
    }

    @Test
    void theSteeringFiguresCompareTheMonthWithThePreviousOneAndTheSameMonthAYearBefore() throws Exception {
        var s = setUp();
        var city = s.city();
        var month = YearMonth.now(ZONE).minusMonths(2);
        as(city, () -> {
            // The month: four reports; closed after 1, 3 and 5 days, one still open past its deadline.
            var first = received(s.noise(), city, month.atDay(2), 2);
            close(first, month.atDay(3));
            var second = received(s.noise(), city, month.atDay(2), 2);
            close(second, month.atDay(5));
            var third = received(s.noise(), city, month.atDay(2), 2);
            reports.handBack(third, "Nicht unsere Aufgabe");
            close(third, month.atDay(7));
            received(s.other(), city, month.atDay(10), 2);
            // The month before: one report, closed after two days.
            close(received(s.noise(), city, month.minusMonths(1).atDay(5), 5), month.minusMonths(1).atDay(7));
            // A year before: two open reports.
            received(s.other(), city, month.minusYears(1).atDay(5), 400);
            received(s.other(), city, month.minusYears(1).atDay(6), 400);
        });

        var figures = as(city, () -> this.figures.month(month));
        assertThat(figures.received()).isEqualTo(4);
        assertThat(figures.closed()).isEqualTo(3);
        assertThat(figures.medianTimeToClose()).isEqualTo(Duration.ofDays(3));
        assertThat(figures.overdueShare()).as("the 2nd and 3rd closed late, the 4th is open and late").isEqualTo(0.75);
        assertThat(figures.directShare()).as("the 3rd was handed back, the 4th went to the coordinator").isEqualTo(0.5);
        var before = as(city, () -> this.figures.month(month.minusMonths(1)));
        assertThat(before.received()).isEqualTo(1);
        assertThat(before.medianTimeToClose()).isEqualTo(Duration.ofDays(2));
        assertThat(before.overdueShare()).isZero();
        var yearBefore = as(city, () -> this.figures.month(month.minusYears(1)));
        assertThat(yearBefore.received()).isEqualTo(2);
        assertThat(yearBefore.closed()).isZero();
        assertThat(yearBefore.medianTimeToClose()).isNull();
        assertThat(yearBefore.directShare()).isZero();
        assertThat(as(city, () -> this.figures.month(month.minusMonths(5))).overdueShare()).isNull();

        var page = page("/overview?month=" + month, city.steeringUser());
        assertThat(page).contains("<svg", "75 %", "50 %", "3,0", "Lärm", "Sonstiges", "bis 1 Tag(e)");
        assertThat(page("/", city.steeringUser())).contains("Monatsübersicht");
        var pdf = mvc.perform(get("/overview.pdf?month=" + month).with(user(fixtures.user(city.steeringUser()))))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        assertThat(PdfFiles.text(pdf.getContentAsByteArray())).contains("Monatsübersicht", "Stadt " + city.key(),
                "eingegangen", "75 %", "50 %");
        mvc.perform(get("/overview").with(user(fixtures.user(city.policeUser())))).andExpect(status().isForbidden());
        mvc.perform(get("/overview?month=März").with(user(fixtures.user(city.steeringUser()))))
                .andExpect(status().isBadRequest());
    }

    private record Found(long count, String link) {
    }

    private static Map<String, Found> figures(String page) {
        var found = new java.util.LinkedHashMap<String, Found>();
        var matcher = FIGURE.matcher(page);
        while (matcher.find()) {
            found.put(matcher.group(1), new Found(Long.parseLong(matcher.group(3)),
                    matcher.group(2).replace("&amp;", "&")));
        }
        return found;
    }

    /** The rows of a table's body; 0 if the page shows no such table (an empty list). */
    private static long rows(String page, String table) {
        int start = page.indexOf("id=\"" + table + "\"");
        if (start < 0) {
            return 0;
        }
        var body = page.substring(page.indexOf("<tbody>", start), page.indexOf("</tbody>", start));
        return Pattern.compile("<tr[ >]").matcher(body).results().count();
    }

    private static long distinctReports(String page) {
        var main = page.substring(page.indexOf("<main"));
        var ids = new HashSet<String>();
        Pattern.compile("/reports/([0-9a-f-]{36})").matcher(main).results().forEach(m -> ids.add(m.group(1)));
        return ids.size();
    }

    private String page(String path, String username) throws Exception {
        return mvc.perform(get(path).with(user(fixtures.user(username)))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }

    private ReportId submit(Fixtures.City city, CategoryId category, ReportSource source) {
        return reports.submit(new NewReport(city.id(), category, "Hinweis " + source, 48.7, 9.1, null, null, Map.of(),
                null, source)).report();
    }

    private void overdue(ReportId report) {
        jdbc.sql("UPDATE reports_report SET deadline = now() - interval '1 day' WHERE id = ?").param(report.value())
                .update();
    }

    /** A report received at noon of a day, with its deadline some days later. */
    private ReportId received(CategoryId category, Fixtures.City city, LocalDate day, int deadlineDays) {
        var report = reports.submit(new NewReport(city.id(), category, "Hinweis", 48.7, 9.1, null, null, Map.of(),
                null, ReportSource.PARTNER)).report();
        jdbc.sql("UPDATE reports_report SET submitted_at = ?, deadline = ? WHERE id = ?")
                .params(noon(day), noon(day.plusDays(deadlineDays)), report.value()).update();
        return report;
    }

    private void close(ReportId report, LocalDate day) {
        reports.close(report, ReportStatus.DONE, null);
        jdbc.sql("UPDATE reports_report SET closed_at = ? WHERE id = ?").params(noon(day), report.value()).update();
    }

    private static Timestamp noon(LocalDate day) {
        return Timestamp.from(LocalDateTime.of(day, java.time.LocalTime.NOON).atZone(ZONE).toInstant());
    }

    private static <T> T as(Fixtures.City city, java.util.function.Supplier<T> work) {
        return CurrentUser.runAs(SipaUser.system(city.id()), work);
    }

    private static void as(Fixtures.City city, Runnable work) {
        CurrentUser.runAs(SipaUser.system(city.id()), work);
    }
}

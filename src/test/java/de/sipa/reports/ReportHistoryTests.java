package de.sipa.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import de.sipa.partners.District;
import de.sipa.partners.DistrictId;
import de.sipa.responsibilities.Leadership;
import de.sipa.responsibilities.TopicId;
import de.sipa.shared.DemoStory;
import de.sipa.shared.FederalState;
import de.sipa.shared.PublicHolidays;
import de.sipa.shared.OrganisationId;

/** The demo's history of reports is made up from one seed: the same seed and day give the same city. */
class ReportHistoryTests {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final OrganisationId LEAD = new OrganisationId(UUID.fromString("00000000-0000-0000-0000-000000000001"));

    @Test
    void theSameSeedAndDayGiveTheSameReports() {
        var now = LocalDate.of(2026, 12, 2).atTime(16, 0).atZone(ZONE).toInstant();
        var categories = categories();
        var districts = districts();
        var first = describe(history(now, categories, districts));
        var second = describe(history(now, categories, districts));
        assertThat(first).hasSizeGreaterThan(3000).isEqualTo(second);
    }

    @Test
    void noReportOrEventLiesInTheFutureAndEveryNumberIsDrawnOnce() {
        var now = LocalDate.of(2026, 6, 15).atTime(9, 0).atZone(ZONE).toInstant();
        var history = history(now, categories(), districts());
        var rows = history.rows();
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.submittedAt).isBefore(now);
            assertThat(row.events).allSatisfy(e -> assertThat(e.at()).isBefore(now));
            assertThat(row.events.get(0).kind()).isEqualTo(ReportEvent.Kind.RECEIVED);
        });
        assertThat(rows.stream().map(r -> r.publicId).filter(id -> id != null)).doesNotHaveDuplicates();
    }

    @Test
    void aJointPatrolStillUnderWayHasFiledNoReportYet() {
        // Sunday 00:55 in Musterstadt: Saturday's patrol (20:00 to 02:00) is still out; the patrols' demo writes the
        // observations behind patrol reports with the patrol's report, so its reports come once it has ended.
        var now = Instant.parse("2026-12-05T23:55:00Z");
        var saturdayNight = LocalDate.of(2026, 12, 5).atTime(DemoStory.PATROL_BEGINS).atZone(ZONE).toInstant();
        var fromPatrols = history(now, categories(), districts()).rows().stream()
                .filter(row -> row.source == ReportSource.PATROL).toList();
        assertThat(fromPatrols).hasSizeGreaterThan(50)
                .allSatisfy(row -> assertThat(row.submittedAt).isBefore(saturdayNight));
    }

    private static ReportHistory history(Instant now, List<Category> categories, List<District> districts) {
        var history = new ReportHistory(new DemoStory(now.atZone(ZONE).toLocalDate()), now, ZONE,
                PublicHolidays.of(FederalState.BW), categories,
                new DemoGeography(districts), DemoTexts.load("/demo/musterstadt-reports.txt"), new ReportHistory.City() {
                    @Override
                    public Leadership whoLeads(Category category, DistrictId district, Instant at) {
                        return new Leadership(category.topic() == null ? List.of() : List.of(LEAD), Set.of(), Set.of());
                    }

                    @Override
                    public OrganisationId organisation(String name) {
                        return LEAD;
                    }

                    @Override
                    public String staffOf(OrganisationId organisation) {
                        return "staff";
                    }

                    @Override
                    public boolean aroundTheClock(OrganisationId organisation) {
                        return false;
                    }
                }).write();
        long[] next = {1};
        history.number(count -> {
            var numbers = new ArrayList<Long>();
            for (int i = 0; i < count; i++) {
                numbers.add(next[0]++);
            }
            return numbers;
        });
        return history;
    }

    private static List<String> describe(ReportHistory history) {
        return history.rows().stream().map(r -> String.join("|", r.publicId, r.submittedAt.toString(),
                r.category.code(), String.valueOf(r.latitude), String.valueOf(r.longitude), r.status.name(),
                r.description, String.valueOf(r.events.size()))).toList();
    }

    private static List<Category> categories() {
        var categories = new ArrayList<Category>();
        for (var code : List.of("laerm", "muell", "drogen", "beleuchtung", "betteln", "alkohol", "graffiti",
                "haltestelle", "sonstiges")) {
            categories.add(new Category(new CategoryId(UUID.nameUUIDFromBytes(code.getBytes())), code, code, null,
                    code.equals("sonstiges") ? null : new TopicId(UUID.nameUUIDFromBytes(code.getBytes())), 3,
                    code.equals("graffiti"), null, true, List.of()));
        }
        return categories;
    }

    private static List<District> districts() {
        Object[][] bounds = {{"Mitte", 9.16, 48.765, 9.20, 48.785}, {"Nord", 9.13, 48.785, 9.23, 48.81},
            {"Ost", 9.20, 48.765, 9.23, 48.785}, {"Süd", 9.13, 48.74, 9.23, 48.765}, {"West", 9.13, 48.765, 9.16, 48.785},
            {"Hafen", 9.23, 48.74, 9.27, 48.81}};
        var districts = new ArrayList<District>();
        for (int i = 0; i < bounds.length; i++) {
            var b = bounds[i];
            districts.add(new District(new DistrictId(UUID.nameUUIDFromBytes(((String) b[0]).getBytes())), (String) b[0], i,
                    String.format(Locale.ROOT, "{\"type\":\"Polygon\",\"coordinates\":[[[%1$s,%2$s],[%3$s,%2$s],"
                            + "[%3$s,%4$s],[%1$s,%4$s],[%1$s,%2$s]]]}", b[1], b[2], b[3], b[4])));
        }
        return districts;
    }
}

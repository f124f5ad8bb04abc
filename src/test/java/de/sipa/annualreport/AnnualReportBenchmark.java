package de.sipa.annualreport;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.time.Year;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.jdbc.core.simple.JdbcClient;

import de.sipa.BenchDatabase;
import de.sipa.BenchRecord;
import de.sipa.SipaApplication;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.partners.NewPartnership;
import de.sipa.partners.Partnerships;
import de.sipa.reports.Categories;
import de.sipa.reports.Category;
import de.sipa.reports.CategoryId;
import de.sipa.shared.FederalState;
import de.sipa.shared.PartnershipId;

/**
 * Benchmark (prints figures, asserts nothing): the full annual report of last year (every chapter for the year and
 * the year before, the years compared, the hotspots, the PDF and the HTML version) with 1,000,000 reports (each
 * received, routed and answered), 5,000 joint patrols with their reports and 200 prevention projects, on SiPa's own
 * embedded PostgreSQL; the time from starting the generation to the stored files and the heap's peak meanwhile.
 * Run with {@code bench/annual-report.sh}. Goal (issue 16): &lt; 30 s and &lt; 1 GiB heap.
 */
public final class AnnualReportBenchmark {

    private static final int REPORTS = 1_000_000;
    private static final int PATROLS = 5_000;
    private static final int PROJECTS = 200;
    private static final String CITY = "{\"type\":\"Polygon\",\"coordinates\":[[[9.12,48.74],[9.256,48.74],"
            + "[9.256,48.83],[9.12,48.83],[9.12,48.74]]]}";

    private AnnualReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        var context = SpringApplication.run(SipaApplication.class, "--spring.profiles.active=test",
                "--server.port=0", "--sipa.database.directory=target/bench-postgres", "--sipa.database.clean=true",
                "--logging.level.root=WARN", "--spring.main.banner-mode=off");
        try {
            var jdbc = context.getBean(JdbcClient.class);
            var partnership = CurrentUser.runAs(SipaUser.system(PartnershipId.random()),
                    () -> context.getBean(Partnerships.class).create(new NewPartnership("Benchstadt", "benchstadt",
                            "Mitte\nNord", "Koordination", "bench-koord", "Bench", null, "bench-password-1",
                            FederalState.BW)));
            var account = SipaUser.system(partnership);
            int year = Year.now(context.getBean(java.time.Clock.class)).getValue() - 1;
            CurrentUser.runAs(account, () -> {
                BenchDatabase.withoutFigureTrigger(context,
                        () -> seed(context.getBean(Categories.class), jdbc, partnership, year));
                return null;
            });
            BenchDatabase.vacuum(context, "reports_report", "reports_event", "operations_patrol",
                    "operations_patrol_report", "prevention_project");
            var generations = context.getBean(ReportGenerations.class);
            var heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .toList();
            System.gc();
            long before = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
            heap.forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
            long start = System.nanoTime();
            var id = CurrentUser.runAs(account, () -> generations.start(year));
            generations.awaitJobs(Duration.ofMinutes(10));
            double seconds = (System.nanoTime() - start) / 1e9;
            long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            var done = CurrentUser.runAs(account, () -> generations.generation(id));
            var pdf = CurrentUser.runAs(account, () -> generations.pdf(id));
            System.out.printf("Report %d: %s, %d of %d chapters, PDF %,d bytes%n", year, done.status(), done.done(),
                    done.total(), pdf.length);
            System.out.printf("annual report  %.1f s  heap peak %.0f MiB (%.0f MiB in use before; max heap %.0f MiB)%n",
                    seconds, peak / 1048576.0, before / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0);
            BenchRecord.record("annual report 1M reports", "time", seconds, "s");
            BenchRecord.record("annual report 1M reports", "heap peak", peak / 1048576.0, "MiB");
        } finally {
            context.close();
        }
    }

    /** The year's data: reports with their events, patrols with reports, projects. */
    private static void seed(Categories categories, JdbcClient jdbc, PartnershipId partnership, int year) {
        long start = System.nanoTime();
        var p = partnership.value();
        var category = categories.create(new Category(CategoryId.random(), "laerm", "Lärm", null, null, 3, false, null,
                true, List.of()));
        jdbc.sql("UPDATE partners_district SET boundary = ?::jsonb WHERE partnership_id = ? AND name = 'Mitte'")
                .params(CITY, p).update();
        var organisation = jdbc.sql("SELECT id FROM partners_organisation WHERE partnership_id = ? LIMIT 1").param(p)
                .query(java.util.UUID.class).single();
        // Reports over the year, 20 % of them in a cluster; three quarters closed after up to ten days.
        jdbc.sql("""
                INSERT INTO reports_report (id, partnership_id, public_id, token, category_id, description, latitude,
                    longitude, district_id, source, status, deadline, submitted_at, updated_at, closed_at)
                SELECT gen_random_uuid(), :p, 'B-' || n, gen_random_uuid(), :category, 'Last',
                    CASE WHEN n % 5 = 0 THEN 48.782 + (random() - 0.5) * 0.006 ELSE 48.74 + random() * 0.09 END,
                    CASE WHEN n % 5 = 0 THEN 9.183 + (random() - 0.5) * 0.008 ELSE 9.12 + random() * 0.136 END,
                    (SELECT id FROM partners_district WHERE partnership_id = :p ORDER BY position LIMIT 1), 'CITIZEN',
                    CASE WHEN n % 4 = 0 THEN 'NEW' ELSE 'DONE' END, s + interval '3 days', s, s,
                    CASE WHEN n % 4 = 0 THEN NULL ELSE s + random() * interval '10 days' END
                FROM (SELECT n, make_timestamptz(:year, 1, 1, 0, 0, 0) + random() * interval '364 days' AS s
                      FROM generate_series(1, :reports) n) x""")
                .param("p", p).param("category", category.value()).param("year", year).param("reports", REPORTS)
                .update();
        jdbc.sql("""
                INSERT INTO reports_event (report_id, occurred_at, actor, kind, organisation_id, public)
                SELECT r.id, r.submitted_at, 'bench', 'ROUTED', :o, FALSE FROM reports_report r WHERE r.partnership_id = :p
                UNION ALL
                SELECT r.id, r.submitted_at + random() * interval '4 days', 'bench', 'STATUS_CHANGED', NULL, TRUE
                FROM reports_report r WHERE r.partnership_id = :p""")
                .param("p", p).param("o", organisation).update();
        // One patrol a day per plan: 14 plans.
        jdbc.sql("""
                INSERT INTO operations_patrol_plan (id, partnership_id, name, weekdays, starts_at, ends_at, valid_from,
                    valid_until, skip_holidays, created_at)
                SELECT gen_random_uuid(), ?, 'Bench ' || k, '1,2,3,4,5,6,7', '18:00', '22:00', make_date(?, 1, 1),
                    make_date(?, 12, 31), FALSE, now() FROM generate_series(0, 13) k""").params(p, year, year).update();
        jdbc.sql("""
                INSERT INTO operations_patrol (id, partnership_id, plan_id, day, starts_at, ends_at, cancelled)
                SELECT gen_random_uuid(), :p, (SELECT array_agg(id ORDER BY name) FROM operations_patrol_plan
                    WHERE partnership_id = :p)[1 + n % 14], d, d + time '18:00', d + time '22:00', n % 30 = 0
                FROM (SELECT n, make_date(:year, 1, 1) + n / 14 AS d FROM generate_series(0, :patrols - 1) n) x""")
                .param("p", p).param("year", year).param("patrols", PATROLS).update();
        jdbc.sql("""
                INSERT INTO operations_patrol_report (patrol_id, started_at, ended_at, citizen_contacts, written_by,
                    written_at)
                SELECT t.id, t.starts_at, t.ends_at, 3, 'bench', t.ends_at FROM operations_patrol t
                WHERE t.partnership_id = ? AND NOT t.cancelled""").param(p).update();
        jdbc.sql("""
                INSERT INTO prevention_project (id, partnership_id, title, field, starts_on, status, created_at,
                    changed_at)
                SELECT gen_random_uuid(), :p, 'Projekt ' || n,
                    (ARRAY['VIOLENCE', 'YOUTH', 'SENIORS', 'ADDICTION', 'BURGLARY', 'TRAFFIC'])[1 + n % 6],
                    make_date(:year, 1, 1) + (n % 300), 'RUNNING', now(), now()
                FROM generate_series(1, :projects) n""")
                .param("p", p).param("year", year).param("projects", PROJECTS).update();
        System.out.printf("Data: %,d reports with 2 events each, %,d patrols, %d projects in %d (%.1f s)%n", REPORTS,
                PATROLS, PROJECTS, year, (System.nanoTime() - start) / 1e9);
    }
}

package de.sipa.places;

import java.util.ArrayList;
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
 * Benchmark (prints figures, asserts nothing): the evaluation of one place (a park of about 150 m × 220 m, a 200 m
 * buffer, a comparison area 1.3 km away, 12-month windows) over 1,000,000 reports spread over 10 km × 10 km and three
 * years, 20 % of them in a cluster around the park, on SiPa's own embedded PostgreSQL. Run with
 * {@code bench/place-effect.sh}.
 */
public final class PlaceEffectBenchmark {

    private static final int REPORTS = 1_000_000;
    private static final String PARK = "{\"type\":\"Polygon\",\"coordinates\":[[[9.182,48.781],[9.184,48.781],"
            + "[9.184,48.783],[9.182,48.783],[9.182,48.781]]]}";
    private static final String COMPARISON = "{\"type\":\"Polygon\",\"coordinates\":[[[9.200,48.781],[9.202,48.781],"
            + "[9.202,48.783],[9.200,48.783],[9.200,48.781]]]}";

    private PlaceEffectBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        var context = SpringApplication.run(SipaApplication.class, "--spring.profiles.active=test",
                "--server.port=0", "--sipa.database.directory=target/bench-postgres", "--sipa.database.clean=true",
                "--logging.level.root=WARN", "--spring.main.banner-mode=off");
        try {
            var partnerships = context.getBean(Partnerships.class);
            var jdbc = context.getBean(JdbcClient.class);
            var partnership = CurrentUser.runAs(SipaUser.system(PartnershipId.random()),
                    () -> partnerships.create(new NewPartnership("Benchstadt", "benchstadt", "Mitte\nNord",
                            "Koordination", "bench-koord", "Bench", null, "bench-password-1", FederalState.BW)));
            CurrentUser.runAs(SipaUser.system(partnership), () -> {
                var category = context.getBean(Categories.class).create(new Category(CategoryId.random(), "laerm",
                        "Lärm", null, null, 3, false, null, true, List.of()));
                long start = System.nanoTime();
                // 80 % uniform over 10 km × 10 km, 20 % in a cluster of about 300 m around the park; three years
                BenchDatabase.withoutFigureTrigger(context, () -> jdbc.sql("""
                            INSERT INTO reports_report (id, partnership_id, public_id, token, category_id, description,
                                latitude, longitude, source, status, submitted_at, updated_at)
                            SELECT gen_random_uuid(), ?, 'B-' || n, gen_random_uuid(), ?, 'Last',
                                CASE WHEN n % 5 = 0 THEN 48.782 + (random() - 0.5) * 0.006 ELSE 48.74 + random() * 0.09 END,
                                CASE WHEN n % 5 = 0 THEN 9.183 + (random() - 0.5) * 0.008 ELSE 9.12 + random() * 0.136 END,
                                'CITIZEN', 'DONE', now() - random() * interval '1095 days', now()
                            FROM generate_series(1, ?) AS n""")
                            .params(partnership.value(), category.value(), REPORTS).update());
                BenchDatabase.vacuum(context, "reports_report"); // sets the visibility map: index-only scans
                System.out.printf("Data: %,d reports (%.1f s to insert and analyse)%n", REPORTS,
                        (System.nanoTime() - start) / 1e9);
                return null;
            });
            var account = SipaUser.system(partnership);
            var places = context.getBean(Places.class);
            var effects = context.getBean(PlaceEffects.class);
            var clock = context.getBean(java.time.Clock.class);
            var park = CurrentUser.runAs(account, () -> places.create(new PlaceDraft("Park", null, Deficit.BOTH, "",
                    null, "Grünflächenamt", PlaceOrigin.MANUAL, PARK, null)));
            CurrentUser.runAs(account, () -> {
                effects.change(park, new PlaceEffectSettings(java.time.LocalDate.now(clock).minusMonths(13), 12,
                        200, COMPARISON));
                return null;
            });
            var times = new ArrayList<Double>();
            PlaceEffect effect = null;
            for (int i = 0; i < 15; i++) {
                long begin = System.nanoTime();
                effect = CurrentUser.runAs(account, () -> effects.evaluate(park));
                double ms = (System.nanoTime() - begin) / 1e6;
                System.out.printf("  round %d: %.1f ms%n", i + 1, ms);
                if (i >= 5) {
                    times.add(ms);
                }
            }
            var sorted = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf("Counts: place %s, buffer %s, comparison %s; WDQ %s%n", effect.place(), effect.buffer(),
                    effect.comparison(), effect.displacement() == null ? "–" : effect.displacement().value());
            System.out.printf("evaluate one place  n=%d  p50 %.1f ms  p95 %.1f ms  max %.1f ms%n", sorted.length,
                    percentile(sorted, 50), percentile(sorted, 95), sorted[sorted.length - 1]);
            BenchRecord.record("place effect 1M reports", "p95", percentile(sorted, 95), "ms");
        } finally {
            context.close();
        }
    }

    private static double percentile(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}

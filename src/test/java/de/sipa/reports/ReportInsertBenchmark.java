package de.sipa.reports;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import de.sipa.SipaApplication;

/**
 * Benchmark (prints figures, asserts nothing): Open311 POST requests against a bare INSERT of the same
 * {@code reports_report} row through the same connection pool, in one JVM. Starts SiPa (demo profile) on an existing
 * data directory, then (1) N threads send POST requests.json over HTTP to it, each waiting for its answer, and (2) N
 * threads run the INSERT statement of {@code ReportRepository.insert} through the application's {@link DataSource}
 * (Hikari, autocommit, one row per statement), each for the same time. Run by {@code bench/reports.sh}.
 *
 * <p>Arguments: {@code --data DIR --db-port N [--threads 8] [--warmup 10] [--duration 60]}.
 */
public final class ReportInsertBenchmark {

    private static final String INSERT = """
            INSERT INTO reports_report (id, partnership_id, public_id, token, category_id, description, latitude,
                   longitude, address, district_id, district_uncertain, source, status, assignee_id, deadline,
                   attributes, reporter_name, reporter_email, reporter_phone, submitted_at, updated_at, submitted_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS JSONB), ?, ?, ?, ?, ?, ?)""";

    private ReportInsertBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        var options = new HashMap<String, String>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int threads = Integer.parseInt(options.getOrDefault("threads", "8"));
        double warmup = Double.parseDouble(options.getOrDefault("warmup", "10"));
        double duration = Double.parseDouble(options.getOrDefault("duration", "60"));
        var context = SpringApplication.run(SipaApplication.class, "--spring.profiles.active=demo",
                "--server.port=0", "--sipa.database.directory=" + options.get("data"),
                "--sipa.database.port=" + options.get("db-port"), "--logging.level.root=WARN", "--spring.main.banner-mode=off");
        try {
            var port = ((WebServerApplicationContext) context).getWebServer().getPort();
            var dataSource = context.getBean(DataSource.class);
            System.out.println("  pool: " + describe(dataSource) + "; " + threads + " threads, " + warmup
                    + " s warm-up, " + duration + " s measured each");

            var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            var url = URI.create("http://localhost:" + port + "/open311/v2/requests.json");
            var codes = List.of("muell", "muell", "laerm", "alkohol", "beleuchtung", "haltestelle", "sonstiges");
            var post = run("POST requests.json (Java HttpClient in the same JVM)", threads, warmup, duration,
                    (random, n) -> {
                        var code = codes.get(random.nextInt(codes.size()));
                        var form = new java.util.LinkedHashMap<String, String>(Map.of("api_key", "musterstadt-demo-key",
                                "jurisdiction_id", "musterstadt", "service_code", code,
                                "lat", String.format(java.util.Locale.ROOT, "%.6f", 48.745 + random.nextDouble() * 0.05),
                                "long", String.format(java.util.Locale.ROOT, "%.6f", 9.145 + random.nextDouble() * 0.10),
                                "description", "Glasscherben und Müll rund um die Bänke (Last-Test " + n + ")"));
                        if (code.equals("alkohol")) {
                            form.put("attribute[anzahl]", "5");
                        }
                        var body = form.entrySet().stream().map(e -> e.getKey() + "="
                                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
                        var response = http.send(HttpRequest.newBuilder(url)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        return response.statusCode() == 200 && response.body().contains("service_request_id");
                    });

            var jdbc = JdbcClient.create(dataSource);
            var partnership = jdbc.sql("SELECT id FROM partners_partnership WHERE slug = 'musterstadt'")
                    .query(UUID.class).single();
            var category = jdbc.sql("SELECT id FROM reports_category WHERE partnership_id = ? AND code = 'muell'")
                    .param(partnership).query(UUID.class).single();
            var district = jdbc.sql("SELECT id FROM partners_district WHERE partnership_id = ? ORDER BY position LIMIT 1")
                    .param(partnership).query(UUID.class).single();
            var organisation = jdbc.sql("SELECT id FROM partners_organisation WHERE partnership_id = ? ORDER BY name LIMIT 1")
                    .param(partnership).query(UUID.class).single();
            var counter = new AtomicLong();
            var insert = run("bare INSERT INTO reports_report (JdbcClient on the app's DataSource)", threads, warmup,
                    duration, (random, n) -> {
                        var now = Timestamp.from(Instant.now());
                        return jdbc.sql(INSERT).params(UUID.randomUUID(), partnership,
                                "B-" + counter.incrementAndGet(), UUID.randomUUID(), category,
                                "Glasscherben und Müll rund um die Bänke (Last-Test " + n + ")",
                                48.745 + random.nextDouble() * 0.05, 9.145 + random.nextDouble() * 0.10, null,
                                district, false, "OPEN311", "NEW", organisation,
                                Timestamp.from(now.toInstant().plus(Duration.ofDays(5))), "{}", null, null, null, now,
                                now, "bench-insert").update() == 1;
                    });
            System.out.printf("  ratio POST / bare INSERT: %.3f (%.1f / %.1f per second; the INSERT is %.0f times as fast)%n",
                    post / insert, post, insert, insert / post);
            System.out.printf("RESULT java_post_rate=%.1f insert_rate=%.1f ratio=%.4f%n", post, insert, post / insert);
        } finally {
            context.close();
        }
    }

    interface Action {
        boolean run(Random random, long n) throws Exception;
    }

    /** Runs the action in a loop on N threads; returns the measured operations per second. */
    private static double run(String what, int threads, double warmup, double duration, Action action)
            throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + (long) (warmup * 1e9);
        long end = measureFrom + (long) (duration * 1e9);
        var latencies = new ArrayList<double[]>();
        var errors = new AtomicLong();
        var counts = new long[threads];
        var workers = new ArrayList<Thread>();
        for (int t = 0; t < threads; t++) {
            int index = t;
            var mine = new double[2_000_000];
            latencies.add(mine);
            var worker = new Thread(() -> {
                var random = new Random(index);
                long n = 0;
                while (true) {
                    long t0 = System.nanoTime();
                    if (t0 >= end) {
                        break;
                    }
                    boolean ok;
                    try {
                        ok = action.run(random, index * 100_000_000L + n);
                    } catch (Exception e) {
                        ok = false;
                        if (errors.get() < 3) {
                            System.err.println(what + ": " + e);
                        }
                    }
                    long t1 = System.nanoTime();
                    if (t0 >= measureFrom && counts[index] < mine.length) {
                        mine[(int) counts[index]++] = (t1 - t0) / 1e6;
                        if (!ok) {
                            errors.incrementAndGet();
                        }
                    }
                    n++;
                }
            });
            workers.add(worker);
            worker.start();
        }
        for (var worker : workers) {
            worker.join();
        }
        var all = new ArrayList<Double>();
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < counts[t]; i++) {
                all.add(latencies.get(t)[i]);
            }
        }
        var sorted = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double rate = sorted.length / duration;
        System.out.printf("  %s: %.1f per second (%d, %d errors); latency p50 %.1f, p95 %.1f, p99 %.1f, max %.1f ms%n",
                what, rate, sorted.length, errors.get(), percentile(sorted, 50), percentile(sorted, 95),
                percentile(sorted, 99), sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1]);
        return rate;
    }

    private static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static String describe(DataSource dataSource) {
        try {
            var pool = dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class);
            return "Hikari, maximumPoolSize " + pool.getMaximumPoolSize();
        } catch (Exception e) {
            return dataSource.getClass().getSimpleName();
        }
    }
}

package de.sipa.responsibilities;

import de.sipa.BenchRecord;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Random;
import java.util.regex.Pattern;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import de.sipa.SipaApplication;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.partners.NewPartnership;
import de.sipa.partners.OrganisationDetails;
import de.sipa.partners.OrganisationKind;
import de.sipa.partners.Organisations;
import de.sipa.partners.Partnerships;
import de.sipa.shared.FederalState;
import de.sipa.shared.PartnershipId;

/**
 * Benchmark (prints figures, asserts nothing): the grid page for 500 topics × 60 organisations, over HTTP
 * against the running application on its own embedded PostgreSQL. Run with {@code bench/matrix-grid.sh}.
 */
public final class MatrixGridBenchmark {

    private static final int TOPICS = 500;
    private static final int ORGANISATIONS = 60;
    private static final String PASSWORD = "bench-password-1";

    private MatrixGridBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        var context = SpringApplication.run(SipaApplication.class, "--spring.profiles.active=test",
                "--server.port=0", "--sipa.database.directory=target/bench-postgres", "--sipa.database.clean=true",
                "--logging.level.root=WARN");
        try {
            var port = ((WebServerApplicationContext) context).getWebServer().getPort();
            var partnerships = context.getBean(Partnerships.class);
            var organisations = context.getBean(Organisations.class);
            var responsibilities = context.getBean(Responsibilities.class);
            var partnership = CurrentUser.runAs(SipaUser.system(PartnershipId.random()),
                    () -> partnerships.create(new NewPartnership("Benchstadt", "benchstadt", districtNames(),
                            "Koordination", "bench-koord", "Bench", null, PASSWORD,
                            FederalState.BW)));
            long start = System.nanoTime();
            CurrentUser.runAs(SipaUser.system(partnership), () -> {
                var random = new Random(7);
                var organisationIds = new ArrayList<java.util.UUID>();
                for (int i = 0; i < ORGANISATIONS; i++) {
                    organisationIds.add(organisations.create(new OrganisationDetails("Organisation " + i,
                            OrganisationKind.values()[i % OrganisationKind.values().length], null, null, null, null,
                            null, null, null, true)).value());
                }
                var districts = partnerships.districts();
                var edits = new ArrayList<MatrixEdit>();
                for (int t = 0; t < TOPICS; t++) {
                    var topic = responsibilities.createTopic(new TopicDetails("Aufgabe " + t, null, null, true));
                    var used = new java.util.HashSet<Integer>();
                    for (int e = 0; e < 6; e++) {
                        int organisation = random.nextInt(ORGANISATIONS);
                        if (!used.add(organisation)) {
                            continue;
                        }
                        var district = e >= 3 ? districts.get(random.nextInt(districts.size())).id().value() : null;
                        var responsibility = e == 0 || e >= 3 ? Responsibility.LEAD
                                : e == 1 ? Responsibility.SUPPORT : Responsibility.INFORMED;
                        edits.add(new MatrixEdit.Assign(responsibilities.checked(EntryId.random(), new EntryDetails(
                                topic.value(), district, null, organisationIds.get(organisation), responsibility,
                                "4 h/Woche", null, "bench"))));
                    }
                }
                responsibilities.apply(edits, "Benchmark-Daten", null);
                System.out.printf("Data: %d topics, %d organisations, %d entries, %d districts (%.1f s to create)%n",
                        TOPICS, ORGANISATIONS, edits.size(), districts.size(), (System.nanoTime() - start) / 1e9);
            });

            var client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            var base = "http://localhost:" + port;
            var login = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            var matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
            matcher.find();
            var form = "username=bench-koord&password=" + PASSWORD + "&_csrf="
                    + URLEncoder.encode(matcher.group(1), StandardCharsets.UTF_8);
            client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());

            measure(client, base + "/matrix", "grid, all districts");
            measure(client, base + "/matrix?district=" + CurrentUser.runAs(SipaUser.system(partnership),
                    () -> partnerships.districts().get(3).id()), "grid, one district");
            measure(client, base + "/matrix/findings", "findings page");
        } finally {
            context.close();
        }
    }

    private static void measure(HttpClient client, String url, String what) throws Exception {
        var times = new ArrayList<Double>();
        long bytes = 0;
        for (int i = 0; i < 40; i++) {
            long start = System.nanoTime();
            var response = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString());
            double ms = (System.nanoTime() - start) / 1e6;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode());
            }
            bytes = response.body().length();
            if (i >= 10) {
                times.add(ms);
            }
        }
        var sorted = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("%-22s n=%d  p50 %.0f ms  p95 %.0f ms  max %.0f ms  (%,d chars of HTML)%n", what,
                sorted.length, percentile(sorted, 50), percentile(sorted, 95), sorted[sorted.length - 1], bytes);
        BenchRecord.record("matrix grid " + what.strip(), "p95", percentile(sorted, 95), "ms");
    }

    private static double percentile(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static String districtNames() {
        var names = new ArrayList<String>();
        for (int i = 1; i <= 50; i++) {
            names.add("Bezirk " + i);
        }
        return String.join("\n", names);
    }
}

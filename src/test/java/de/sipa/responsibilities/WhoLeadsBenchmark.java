package de.sipa.responsibilities;

import de.sipa.BenchRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import de.sipa.partners.District;
import de.sipa.partners.DistrictId;
import de.sipa.shared.OrganisationId;

/**
 * Benchmark (prints figures, asserts nothing): {@code whoLeads} on a matrix of 500 topics × 50 districts ×
 * 3 time windows, single-threaded, and how long rebuilding the index after a change takes. Run with
 * {@code bench/who-leads.sh}.
 */
public final class WhoLeadsBenchmark {

    private static final int TOPICS = 500;
    private static final int DISTRICTS = 50;
    private static final int ORGANISATIONS = 60;
    private static final int LOOKUPS = 10_000_000;

    private WhoLeadsBenchmark() {
    }

    public static void main(String[] args) {
        var random = new Random(42);
        var zone = ZoneId.of("Europe/Berlin");
        var topics = new ArrayList<Topic>();
        for (int i = 0; i < TOPICS; i++) {
            topics.add(new Topic(TopicId.random(), "Aufgabe " + i, null, null, true));
        }
        var districts = new ArrayList<District>();
        for (int i = 0; i < DISTRICTS; i++) {
            districts.add(new District(DistrictId.random(), "Bezirk " + i, i, null));
        }
        var windows = List.of(
                new TimeWindow(TimeWindowId.random(), "Nacht", LocalTime.of(22, 0), LocalTime.of(6, 0)),
                new TimeWindow(TimeWindowId.random(), "Abend", LocalTime.of(18, 0), LocalTime.of(22, 0)),
                new TimeWindow(TimeWindowId.random(), "Markttage früh", LocalTime.of(5, 0), LocalTime.of(9, 0)));
        var organisations = new ArrayList<OrganisationId>();
        for (int i = 0; i < ORGANISATIONS; i++) {
            organisations.add(OrganisationId.random());
        }
        var entries = new ArrayList<MatrixEntry>();
        var hours = List.of(new Resource(BigDecimal.TEN, "h/Woche"));
        for (var topic : topics) {
            entries.add(entry(topic, null, null, organisations.get(random.nextInt(ORGANISATIONS)), Responsibility.LEAD, hours));
            entries.add(entry(topic, null, null, organisations.get(random.nextInt(ORGANISATIONS)), Responsibility.SUPPORT, hours));
            for (var window : windows) {
                if (random.nextInt(3) == 0) {
                    entries.add(entry(topic, null, window.id(), organisations.get(random.nextInt(ORGANISATIONS)),
                            Responsibility.LEAD, hours));
                }
            }
            for (var district : districts) {
                if (random.nextInt(5) == 0) {
                    entries.add(entry(topic, district.id(), null, organisations.get(random.nextInt(ORGANISATIONS)),
                            Responsibility.LEAD, hours));
                }
                if (random.nextInt(10) == 0) {
                    entries.add(entry(topic, district.id(), windows.get(random.nextInt(3)).id(),
                            organisations.get(random.nextInt(ORGANISATIONS)), Responsibility.LEAD, hours));
                }
            }
        }
        var matrix = new Matrix(Instant.now(), topics, districts, windows, entries);
        System.out.printf("Matrix: %d topics × %d districts × %d time windows, %d entries%n", TOPICS, DISTRICTS,
                windows.size(), entries.size());

        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            var built = new MatrixIndex(matrix, zone);
            long took = System.nanoTime() - start;
            System.out.printf("Index build (after a change) round %d: %.1f ms%s%n", round + 1, took / 1e6,
                    built.knows(topics.get(0).id()) ? "" : " (empty!)");
        }
        var index = new MatrixIndex(matrix, zone);

        int sample = 1 << 20;
        var topicSample = new TopicId[sample];
        var districtSample = new DistrictId[sample];
        var instantSample = new Instant[sample];
        var base = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < sample; i++) {
            topicSample[i] = topics.get(random.nextInt(TOPICS)).id();
            districtSample[i] = random.nextInt(20) == 0 ? null : districts.get(random.nextInt(DISTRICTS)).id();
            instantSample[i] = Instant.ofEpochSecond(base + random.nextInt(365 * 24 * 3600));
        }
        long blackhole = 0;
        double best = 0;
        for (int round = 0; round < 8; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < LOOKUPS; i++) {
                int k = i & (sample - 1);
                blackhole += index.whoLeads(topicSample[k], districtSample[k], instantSample[k]).leads().size();
            }
            long took = System.nanoTime() - start;
            System.out.printf("%s round %d: %,d lookups in %.0f ms = %,.0f lookups/s (%.0f ns/lookup)%n",
                    round < 3 ? "warm-up" : "measure", round + 1, LOOKUPS, took / 1e6, LOOKUPS / (took / 1e9),
                    (double) took / LOOKUPS);
            if (round >= 3) {
                best = Math.max(best, LOOKUPS / (took / 1e9));
            }
        }
        BenchRecord.record("who leads lookups (best measured round)", "throughput", best, "1/s");
        System.out.println("(checksum " + blackhole + ")");
    }

    private static MatrixEntry entry(Topic topic, DistrictId district, TimeWindowId window, OrganisationId organisation,
            Responsibility responsibility, List<Resource> resources) {
        return new MatrixEntry(EntryId.random(), topic.id(), district, window, organisation, responsibility, resources,
                null);
    }
}

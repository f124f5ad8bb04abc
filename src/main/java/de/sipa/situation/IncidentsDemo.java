package de.sipa.situation;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.partners.Partnerships;
import de.sipa.shared.DemoStory;

/**
 * Musterstadt's police incidents with places, imported through the real import: the same spatial story as the
 * reports (the spots of {@code reports.ReportHistory}). Street crime at night on the Palastgarten's dark paths until
 * the LED lighting is in place, then far less; drugs, street crime and weekend violence at the Hauptbahnhof all along;
 * damage and street crime in the Neckarblick estate once its paths are dark; burglaries, damage and street crime
 * spread over the districts. The period is the last year, reaching back to three months before the new lighting so
 * that its effect shows.
 */
@Component
@Profile("demo")
@Order(61)
class IncidentsDemo implements ApplicationRunner {

    /** A place of the story: centre and spread (standard deviation, degrees), as the reports' spots. */
    record Spot(double latitude, double longitude, double spread) {
    }

    static final Spot PALASTGARTEN = new Spot(48.7818, 9.1832, 0.0008);
    static final Spot HAUPTBAHNHOF = new Spot(48.7829, 9.1800, 0.0005);
    static final Spot NECKARBLICK = new Spot(48.7625, 9.2455, 0.0009);

    static final String STREET = "Straßenkriminalität";
    static final String VIOLENCE = "Gewaltkriminalität";
    static final String DRUGS = "Rauschgiftdelikte";
    static final String BURGLARY = "Wohnungseinbruchdiebstahl";
    static final String DAMAGE = "Sachbeschädigung";

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private final Partnerships partnerships;
    private final PoliceIncidents incidents;
    private final TransactionTemplate transaction;
    private final DemoStory story;

    IncidentsDemo(Partnerships partnerships, PoliceIncidents incidents, TransactionTemplate transaction,
            DemoStory story) {
        this.partnerships = partnerships;
        this.incidents = incidents;
        this.transaction = transaction;
        this.story = story;
    }

    @Override
    public void run(ApplicationArguments args) {
        var musterstadt = partnerships.bySlug("musterstadt");
        if (musterstadt.isEmpty()) {
            return;
        }
        CurrentUser.runAs(SipaUser.system(musterstadt.get().id()), () -> transaction.executeWithoutResult(s -> load()));
    }

    private void load() {
        if (!incidents.groups().isEmpty()) {
            return;
        }
        var area = new ArrayList<Geometry>();
        partnerships.districts().stream().filter(d -> d.hasBoundary())
                .forEach(d -> area.add(HotspotAnalysis.geometry(d.boundary())));
        if (area.isEmpty()) {
            return;
        }
        incidents.confirm(csv(story, area).getBytes(StandardCharsets.UTF_8),
                IncidentMapping.guess());
    }

    /** The last day of the incidents is yesterday; the first a year before, or three months before the new lamps. */
    static LocalDate first(DemoStory story) {
        var yearAgo = story.today().minusYears(1);
        var beforeLighting = story.lightingRenewed().minusMonths(3);
        return beforeLighting.isBefore(yearAgo) ? beforeLighting : yearAgo;
    }

    /** The police's export, one incident per line, reproducible for a story. */
    static String csv(DemoStory story, List<Geometry> area) {
        var random = new Random(DemoStory.SEED + 61);
        var envelope = new Envelope();
        area.forEach(g -> envelope.expandToInclude(g.getEnvelopeInternal()));
        var csv = new StringBuilder(PoliceIncidents.sampleHeader()).append('\n');
        for (var day = first(story); day.isBefore(story.today()); day = day.plusDays(1)) {
            boolean weekend = day.getDayOfWeek() == DayOfWeek.FRIDAY || day.getDayOfWeek() == DayOfWeek.SATURDAY;
            boolean lit = !day.isBefore(story.lightingRenewed());
            boolean estateDark = !day.isBefore(story.estateDark());
            spot(csv, random, day, PALASTGARTEN, STREET, lit ? 0.08 : 0.55, true);
            spot(csv, random, day, HAUPTBAHNHOF, DRUGS, 0.4, false);
            spot(csv, random, day, HAUPTBAHNHOF, STREET, 0.3, true);
            spot(csv, random, day, HAUPTBAHNHOF, VIOLENCE, weekend ? 0.45 : 0.08, true);
            spot(csv, random, day, NECKARBLICK, DAMAGE, estateDark ? 0.3 : 0.04, true);
            spot(csv, random, day, NECKARBLICK, STREET, estateDark ? 0.15 : 0.04, true);
            spread(csv, random, day, area, envelope, BURGLARY, 0.5);
            spread(csv, random, day, area, envelope, STREET, 0.8);
            spread(csv, random, day, area, envelope, DAMAGE, 0.5);
        }
        return csv.toString();
    }

    private static void spot(StringBuilder csv, Random random, LocalDate day, Spot spot, String group, double perDay,
            boolean night) {
        for (int k = poisson(random, perDay); k > 0; k--) {
            row(csv, random, day, group, spot.latitude() + random.nextGaussian() * spot.spread(),
                    spot.longitude() + random.nextGaussian() * spot.spread() * 1.5, night);
        }
    }

    /** Uniformly over the districts. */
    private static void spread(StringBuilder csv, Random random, LocalDate day, List<Geometry> area,
            Envelope envelope, String group, double perDay) {
        for (int k = poisson(random, perDay); k > 0; k--) {
            for (int attempt = 0; attempt < 50; attempt++) {
                double longitude = envelope.getMinX() + random.nextDouble() * envelope.getWidth();
                double latitude = envelope.getMinY() + random.nextDouble() * envelope.getHeight();
                var point = GEOMETRY.createPoint(new Coordinate(longitude, latitude));
                if (area.stream().anyMatch(g -> g.contains(point))) {
                    row(csv, random, day, group, latitude, longitude, false);
                    break;
                }
            }
        }
    }

    private static void row(StringBuilder csv, Random random, LocalDate day, String group, double latitude,
            double longitude, boolean night) {
        int hour = night ? (20 + random.nextInt(8)) % 24 : random.nextInt(24);
        var time = random.nextInt(10) == 0 ? "" : String.format("%02d:%02d", hour, random.nextInt(60));
        csv.append(day).append(';').append(time).append(';').append(group).append(';')
                .append(String.format(java.util.Locale.ROOT, "%.6f;%.6f", latitude, longitude)).append('\n');
    }

    private static int poisson(Random random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}

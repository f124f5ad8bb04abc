package de.sipa.operations;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.partners.Organisation;
import de.sipa.partners.Organisations;
import de.sipa.partners.Partnerships;
import de.sipa.partners.People;
import de.sipa.partners.Person;
import de.sipa.reports.Categories;
import de.sipa.reports.Category;
import de.sipa.reports.DemoReports;
import de.sipa.shared.DemoStory;

/**
 * Musterstadt's joint patrol: police officers of the Einsatzzug and the Ordnungsamt's enforcement staff, Fri/Sat
 * 20–2 h through the Palastgarten and along the Hauptbahnhof, from the May the Lenkungsgruppe decided it (see
 * {@link DemoStory}) until four weeks ahead. Past patrols have their crews and reports; the observations that became
 * reports of the contact point (source "patrol", made up by the reports' demo) are linked to the night they were
 * made; a few nights were cancelled, the last one is still unreported; the coming ones are partly staffed. The past
 * is written in batches, the coming bookings go through {@link Patrols#assign}.
 */
@Component
@Profile("demo")
@Order(50)
class PatrolsDemo implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PatrolsDemo.class);

    static final String PALASTGARTEN = """
            {"type":"Polygon","coordinates":[[[9.1795,48.7795],[9.1862,48.7795],[9.1871,48.7838],[9.1808,48.7846],\
            [9.1795,48.7795]]]}""";
    static final String HAUPTBAHNHOF = """
            {"type":"LineString","coordinates":[[9.1779,48.7826],[9.1801,48.7836],[9.1822,48.7842],[9.1840,48.7847]]}""";
    private static final String[] PLACES = {"Pavillon, Spielplatz, Brunnen, Bahnhofsvorplatz, Unterführung",
        "Hauptweg, Seeufer, Pavillon, Klett-Passage", "Bahnhofsvorplatz, Busbahnhof, Unterführung, Brunnen",
        "Spielplatz, Pavillon, Eingang Schillerplatz, Bahnhofsvorplatz"};
    private static final String[] INCIDENTS = {"Streit zwischen zwei Gruppen am Brunnen geschlichtet.",
        "Körperverletzung an der Unterführung, Tatverdächtiger vorläufig festgenommen.",
        "Hilflose Person am Seeufer, Rettungsdienst verständigt.",
        "Ladendiebstahl im Bahnhof gemeldet, an die Bundespolizei übergeben."};
    private static final String[] MEASURES = {"Präsenz gezeigt, Gespräche geführt.",
        "Platzverweis für zwei Personen.", "Personalien von vier Personen festgestellt, Jugendschutz belehrt.",
        "Musikanlage leiser gestellt, Anwohner informiert.", "Präsenz gezeigt, Flyer zur Sicherheitspartnerschaft verteilt."};
    private static final String[][] NOT_REPORTED = {
        {"Pavillon", "Gruppe Jugendlicher, nach Ansprache ruhig; kein weiterer Handlungsbedarf."},
        {"Bahnhofsvorplatz", "Mehr Menschen als sonst wegen Zugausfällen, Lage ruhig."},
        {"Seeufer", "Angelschnur mit Haken am Ufer, selbst entfernt."},
    };

    private final Partnerships partnerships;
    private final Organisations organisations;
    private final People people;
    private final DemoReports demoReports;
    private final Categories categories;
    private final Patrols patrols;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final DemoStory story;

    PatrolsDemo(Partnerships partnerships, Organisations organisations, People people, DemoReports demoReports,
            Categories categories, Patrols patrols, JdbcTemplate jdbc, TransactionTemplate transaction, Clock clock,
            DemoStory story) {
        this.partnerships = partnerships;
        this.organisations = organisations;
        this.people = people;
        this.demoReports = demoReports;
        this.categories = categories;
        this.patrols = patrols;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
        this.story = story;
    }

    @Override
    public void run(ApplicationArguments args) {
        var musterstadt = partnerships.bySlug("musterstadt");
        if (musterstadt.isEmpty()) {
            return;
        }
        CurrentUser.runAs(SipaUser.system(musterstadt.get().id()), () -> {
            if (patrols.areas().isEmpty()) {
                transaction.executeWithoutResult(s -> load(musterstadt.get().id()));
            }
        });
    }

    private void load(de.sipa.shared.PartnershipId partnership) {
        long begun = System.nanoTime();
        var cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuBegun = cpu.getCurrentThreadCpuTime();
        var random = new SplittableRandom(DemoStory.SEED + 50);
        var now = clock.instant();
        var today = story.today();
        var mitte = partnerships.districts().stream().filter(d -> d.name().equals("Mitte")).findFirst().orElseThrow();
        var police = organisation("Polizeipräsidium Musterstadt");
        var publicOrder = organisation("Amt für öffentliche Ordnung");
        var garden = patrols.createArea("Palastgarten", mitte.id(), PALASTGARTEN);
        var station = patrols.createArea("Hauptbahnhof", mitte.id(), HAUPTBAHNHOF);
        var plan = patrols.planJointPatrol("Palastgarten und Hauptbahnhof", new PatrolSchedule(
                Set.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY), DemoStory.PATROL_BEGINS, DemoStory.PATROL_ENDS,
                story.patrolsBegin(), today.plusWeeks(4), false), List.of(garden, station),
                List.of(new Staffing(police.id(), 2), new Staffing(publicOrder.id(), 2)));
        // Those who walk: officers of the Einsatzzug and the enforcement staff, not the heads of the authorities.
        var officers = people.ofOrganisation(police.id()).stream().filter(p -> p.function().contains("Einsatzzug"))
                .toList();
        var clerks = people.ofOrganisation(publicOrder.id()).stream()
                .filter(p -> p.function().contains("Gemeindevollzugsdienst")).toList();
        var zone = clock.getZone();
        var entries = patrols.roster(story.patrolsBegin().atStartOfDay(zone).toInstant(),
                today.plusWeeks(5).atStartOfDay(zone).toInstant(), null).stream()
                .filter(e -> e.patrol().plan().equals(plan)).map(PatrolRosterEntry::patrol)
                .sorted(Comparator.comparing(Patrol::startsAt)).toList();
        var past = entries.stream().filter(p -> p.endsAt().isBefore(now)).toList();
        Map<PatrolId, List<DemoReports.FiledByPatrol>> filed = new HashMap<>();
        for (var report : demoReports.filedByPatrols(partnership)) {
            past.stream().filter(p -> !report.submittedAt().isBefore(p.startsAt())
                    && !report.submittedAt().isAfter(p.endsAt())).findFirst()
                    .ifPresent(p -> filed.computeIfAbsent(p.id(), k -> new ArrayList<>()).add(report));
        }
        var other = categories.all().stream().filter(c -> c.code().equals("sonstiges")).map(Category::id)
                .findFirst().orElseThrow();
        var duties = new ArrayList<Object[]>();
        var written = new ArrayList<Object[]>();
        var observations = new ArrayList<Object[]>();
        for (int i = 0; i < past.size(); i++) {
            var patrol = past.get(i);
            var reports = filed.getOrDefault(patrol.id(), List.of());
            // A few nights were called off (thunderstorm warning, a major event elsewhere); not in the last weeks,
            // whose patrols the browser tests report on.
            if (reports.isEmpty() && random.nextDouble() < 0.04 && patrol.endsAt().isBefore(now.minus(Duration.ofDays(21)))) {
                patrols.cancel(patrol.id());
                continue;
            }
            var booked = patrol.startsAt().minus(Duration.ofDays(7 + random.nextInt(14)));
            for (int k = 0; k < 2; k++) {
                duties.add(new Object[] {patrol.id().value(), officers.get((2 * i + k) % officers.size()).id().value(),
                        police.id().value(), "polizei", Timestamp.from(booked)});
                duties.add(new Object[] {patrol.id().value(), clerks.get((2 * i + k + 1) % clerks.size()).id().value(),
                        publicOrder.id().value(), "ordnungsamt", Timestamp.from(booked.plus(Duration.ofHours(3)))});
            }
            if (i == past.size() - 1 && reports.isEmpty()) {
                continue; // not reported yet
            }
            var writer = i % 2 == 0 ? "polizei" : "ordnungsamt";
            boolean incident = random.nextDouble() < 0.3;
            written.add(new Object[] {patrol.id().value(),
                Timestamp.from(patrol.startsAt().plus(Duration.ofMinutes(random.nextInt(15)))),
                Timestamp.from(patrol.endsAt().minus(Duration.ofMinutes(random.nextInt(40)))),
                PLACES[random.nextInt(PLACES.length)], 4 + random.nextInt(20),
                incident ? INCIDENTS[random.nextInt(INCIDENTS.length)] : null,
                MEASURES[random.nextInt(MEASURES.length)], writer,
                Timestamp.from(patrol.endsAt().plus(Duration.ofHours(8 + random.nextInt(6))))});
            for (var report : reports) {
                var address = report.address() == null ? "" : report.address();
                var comma = address.lastIndexOf(", ");
                var area = address.endsWith("Hauptbahnhof") ? station : garden;
                observations.add(new Object[] {UUID.randomUUID(), patrol.id().value(), report.category().value(),
                    area.value(), comma < 0 ? null : address.substring(0, comma), report.description(),
                    report.id().value(), report.submittedBy(),
                    Timestamp.from(report.submittedAt().minus(Duration.ofMinutes(2)))});
            }
            if (random.nextDouble() < 0.15) {
                var note = NOT_REPORTED[random.nextInt(NOT_REPORTED.length)];
                observations.add(new Object[] {UUID.randomUUID(), patrol.id().value(),
                    other.value(), garden.value(), note[0], note[1], null,
                    writer, Timestamp.from(patrol.endsAt().minus(Duration.ofMinutes(90)))});
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO operations_patrol_duty (patrol_id, person_id, organisation_id, assigned_by, assigned_at)
                VALUES (?, ?, ?, ?, ?)""", duties);
        jdbc.batchUpdate("""
                INSERT INTO operations_patrol_report (patrol_id, started_at, ended_at, places, citizen_contacts,
                                                      incidents, measures, written_by, written_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", written);
        jdbc.batchUpdate("""
                INSERT INTO operations_patrol_observation (id, patrol_id, category_id, area_id, place, description,
                                                           report_id, written_by, written_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", observations);
        // The coming weekends: the police staff all, the Ordnungsamt so far the next two weekends and then every other.
        var coming = entries.stream().filter(p -> !p.endsAt().isBefore(now)).toList();
        for (int i = 0; i < coming.size(); i++) {
            var patrol = coming.get(i);
            assign(patrol, officers, i, 2);
            if (i < 4) {
                assign(patrol, clerks, i, 2);
            } else if (i % 2 == 0) {
                assign(patrol, clerks, i, 1);
            }
        }
        log.info("Demo patrols: {} patrols in {} ms ({} ms CPU in this thread)", entries.size(),
                (System.nanoTime() - begun) / 1_000_000, (cpu.getCurrentThreadCpuTime() - cpuBegun) / 1_000_000);
    }

    /** Puts {@code count} people of the organisation on the patrol, in turns so that nobody walks every night. */
    private void assign(Patrol patrol, List<Person> staff, int turn, int count) {
        for (int k = 0; k < count && k < staff.size(); k++) {
            patrols.assign(patrol.id(), staff.get((turn * count + k) % staff.size()).id());
        }
    }

    private Organisation organisation(String name) {
        return organisations.all().stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
    }
}

package de.sipa.operations;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
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

/**
 * Musterstadt's joint patrol: police and Ordnungsamt, Fri/Sat 20–2 h through the Palastgarten and along the
 * Hauptbahnhof, two months back and one ahead. Past patrols have reports (one was cancelled, one is still
 * unreported), some observations went to the contact point; the coming ones are partly staffed.
 */
@Component
@Profile("demo")
@Order(50)
class PatrolsDemo implements ApplicationRunner {

    static final String PALASTGARTEN = """
            {"type":"Polygon","coordinates":[[[9.1795,48.7795],[9.1862,48.7795],[9.1871,48.7838],[9.1808,48.7846],\
            [9.1795,48.7795]]]}""";
    static final String HAUPTBAHNHOF = """
            {"type":"LineString","coordinates":[[9.1779,48.7826],[9.1801,48.7836],[9.1822,48.7842],[9.1840,48.7847]]}""";
    private static final String[][] OBSERVATIONS = {
        {"laerm", "Pavillon", "Gruppe mit Musikbox, nach Ansprache leiser gestellt; Anwohner beschweren sich regelmäßig."},
        {"muell", "Spielplatz", "Glasscherben im Sandkasten und rund um die Bänke."},
        {"beleuchtung", "Weg zum Bahnhof", "Zwei Laternen am Hauptweg dunkel, Weg kaum einsehbar."},
    };

    private final Partnerships partnerships;
    private final Organisations organisations;
    private final People people;
    private final Categories categories;
    private final Patrols patrols;
    private final PatrolReports reports;
    private final TransactionTemplate transaction;
    private final Clock clock;

    PatrolsDemo(Partnerships partnerships, Organisations organisations, People people, Categories categories,
            Patrols patrols, PatrolReports reports, TransactionTemplate transaction, Clock clock) {
        this.partnerships = partnerships;
        this.organisations = organisations;
        this.people = people;
        this.categories = categories;
        this.patrols = patrols;
        this.reports = reports;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        var musterstadt = partnerships.bySlug("musterstadt");
        if (musterstadt.isEmpty()) {
            return;
        }
        CurrentUser.runAs(SipaUser.system(musterstadt.get().id()), () -> {
            if (patrols.areas().isEmpty()) {
                transaction.executeWithoutResult(s -> load());
            }
        });
    }

    private void load() {
        var mitte = partnerships.districts().stream().filter(d -> d.name().equals("Mitte")).findFirst().orElseThrow();
        var police = organisation("Polizeipräsidium Musterstadt");
        var publicOrder = organisation("Amt für öffentliche Ordnung");
        var garden = patrols.createArea("Palastgarten", mitte.id(), PALASTGARTEN);
        var station = patrols.createArea("Hauptbahnhof", mitte.id(), HAUPTBAHNHOF);
        var today = LocalDate.now(clock);
        var firstFriday = today.minusWeeks(9).with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
        var plan = patrols.planJointPatrol("Palastgarten und Hauptbahnhof", new PatrolSchedule(
                Set.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY), LocalTime.of(20, 0), LocalTime.of(2, 0), firstFriday,
                today.plusWeeks(4), false), List.of(garden, station),
                List.of(new Staffing(police.id(), 2), new Staffing(publicOrder.id(), 2)));
        var officers = people.ofOrganisation(police.id());
        var clerks = people.ofOrganisation(publicOrder.id());
        var zone = clock.getZone();
        var entries = patrols.roster(firstFriday.atStartOfDay(zone).toInstant(),
                today.plusWeeks(5).atStartOfDay(zone).toInstant(), null).stream()
                .filter(e -> e.patrol().plan().equals(plan)).toList();
        var past = entries.stream().filter(e -> e.patrol().endsAt().isBefore(clock.instant())).toList();
        var categoryOf = categories.all().stream()
                .collect(Collectors.toMap(Category::code, Category::id));
        for (int i = 0; i < entries.size(); i++) {
            var patrol = entries.get(i).patrol();
            boolean isPast = past.contains(entries.get(i));
            if (isPast && i == 4) {
                patrols.cancel(patrol.id()); // thunderstorm warning
                continue;
            }
            // Upcoming patrols: the police staff all, the Ordnungsamt so far only the next two weekends.
            assign(patrol, officers, i, 2);
            if (isPast || i < past.size() + 4) {
                assign(patrol, clerks, i, 2);
            } else if (i % 2 == 0) {
                assign(patrol, clerks, i, 1);
            }
            if (!isPast || i == past.size() - 1) {
                continue;
            }
            reports.file(patrol.id(), LocalTime.of(20, 5 * (i % 3)), LocalTime.of(i % 4 == 0 ? 1 : 2, 0),
                    "Pavillon, Spielplatz, Brunnen, Bahnhofsvorplatz, Unterführung", 6 + i % 9,
                    i % 3 == 0 ? "Streit zwischen zwei Gruppen am Brunnen geschlichtet." : null,
                    i % 3 == 0 ? "Platzverweis für zwei Personen." : "Präsenz gezeigt, Gespräche geführt.");
            if (i % 3 == 1) {
                var o = OBSERVATIONS[i % OBSERVATIONS.length];
                var observation = reports.observe(patrol.id(), categoryOf.get(o[0]), garden, o[1], o[2], Map.of());
                if (i % 2 == 1) {
                    reports.toReport(patrol.id(), observation, Map.of());
                }
            }
        }
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

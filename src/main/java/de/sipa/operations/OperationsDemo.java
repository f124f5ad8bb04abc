package de.sipa.operations;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.meetings.ActionItemOrigin;
import de.sipa.meetings.Meetings;
import de.sipa.operations.DeploymentPlan.Contact;
import de.sipa.operations.DeploymentPlan.Phase;
import de.sipa.operations.DeploymentPlan.Section;
import de.sipa.operations.DeploymentPlan.Task;
import de.sipa.partners.District;
import de.sipa.partners.DistrictId;
import de.sipa.partners.Organisations;
import de.sipa.partners.Partnerships;
import de.sipa.partners.People;
import de.sipa.partners.PersonId;
import de.sipa.shared.DemoStory;
import de.sipa.shared.OrganisationId;
import de.sipa.shared.PartnershipId;

/**
 * Musterstadt's Stadtfest of this summer with an approved deployment plan, its operations log and debrief, and a
 * flood expected in a few days with a draft plan; and short-notice requests between the partners: one of two days
 * ago confirmed within six minutes, accepted and grown into an event, one declined yesterday, one open from today.
 */
@Component
@Profile("demo")
@Order(50)
class OperationsDemo implements ApplicationRunner {

    private static final String MARKTPLATZ = "{\"type\":\"Polygon\",\"coordinates\":[[[9.1745,48.7745],[9.1835,48.7745],"
            + "[9.1850,48.7790],[9.1760,48.7800],[9.1745,48.7745]]]}";
    private static final String NECKARUFER = "{\"type\":\"Polygon\",\"coordinates\":[[[9.2050,48.7800],[9.2150,48.7850],"
            + "[9.2120,48.7880],[9.2020,48.7830],[9.2050,48.7800]]]}";

    /** Minutes after the opening, organisation key, text; the entry at index 14 is corrected at index 16. */
    private static final Object[][] LOG = {
        {-60, "pp", "Lagezentrum im Rathaus besetzt, Funkprobe Kanal 4 und 7 erfolgreich."},
        {-45, "feuerwehr", "Rettungswege Marktplatz und Schlossplatz abgenommen, frei."},
        {-30, "ordnungsamt", "Zufahrtssperren Königstraße und Kirchstraße stehen."},
        {0, "pp", "Offizielle Eröffnung durch die Oberbürgermeisterin, ca. 8.000 Besucher auf dem Marktplatz."},
        {25, "jugendamt", "Jugendschutzstreife mit Polizei gestartet (Team 1, Schlossplatz)."},
        {70, "ordnungsamt", "Ausschankkontrolle Stand 12: Preisaushang fehlte, nachgeholt."},
        {110, "feuerwehr", "Kleinbrand Fettpfanne Stand 31, gelöscht, keine Verletzten."},
        {150, "pp", "Taschendiebstahl an der Hauptbühne angezeigt, Täterbeschreibung über Kanal 4 verteilt."},
        {190, "jugendamt", "Zwei 15-Jährige mit Wodka angetroffen, Eltern verständigt und abgeholt."},
        {240, "ordnungsamt", "Lautstärkemessung Bühne Schlossplatz: 97 dB(A), Veranstalter zur Reduzierung aufgefordert."},
        {300, "pp", "Besucherzahl Marktplatz ca. 25.000, Zugänge fließen."},
        {330, "feuerwehr", "Sanitätsdienst: 14 Behandlungen seit Beginn, 2 Transporte ins Klinikum."},
        {360, "ordnungsamt", "Nachmessung Schlossplatz: 92 dB(A), in Ordnung."},
        {400, "jugendamt", "Jugendschutzstreife Team 2 Königstraße: 6 Kontrollen, keine Verstöße."},
        {430, "pp", "Körperverletzung Kirchstraße, eine Person festgenommen."},
        {445, "feuerwehr", "Rettungsweg Kirchstraße durch Lieferwagen blockiert, Abschleppdienst angefordert."},
        {460, "pp", "Berichtigung: Die Körperverletzung war in der Eberhardstraße, nicht in der Kirchstraße."},
        {480, "ordnungsamt", "Lieferwagen Kirchstraße abgeschleppt, Rettungsweg frei."},
        {540, "pp", "Sperrstunde Außenbereiche 23 Uhr wird umgesetzt, Lage ruhig."},
        {600, "ordnungsamt", "Festbetrieb Tag 1 beendet, Zufahrtssperren bleiben."},
        {1320, "pp", "Tag 2: Lagezentrum besetzt, Funkprobe erfolgreich."},
        {1380, "jugendamt", "Jugendschutzstreife Tag 2 gestartet."},
        {1450, "feuerwehr", "Hitze: Wasserstelle am Schlossplatz eingerichtet, 3 Kreislaufprobleme versorgt."},
        {1500, "ordnungsamt", "Toilettenwagen Marktplatz überlastet, Warteschlangen bis 20 Minuten."},
        {1560, "pp", "Gedränge am Zugang Kirchstraße, Zugang vorübergehend gesperrt und über Eberhardstraße umgeleitet."},
        {1600, "pp", "Zugang Kirchstraße wieder offen."},
        {1680, "jugendamt", "Vier Jugendliche unter 16 nach 24 Uhr angetroffen, nach Hause geschickt."},
        {1750, "feuerwehr", "Funk Kanal 7 zeitweise überlastet, Ausweichkanal 9 genutzt."},
        {1860, "ordnungsamt", "Festbetrieb Tag 2 beendet."},
        {3780, "pp", "Abbau abgeschlossen, Zufahrtssperren aufgehoben, Lagezentrum geschlossen."},
    };

    private final Partnerships partnerships;
    private final Organisations organisations;
    private final People people;
    private final EventRepository events;
    private final DeploymentPlanRepository plans;
    private final OperationsLogRepository log;
    private final DebriefRepository debriefs;
    private final UrgentRequestRepository requests;
    private final Meetings meetings;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final DemoStory story;

    OperationsDemo(Partnerships partnerships, Organisations organisations, People people, EventRepository events,
            DeploymentPlanRepository plans, OperationsLogRepository log, DebriefRepository debriefs,
            UrgentRequestRepository requests, Meetings meetings, TransactionTemplate transaction, Clock clock,
            DemoStory story) {
        this.partnerships = partnerships;
        this.organisations = organisations;
        this.people = people;
        this.events = events;
        this.plans = plans;
        this.log = log;
        this.debriefs = debriefs;
        this.requests = requests;
        this.meetings = meetings;
        this.transaction = transaction;
        this.clock = clock;
        this.story = story;
    }

    @Override
    public void run(ApplicationArguments args) {
        var musterstadt = partnerships.bySlug("musterstadt");
        if (musterstadt.isEmpty() || !events.all(musterstadt.get().id()).isEmpty()) {
            return;
        }
        var partnership = musterstadt.get().id();
        CurrentUser.runAs(SipaUser.system(partnership), () -> transaction.executeWithoutResult(s -> load(partnership)));
    }

    private void load(PartnershipId partnership) {
        var byName = new HashMap<String, OrganisationId>();
        organisations.all().forEach(o -> byName.put(o.name(), o.id()));
        var org = Map.of("pp", byName.get("Polizeipräsidium Musterstadt"),
                "ordnungsamt", byName.get("Amt für öffentliche Ordnung"), "kod", byName.get("Kommunaler Ordnungsdienst"),
                "jugendamt", byName.get("Jugendamt"), "feuerwehr", byName.get("Branddirektion Musterstadt"));
        var mitte = partnerships.districts().stream().filter(d -> d.name().equals("Mitte")).findFirst()
                .map(District::id).orElse(null);
        stadtfest(partnership, org, mitte);
        flood(partnership, org);
        urgentRequests(partnership, org, mitte);
    }

    private void stadtfest(PartnershipId partnership, Map<String, OrganisationId> org,
            DistrictId mitte) {
        var friday = story.today().minusMonths(2).with(TemporalAdjusters.previousOrSame(DayOfWeek.FRIDAY));
        var opening = at(friday.atTime(17, 0));
        var event = new Event(EventId.random(), EventType.STADTFEST, "Stadtfest Musterstadt " + friday.getYear(),
                opening, at(friday.plusDays(2).atTime(22, 0)), mitte, MARKTPLATZ, 120_000, RiskLevel.HIGH,
                "Drei Bühnen auf Marktplatz und Schlossplatz, enge Zugänge über Kirchstraße und Königstraße; "
                        + "Alkoholausschank bis 24 Uhr; Hitze möglich. Zufahrtsschutz gegen Fahrzeuge nötig.");
        events.insert(partnership, event, opening.minus(Duration.ofDays(60)));
        var version = plans.insertVersion(partnership, event.id(), 1, "Sabine Krüger", opening.minus(Duration.ofDays(45)));
        var v = version.id();
        plans.insertSection(v, new Section(UUID.randomUUID(), "Marktplatz / Hauptbühne", "Bühne, Gastronomie, "
                + "Zugang Kirchstraße", org.get("pp"), lead(org.get("pp"))));
        plans.insertSection(v, new Section(UUID.randomUUID(), "Schlossplatz / Familienmeile", "Kinderprogramm, "
                + "zweite Bühne", org.get("ordnungsamt"), lead(org.get("ordnungsamt"))));
        plans.insertSection(v, new Section(UUID.randomUUID(), "Königstraße / Fressmeile", null, org.get("kod"),
                lead(org.get("kod"))));
        plans.insertSection(v, new Section(UUID.randomUUID(), "Rettungswege und Sanitätsdienst", "Rettungswache am "
                + "Rathaus", org.get("feuerwehr"), lead(org.get("feuerwehr"))));
        plans.insertSection(v, new Section(UUID.randomUUID(), "Jugendschutz", "Streifen mit der Polizei",
                org.get("jugendamt"), lead(org.get("jugendamt"))));
        Object[][] tasks = {
            {"pp", TaskCategory.ROAD_CLOSURE, "Zufahrtsschutz mit Fahrzeugsperren an vier Zufahrten", "Marktplatz / Hauptbühne"},
            {"pp", TaskCategory.SECURITY, "Lagezentrum im Rathaus, Funkkanal 4", null},
            {"pp", TaskCategory.YOUTH_PROTECTION, "Gemeinsame Jugendschutzstreifen mit dem Jugendamt", "Jugendschutz"},
            {"ordnungsamt", TaskCategory.ROAD_CLOSURE, "Verkehrsrechtliche Anordnung und Sperrung Königstraße/Kirchstraße", null},
            {"ordnungsamt", TaskCategory.SECURITY, "Ausschank- und Lärmkontrollen, Sperrzeit Außenbereiche 23 Uhr", null},
            {"ordnungsamt", TaskCategory.SANITATION, "Toilettenwagen und Reinigung mit dem Veranstalter abstimmen", null},
            {"kod", TaskCategory.SECURITY, "Präsenzstreifen Königstraße, Glasverbot durchsetzen", "Königstraße / Fressmeile"},
            {"feuerwehr", TaskCategory.FIRE_SAFETY, "Brandsicherheitswache Hauptbühne, Abnahme der Stände", "Marktplatz / Hauptbühne"},
            {"feuerwehr", TaskCategory.MEDICAL, "Sanitätsdienst mit zwei Unfallhilfsstellen", "Rettungswege und Sanitätsdienst"},
            {"jugendamt", TaskCategory.YOUTH_PROTECTION, "Jugendschutzkontrollen an Ständen und Bühnen, Abholung durch Eltern", "Jugendschutz"},
        };
        for (var t : tasks) {
            plans.insertTask(v, new Task(UUID.randomUUID(), org.get((String) t[0]), (TaskCategory) t[1], (String) t[2],
                    (String) t[3]));
        }
        Object[][] contacts = {
            {"pp", "Polizeiführer vom Dienst", "Einsatzleitung Polizei", "01234 899-4000", "Kanal 4"},
            {"pp", "Lagezentrum Rathaus", "Gemeinsame Einsatzleitung", "01234 216-9990", "Kanal 4"},
            {"ordnungsamt", "Bereitschaft Ordnungsamt", "Sperrungen, Auflagen", "01234 216-3333", "Kanal 7"},
            {"kod", "KOD Innenstadt", "Streifenführung", "01234 216-3444", "Kanal 7"},
            {"feuerwehr", "Einsatzleitung Feuerwehr", "Brandschutz, Rettungsdienst", "112", "Kanal 9"},
            {"jugendamt", "Jugendschutz-Bereitschaft", "Inobhutnahmen", "01234 216-5555", null},
        };
        for (var c : contacts) {
            plans.insertContact(v, new Contact(UUID.randomUUID(), org.get((String) c[0]), (String) c[1], (String) c[2],
                    (String) c[3], (String) c[4]));
        }
        Object[][] phases = {
            {"Aufbau und Abnahme", -26, -1},
            {"Eröffnung", 0, 1},
            {"Festbetrieb Freitag", 1, 7},
            {"Festbetrieb Samstag", 18, 31},
            {"Festbetrieb Sonntag", 42, 53},
            {"Abbau", 53, 63},
        };
        for (var p : phases) {
            plans.insertPhase(v, new Phase(UUID.randomUUID(), (String) p[0], opening.plus(Duration.ofHours((int) p[1])),
                    opening.plus(Duration.ofHours((int) p[2])), null));
        }
        plans.setStatus(v, PlanStatus.SUBMITTED, opening.minus(Duration.ofDays(30)));
        int day = 28;
        for (var key : new String[] {"pp", "ordnungsamt", "kod", "feuerwehr", "jugendamt"}) {
            plans.approve(v, org.get(key), organisations.get(org.get(key)).name(), opening.minus(Duration.ofDays(day--)));
        }
        plans.setStatus(v, PlanStatus.APPROVED, opening.minus(Duration.ofDays(day)));

        var numbers = new HashMap<Integer, UUID>();
        for (int i = 0; i < LOG.length; i++) {
            var key = (String) LOG[i][1];
            var entry = new LogEntry(UUID.randomUUID(), log.nextNumber(event.id()), org.get(key),
                    organisations.get(org.get(key)).name(), opening.plus(Duration.ofMinutes((int) LOG[i][0])),
                    (String) LOG[i][2], i == 16 ? 15L : null);
            log.append(partnership, event.id(), entry, i == 16 ? numbers.get(14) : null);
            numbers.put(i, entry.id());
        }

        var after = opening.plus(Duration.ofDays(10));
        debriefs.saveNote(event.id(), new DebriefNote(org.get("pp"), "Gemeinsames Lagezentrum hat sich bewährt; "
                + "Zufahrtsschutz ohne Probleme.", "Gedränge am Zugang Kirchstraße am Samstagabend.", "Frank Becker", after));
        debriefs.saveNote(event.id(), new DebriefNote(org.get("ordnungsamt"), "Sperrungen rechtzeitig; Lärmkontrollen "
                + "wirksam.", "Zu wenige Toilettenwagen am Marktplatz.", "Markus Weber", after));
        debriefs.saveNote(event.id(), new DebriefNote(org.get("feuerwehr"), "Rettungswege überwiegend frei.",
                "Funkkanal 7 überlastet; Lieferverkehr blockierte die Kirchstraße.", "Branddirektion", after));
        debriefs.saveNote(event.id(), new DebriefNote(org.get("jugendamt"), "Gemeinsame Streifen mit der Polizei "
                + "sehr gut.", "Abholung der Jugendlichen nachts dauerte zu lange.", "Andrea Schulz", after));
        var origin = new ActionItemOrigin("Nachbesprechung " + event.name(), "/events/" + event.id() + "/debrief");
        Object[][] lessons = {
            {"Zugang Kirchstraße verbreitern oder Einbahnregelung für Fußgänger", "ordnungsamt", 4},
            {"Zwei zusätzliche Toilettenwagen am Marktplatz einplanen", "ordnungsamt", 6},
            {"Eigenen Funkkanal für Feuerwehr und Sanitätsdienst vorsehen", "feuerwehr", 5},
            {"Lieferzeiten vor Festbeginn enden lassen und kontrollieren", "kod", 8},
            {"Abholpunkt für Jugendliche mit Betreuung am Rathaus einrichten", "jugendamt", 7},
        };
        for (var l : lessons) {
            var owner = org.get((String) l[1]);
            var due = story.today().plusMonths((int) l[2]);
            var item = meetings.assign(origin, (String) l[0], owner, due);
            debriefs.insertLesson(event.id(), new Lesson(UUID.randomUUID(), (String) l[0], owner, due, item));
        }
    }

    private void flood(PartnershipId partnership, Map<String, OrganisationId> org) {
        var start = at(story.today().plusDays(3).atTime(6, 0));
        var event = new Event(EventId.random(), EventType.FLOOD, "Hochwasser Neckar", start,
                start.plus(Duration.ofDays(4)), null, NECKARUFER, null, RiskLevel.VERY_HIGH,
                "Pegel Musterstadt erwartet 5,20 m (Meldestufe 3); Uferstraße und Neckarwiesen überflutet, "
                        + "Campingplatz und Kleingärten betroffen.");
        events.insert(partnership, event, clock.instant());
        var v = plans.insertVersion(partnership, event.id(), 1, "Sabine Krüger", clock.instant()).id();
        plans.insertSection(v, new Section(UUID.randomUUID(), "Uferstraße und Neckarwiesen", "Sperrung und Räumung",
                org.get("ordnungsamt"), lead(org.get("ordnungsamt"))));
        plans.insertSection(v, new Section(UUID.randomUUID(), "Sandsackverbau und Pumpen", null, org.get("feuerwehr"),
                lead(org.get("feuerwehr"))));
        plans.insertSection(v, new Section(UUID.randomUUID(), "Räumung Campingplatz", null, org.get("pp"),
                lead(org.get("pp"))));
        plans.insertTask(v, new Task(UUID.randomUUID(), org.get("ordnungsamt"), TaskCategory.ROAD_CLOSURE,
                "Sperrung Uferstraße ab Pegel 4,50 m", "Uferstraße und Neckarwiesen"));
        plans.insertTask(v, new Task(UUID.randomUUID(), org.get("feuerwehr"), TaskCategory.OTHER,
                "5.000 Sandsäcke am Bauhof bereitstellen", "Sandsackverbau und Pumpen"));
        plans.insertTask(v, new Task(UUID.randomUUID(), org.get("pp"), TaskCategory.TRAFFIC,
                "Umleitung B 10 mit Straßenverkehrsbehörde abstimmen", null));
        plans.insertContact(v, new Contact(UUID.randomUUID(), org.get("feuerwehr"), "Einsatzleitung Hochwasser",
                "Feuerwehr", "112", "Kanal 9"));
        plans.insertContact(v, new Contact(UUID.randomUUID(), org.get("ordnungsamt"), "Bereitschaft Ordnungsamt", null,
                "01234 216-3333", "Kanal 7"));
        plans.insertPhase(v, new Phase(UUID.randomUUID(), "Vorwarnung und Sandsäcke", start.minus(Duration.ofDays(2)),
                start, null));
        plans.insertPhase(v, new Phase(UUID.randomUUID(), "Scheitel und Sperrungen", start,
                start.plus(Duration.ofDays(2)), null));
    }

    /** Two days ago, yesterday and today; people named as their demo accounts ({@code ordnungsamt}, {@code polizei}). */
    private void urgentRequests(PartnershipId partnership, Map<String, OrganisationId> org, DistrictId mitte) {
        var today = story.today();
        var sent = at(today.minusDays(2).atTime(14, 10));
        var vigil = new UrgentRequest(UrgentRequestId.random(), org.get("ordnungsamt"), org.get("pp"),
                at(today.minusDays(2).atTime(18, 0)), "Marktplatz", mitte, "Mahnwache „Klimaschutz jetzt“ heute "
                        + "18 Uhr kurzfristig angezeigt, etwa 300 Teilnehmende erwartet. Wir bitten um Begleitung und "
                        + "Verkehrssicherung der Königstraße.", Urgency.IMMEDIATE, "ordnungsamt", sent, null, null, null,
                null, null, null, null)
                .acknowledge("polizei", sent.plus(Duration.ofMinutes(6)))
                .answer(true, "Zwei Streifenwagen und vier Beamte ab 17:30 Uhr, Einsatzleitung Revier Mitte, Kanal 4.",
                        "polizei", sent.plus(Duration.ofMinutes(14)));
        var event = new Event(EventId.random(), EventType.DEMONSTRATION, "Marktplatz: Mahnwache „Klimaschutz jetzt“",
                vigil.neededAt(), vigil.neededAt().plus(Duration.ofHours(2)), mitte, null, 300, RiskLevel.LOW,
                "Aus der kurzfristigen Anfrage des Amts für öffentliche Ordnung an das Polizeipräsidium.");
        var turned = sent.plus(Duration.ofMinutes(30));
        events.insert(partnership, event, turned);
        vigil = vigil.grownInto(event.id());
        requests.insert(partnership, vigil);
        requests.update(partnership, vigil);
        var pp = organisations.get(org.get("pp")).name();
        var ordnungsamt = organisations.get(org.get("ordnungsamt")).name();
        requestLog(partnership, vigil.id(), org.get("ordnungsamt"), "Markus Weber", sent, "Anfrage an " + pp
                + " für " + vigil.neededAt().atZone(clock.getZone()).toLocalTime() + " Uhr, Marktplatz: "
                + vigil.what() + " (Dringlichkeit: sofort)");
        requestLog(partnership, vigil.id(), org.get("pp"), "Frank Becker", vigil.acknowledgedAt(),
                "Eingang bestätigt von " + pp + " (Frank Becker), nach 6 Minuten.");
        requestLog(partnership, vigil.id(), org.get("pp"), "Frank Becker", vigil.answeredAt(),
                "Zusage von " + pp + " (Frank Becker): " + vigil.answerText());
        requestLog(partnership, vigil.id(), null, "Sabine Krüger", turned,
                "In Einsatz überführt: Veranstaltung „" + event.name() + "“.");
        Object[][] eventLog = {
            {turned, null, "Sabine Krüger", "Hervorgegangen aus der kurzfristigen Anfrage von " + ordnungsamt + " an "
                    + pp + ": bestätigt nach 6 Minuten, Zusage: " + vigil.answerText()},
            {vigil.neededAt(), "pp", "Frank Becker", "Versammlung begonnen, etwa 250 Teilnehmende, friedlich."},
            {vigil.neededAt().plus(Duration.ofMinutes(20)), "ordnungsamt", "Markus Weber",
                    "Königstraße zwischen Marktplatz und Kirchstraße gesperrt, Umleitung ausgeschildert."},
            {vigil.neededAt().plus(Duration.ofMinutes(105)), "pp", "Frank Becker",
                    "Versammlung beendet, keine Vorkommnisse; Sperrung aufgehoben."},
        };
        for (var e : eventLog) {
            var organisation = e[1] == null ? null : org.get((String) e[1]);
            log.append(partnership, event.id(), new LogEntry(UUID.randomUUID(), log.nextNumber(event.id()),
                    organisation, (String) e[2], (Instant) e[0], (String) e[3], null), null);
        }

        var asked = at(today.minusDays(1).atTime(16, 40));
        var party = new UrgentRequest(UrgentRequestId.random(), org.get("jugendamt"), org.get("pp"),
                at(today.minusDays(1).atTime(22, 0)), "Stadthalle", mitte, "Jugendschutzkontrollen bei der Abiparty "
                        + "in der Stadthalle heute ab 22 Uhr; wir bitten um Begleitung durch eine Streife.",
                Urgency.TODAY, "jugendamt", asked, null, null, null, null, null, null, null)
                .acknowledge("polizei", asked.plus(Duration.ofMinutes(11)))
                .answer(false, "Heute Abend keine Kräfte frei (Fußballspiel). Bitte den Kommunalen Ordnungsdienst "
                        + "anfragen.", "polizei", asked.plus(Duration.ofMinutes(25)));
        requests.insert(partnership, party);
        requests.update(partnership, party);
        requestLog(partnership, party.id(), org.get("jugendamt"), "Andrea Schulz", asked, "Anfrage an " + pp
                + " für 22:00 Uhr, Stadthalle: " + party.what() + " (Dringlichkeit: im Lauf des Tages)");
        requestLog(partnership, party.id(), org.get("pp"), "Frank Becker", party.acknowledgedAt(),
                "Eingang bestätigt von " + pp + " (Frank Becker), nach 11 Minuten.");
        requestLog(partnership, party.id(), org.get("pp"), "Frank Becker", party.answeredAt(),
                "Absage von " + pp + " (Frank Becker): " + party.answerText());

        // open since a quarter of an hour, or since midnight when the demo loads just after it
        var now = clock.instant();
        var midnight = at(today.atStartOfDay());
        var accident = now.minus(Duration.ofMinutes(15)).isBefore(midnight) ? midnight : now.minus(Duration.ofMinutes(15));
        var closure = new UrgentRequest(UrgentRequestId.random(), org.get("pp"), org.get("ordnungsamt"),
                accident.plus(Duration.ofMinutes(30)), "Uferstraße zwischen Neckarbrücke und Hafenstraße", null,
                "Verkehrsunfall mit Ölspur, Vollsperrung für etwa drei Stunden. Wir bitten um Absperrgitter und "
                        + "Umleitungsbeschilderung über die Hafenstraße.", Urgency.IMMEDIATE, "polizei", accident,
                null, null, null, null, null, null, null);
        requests.insert(partnership, closure);
        requestLog(partnership, closure.id(), org.get("pp"), "Frank Becker", accident, "Anfrage an " + ordnungsamt
                + ", Uferstraße zwischen Neckarbrücke und Hafenstraße: " + closure.what() + " (Dringlichkeit: sofort)");
    }

    private void requestLog(PartnershipId partnership, UrgentRequestId request, OrganisationId organisation,
            String author, Instant at, String text) {
        log.append(partnership, request, new LogEntry(UUID.randomUUID(), log.nextNumber(request), organisation, author,
                at, text, null));
    }

    private PersonId lead(OrganisationId organisation) {
        return people.ofOrganisation(organisation).stream().findFirst().map(p -> p.id()).orElse(null);
    }

    private Instant at(LocalDateTime time) {
        return time.atZone(clock.getZone()).toInstant();
    }
}

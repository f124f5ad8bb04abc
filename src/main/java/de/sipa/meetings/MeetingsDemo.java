package de.sipa.meetings;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.lowagie.text.Paragraph;

import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.partners.Bodies;
import de.sipa.partners.Body;
import de.sipa.partners.Organisations;
import de.sipa.partners.Partnerships;
import de.sipa.reports.DemoReports;
import de.sipa.responsibilities.Responsibilities;
import de.sipa.shared.DemoStory;
import de.sipa.shared.OrganisationId;
import de.sipa.shared.PartnershipId;
import de.sipa.shared.PdfLetterhead;

/**
 * Two years of Musterstadt's meetings telling the demo's story ({@link DemoStory}): the Koordinierungskreis takes up
 * the cluster of lighting reports at the Palastgarten, gives the night to the police and founds a working group;
 * the Lenkungsgruppe decides LED lighting and the joint patrol; the working group follows both through until the
 * lamps are in and the winter shows fewer reports; then the Neckarblick estate, the review of the matrix and the
 * next meetings. Each agenda item, decision and action item is its own; material is attached, minutes approved.
 */
@Component
@Profile("demo")
@Order(40)
class MeetingsDemo implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(MeetingsDemo.class);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", java.util.Locale.GERMAN);

    /** When the Lenkungsgruppe meets: the year plan of the demo's current year. */
    private static final SeriesRule STEERING_RULE = SeriesRule.quarterly(2, DayOfWeek.THURSDAY, 1);

    /** Why a past date of the year plan without a meeting of the story was called off, per quarter. */
    private static final List<String> CALLED_OFF = List.of(
            "Entfällt: Die Jahresziele berät die Lenkungsgruppe im April zusammen mit der Haushaltsanmeldung.",
            "Verschoben: Die Beschlussvorlagen lagen nicht rechtzeitig vor.",
            "Entfällt wegen der Sommerpause; Eilsachen im Umlaufverfahren.",
            "Verschoben: Die Beschlussvorlagen lagen nicht rechtzeitig vor.");

    /** Organisation keys used below. */
    private static final Map<String, String> OWNERS = Map.ofEntries(
            Map.entry("kkp", "Stadt Musterstadt – Kommunale Kriminalprävention"),
            Map.entry("pp", "Polizeipräsidium Musterstadt"), Map.entry("ordnungsamt", "Amt für öffentliche Ordnung"),
            Map.entry("kod", "Kommunaler Ordnungsdienst"), Map.entry("tiefbau", "Tiefbauamt – Straßenbeleuchtung"),
            Map.entry("garten", "Garten-, Friedhofs- und Forstamt"), Map.entry("jugendamt", "Jugendamt"),
            Map.entry("sozialamt", "Sozialamt"), Map.entry("planung", "Amt für Stadtplanung und Wohnen"),
            Map.entry("vms", "Verkehrsbetriebe Musterstadt"), Map.entry("bpol", "Bundespolizeiinspektion Musterstadt"),
            Map.entry("mobile", "Mobile Jugendarbeit Musterstadt e. V."),
            Map.entry("kripo", "Kriminalinspektion 1 – Kriminalprävention"),
            Map.entry("schulamt", "Staatliches Schulamt Musterstadt"));

    /** An action item: what, who (organisation key), due so many days after the meeting, how it stands (null: by date). */
    private record Action(String title, String owner, int dueDays, ActionItemStatus status) {
    }

    private record Resolution(String wording, List<Action> actions) {
    }

    /** A link to a report of the story: category, a word of its text, received in the months [from, to) of the story. */
    private record ReportLink(String category, String text, int fromMonth, int toMonth) {
    }

    /** An agenda item; with {@code figures} its minutes begin with the contact point's figures since the last meeting. */
    private record Item(String title, String description, boolean confidential, String minutes, String material,
            ReportLink report, String topic, List<Resolution> decisions, boolean figures) {

        Item withFigures() {
            return new Item(title, description, confidential, minutes, material, report, topic, decisions, true);
        }

        Item withMaterial(String file) {
            return new Item(title, description, confidential, minutes, file, report, topic, decisions, figures);
        }

        Item withReport(String category, String text, int fromMonth, int toMonth) {
            return new Item(title, description, confidential, minutes, material,
                    new ReportLink(category, text, fromMonth, toMonth), topic, decisions, figures);
        }
    }

    private record Plan(String body, LocalDate day, String title, List<Item> items) {
    }

    private final Partnerships partnerships;
    private final Bodies bodies;
    private final Organisations organisations;
    private final MeetingRepository meetings;
    private final MinutesRepository minutes;
    private final MaterialRepository materials;
    private final AgendaLinkRepository links;
    private final MeetingSeriesRepository series;
    private final Responsibilities responsibilities;
    private final DemoReports demoReports;
    private final TransactionTemplate transaction;
    private final MeetingOffice office;
    private final Clock clock;
    private final DemoStory story;

    MeetingsDemo(Partnerships partnerships, Bodies bodies, Organisations organisations, MeetingRepository meetings,
            MinutesRepository minutes, MaterialRepository materials, AgendaLinkRepository links,
            MeetingSeriesRepository series, Responsibilities responsibilities, DemoReports demoReports,
            TransactionTemplate transaction, MeetingOffice office, Clock clock, DemoStory story) {
        this.office = office;
        this.partnerships = partnerships;
        this.bodies = bodies;
        this.organisations = organisations;
        this.meetings = meetings;
        this.minutes = minutes;
        this.materials = materials;
        this.links = links;
        this.series = series;
        this.responsibilities = responsibilities;
        this.demoReports = demoReports;
        this.transaction = transaction;
        this.clock = clock;
        this.story = story;
    }

    @Override
    public void run(ApplicationArguments args) {
        var musterstadt = partnerships.bySlug("musterstadt");
        if (musterstadt.isEmpty() || !meetings.all(musterstadt.get().id()).isEmpty()) {
            return;
        }
        var partnership = musterstadt.get().id();
        CurrentUser.runAs(SipaUser.system(partnership), () -> transaction.executeWithoutResult(s -> load(partnership)));
    }

    private void load(PartnershipId partnership) {
        long begun = System.nanoTime();
        var cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuBegun = cpu.getCurrentThreadCpuTime();
        var today = story.today();
        // The invitations come from the chair's office of the Sicherheitskoordination, a mailbox people read.
        office.change("geschaeftsstelle-sicherheit@musterstadt.example");
        Map<String, Body> bodyOf = new HashMap<>();
        bodies.all().forEach(b -> bodyOf.put(b.shortName(), b));
        Map<String, OrganisationId> owners = new HashMap<>();
        organisations.all().forEach(o -> OWNERS.forEach((key, name) -> {
            if (name.equals(o.name())) {
                owners.put(key, o.id());
            }
        }));
        Map<String, UUID> topics = new HashMap<>();
        responsibilities.topics().forEach(t -> topics.put(t.name(), t.id().value()));
        // The Lenkungsgruppe's year plan: the second Thursday in the first month of each quarter. Its April and
        // October meetings are the story's; the coordination planned all four in December.
        var steering = bodyOf.get("LG");
        var yearPlan = new MeetingSeries(MeetingSeriesId.random(), steering.id(), today.getYear(), steering.name(),
                STEERING_RULE, HolidayHandling.SHIFT);
        var holidays = partnerships.holidays(partnership);
        var steeringDays = STEERING_RULE.datesIn(yearPlan.year()).stream()
                .map(day -> yearPlan.holidays().place(day, holidays, LocalDate.MIN).day()).toList();
        var planned = at(LocalDate.of(yearPlan.year() - 1, 12, 10), 9);
        series.insert(partnership, yearPlan, "koordination", planned);
        var plans = story(steeringDays);
        plans.sort(Comparator.comparing(Plan::day));
        var held = new java.util.HashSet<LocalDate>();
        Map<String, LocalDate> previous = new HashMap<>();
        var letterhead = partnerships.letterhead();
        for (var plan : plans) {
            var body = bodyOf.get(plan.body());
            var last = previous.put(plan.body(), plan.day());
            boolean past = plan.day().isBefore(today);
            if (past && plan.day().isBefore(story.start().plusDays(7))) {
                continue; // before the history the demo tells
            }
            var meeting = new Meeting(MeetingId.random(), body.id(), plan.title(), at(plan.day(), 14),
                    at(plan.day(), 16), plan.body().equals("AGPG") ? "Rathaus, Raum 3.12" : "Rathaus, Großer Sitzungssaal",
                    null, past ? MeetingStatus.MINUTES_APPROVED : MeetingStatus.PLANNED, 0, null);
            if (plan.body().equals("LG") && steeringDays.contains(plan.day())) {
                meeting = meeting.inSeries(yearPlan.id());
                held.add(plan.day());
            }
            meetings.insert(partnership, meeting, at(plan.day().minusWeeks(3), 9));
            var opening = new Item(last == null ? "Begrüßung, Tagesordnung und Vorstellungsrunde der " + body.name()
                    : "Begrüßung und Genehmigung des Protokolls vom " + DAY.format(last), null, false,
                    "Die Tagesordnung wurde ohne Änderungen angenommen"
                            + (last == null ? "." : ", das Protokoll der letzten Sitzung genehmigt."),
                    null, null, null, List.of(), false);
            var items = new ArrayList<Item>();
            items.add(opening);
            items.addAll(plan.items());
            if (past) {
                minutes.insert(meeting.id(), 1, null, at(plan.day().plusDays(2), 9));
            }
            for (var item : items) {
                var agendaItem = new AgendaItem(UUID.randomUUID(), 0, item.title(), item.description(), null,
                        item.confidential());
                meetings.insertAgendaItem(meeting.id(), agendaItem);
                if (item.report() != null) {
                    var link = item.report();
                    demoReports.example(partnership, link.category(), link.text(),
                            at(story.month(link.fromMonth()), 0), at(story.month(link.toMonth()), 0))
                            .ifPresent(report -> links.insert(new AgendaLinkRepository.Stored(UUID.randomUUID(),
                                    agendaItem.id(), AgendaLinkKind.REPORT, report.value()), "koordination",
                                    at(plan.day().minusWeeks(2), 10)));
                }
                if (item.topic() != null && topics.containsKey(item.topic())) {
                    links.insert(new AgendaLinkRepository.Stored(UUID.randomUUID(), agendaItem.id(),
                            AgendaLinkKind.TOPIC, topics.get(item.topic())), "koordination",
                            at(plan.day().minusWeeks(2), 10));
                }
                if (item.material() != null) {
                    materials.insert(agendaItem.id(), item.material(), "application/pdf",
                            pdf(letterhead, item.title(), item.description() != null ? item.description() : item.minutes()),
                            "koordination", at(plan.day().minusWeeks(1), 11));
                }
                if (!past) {
                    continue;
                }
                var text = item.minutes();
                if (item.figures()) {
                    var from = last == null ? plan.day().minusMonths(3) : last;
                    var summary = demoReports.summary(partnership, at(from, 0), at(plan.day(), 0));
                    text = "Seit dem " + DAY.format(from) + " gingen " + summary.received() + " Anliegen ein, "
                            + summary.closedInTime() + " davon wurden fristgerecht abgeschlossen. Am häufigsten: "
                            + String.join(", ", summary.topCategories()) + ". " + (text == null ? "" : text);
                }
                minutes.setText(meeting.id(), 1, agendaItem.id(), text);
                int year = plan.day().getYear();
                for (var resolution : item.decisions()) {
                    int number = meetings.nextDecisionNumber(body.id(), year);
                    var decision = new Decision(DecisionId.random(), meeting.id(), agendaItem.id(),
                            String.format("%s-%d-%02d", body.shortName(), year, number), resolution.wording(),
                            "einstimmig", at(plan.day(), 15), null);
                    meetings.insertDecision(partnership, body.id(), year, number, decision);
                    for (var action : resolution.actions()) {
                        var due = plan.day().plusDays(action.dueDays());
                        // Work starts once a third of the time to the due date has passed (or it is due soon): so a
                        // demo loaded in January, whose story's later meetings lie ahead, has items in progress too.
                        boolean started = plan.day().plusDays(action.dueDays() / 3).isBefore(today)
                                || due.isBefore(today.plusDays(14));
                        var status = action.status() != null ? action.status()
                                : due.isBefore(today.minusDays(7)) ? ActionItemStatus.DONE
                                        : started ? ActionItemStatus.IN_PROGRESS : ActionItemStatus.OPEN;
                        var owner = owners.get(action.owner());
                        if (owner == null) {
                            throw new IllegalStateException("Demo organisation missing: " + action.owner());
                        }
                        var id = ActionItemId.random();
                        meetings.insertActionItem(partnership, new ActionItem(id, meeting.id(), decision.id(),
                                action.title(), owner, null, due, status, null), at(plan.day(), 16));
                        if (status == ActionItemStatus.DONE) {
                            meetings.recordProgress(id, status, "Erledigt.", "koordination",
                                    at(due.isBefore(today) ? due : today.minusDays(1), 12));
                        }
                    }
                }
            }
            if (past) {
                var approved = plan.day().plusWeeks(2);
                minutes.setStatus(meeting.id(), 1, MinutesStatus.APPROVED, "Sabine Krüger",
                        at(approved.isBefore(today) ? approved : today.minusDays(1), 10));
                var members = bodies.members(body.id()).stream()
                        .filter(m -> m.membership().isCurrentOn(plan.day())).toList();
                for (int m = 0; m < members.size(); m++) {
                    meetings.recordAttendance(meeting.id(), new Attendance(members.get(m).person().id(),
                            (m + plan.day().getDayOfYear()) % 5 == 3 ? Attendance.Status.EXCUSED
                                    : Attendance.Status.PRESENT, null));
                }
            }
        }
        for (var day : steeringDays) {
            if (held.contains(day)) {
                continue;
            }
            // The year plan's other dates: ahead still planned; past ones the chair called off.
            var meeting = new Meeting(MeetingId.random(), steering.id(), title("LG", day), at(day, 14), at(day, 16),
                    "Rathaus, Großer Sitzungssaal", null, MeetingStatus.PLANNED, 0, null, yearPlan.id());
            meetings.insert(partnership, meeting, planned);
            if (day.isBefore(today)) {
                meetings.update(new Meeting(meeting.id(), meeting.body(), meeting.title(), meeting.startsAt(),
                        meeting.endsAt(), meeting.location(), null, MeetingStatus.CANCELLED, 1,
                        CALLED_OFF.get((day.getMonthValue() - 1) / 3), yearPlan.id()), at(day.minusWeeks(2), 9));
            }
        }
        log.info("Demo meetings: {} meetings in {} ms ({} ms CPU in this thread)", plans.size(),
                (System.nanoTime() - begun) / 1_000_000, (cpu.getCurrentThreadCpuTime() - cpuBegun) / 1_000_000);
    }

    /** The meetings of the story, before the history is cut to the last two years. */
    private List<Plan> story(List<LocalDate> steeringDays) {
        var today = story.today();
        var plans = new ArrayList<Plan>();
        // Before the first winter: the contact point settles in.
        plans.add(kk(story, -10, item("Die zentrale Anlaufstelle nach drei Monaten",
                "Die Partner berichten, wie die Weiterleitung nach der Matrix funktioniert.", null,
                decide("Rückfragen zu Weiterleitungen klärt die Koordination innerhalb von zwei Arbeitstagen.",
                        act("Ansprechpersonen je Organisation für die Anlaufstelle benennen", "kkp", 21)))
                .withFigures()));
        plans.add(lg(story, -9, confidential("Polizeiliches Lagebild " + MONTH.format(story.month(-9))),
                item("Jahresziele der Sicherheitspartnerschaft", "Drei Jahresziele: Sicherheitsgefühl in der "
                        + "Innenstadt, schnellere Bearbeitung von Anliegen, Prävention an Schulen.", null,
                        decide("Die Lenkungsgruppe beschließt die drei Jahresziele der Sicherheitspartnerschaft.",
                                act("Kennzahlen zu den Jahreszielen festlegen", "kkp", 42)))));
        plans.add(kk(story, -7, item("Sommer in den Grünanlagen: Erfahrungen aus dem Vorjahr",
                "Lärm und Müll am Wochenende; Reinigungsintervalle und Präsenz abstimmen.", "Lärm und Ruhestörung in Grünanlagen",
                decide("Das Gartenamt leert die Abfallbehälter in den Parks von Mai bis September auch sonntags.",
                        act("Sonntagsleerung in den Parks einplanen", "garten", 30)))
                .withFigures()));
        plans.add(kk(story, -4, item("Schulwege im Herbst: dunkle Stellen melden",
                "Schulen und Polizei sammeln Gefahrenstellen auf Schulwegen.", "Schulwegsicherheit",
                decide("Schulen melden Gefahrenstellen auf Schulwegen über die Anlaufstelle.",
                        act("Rundschreiben an die Schulleitungen", "schulamt", 21)))
                .withFigures()));
        plans.add(lg(story, -3, confidential("Polizeiliches Lagebild " + MONTH.format(story.month(-3))),
                item("Haushaltsanmeldung Kriminalprävention", "Mittel für Beleuchtung, Streetwork und eine "
                        + "Bürgerumfrage.", null, decide("Die Lenkungsgruppe meldet 250.000 € für Maßnahmen der "
                                + "Kriminalprävention zum Haushalt an.", act("Haushaltsanmeldung an die Kämmerei", "kkp", 14)))));
        plans.add(kk(story, -1, item("Weihnachtsmarkt: Lage in der Innenstadt",
                "Taschendiebstahl, Betteln am Markt und die Sicherheit der Zufahrten.", "Aggressives Betteln",
                decide("Ordnungsdienst und Polizei bestreifen den Weihnachtsmarkt an den Adventswochenenden gemeinsam.",
                        act("Streifen für die Adventswochenenden einteilen", "kod", 10)))
                .withFigures(), item("Kälteschutz für Wohnungslose im Winter",
                "Kältebus, Notübernachtung und das Ansprechen auf der Straße.", "Wohnungslosigkeit und Kälteschutz",
                decide("Der Kältebus fährt bei Frost täglich; Hinweise aus der Anlaufstelle gehen direkt an das Sozialamt.",
                        act("Meldeweg Kältebus in der Anlaufstelle einrichten", "sozialamt", 14)))));
        // The first winter: the Palastgarten's dark paths.
        plans.add(new Plan("KK", story.lightingTakenUp(), title("KK", story.lightingTakenUp()), List.of(
                item("Häufung von Meldungen zu dunklen Wegen im Palastgarten", "Seit November melden Bürgerinnen und "
                        + "Bürger fast täglich defekte Leuchten und dunkle Wege im Palastgarten; viele meiden den Park "
                        + "abends. Auswertung der Anlaufstelle mit Karte.", "Beleuchtung und Angsträume",
                        decide("Das Tiefbauamt prüft die Beleuchtung im Palastgarten; die Partner gehen den Park "
                                + "gemeinsam ab.", act("Ortsbegehung Palastgarten mit Tiefbauamt, Gartenamt und Polizei",
                                        "kkp", 14), act("Mängelliste der Leuchten im Palastgarten erstellen", "tiefbau", 28)))
                        .withMaterial("Auswertung_Beleuchtung_Palastgarten.pdf")
                        .withReport("beleuchtung", "Palastgarten", -3, 2).withFigures(),
                item("Nächtlicher Lärm in Grünanlagen: wer ist nachts zuständig?", "Nachts erreicht der Kommunale "
                        + "Ordnungsdienst die Parks nicht; Anliegen bleiben bis zum Morgen liegen.",
                        "Lärm und Ruhestörung in Grünanlagen",
                        decide("Nachts (22–6 Uhr) übernimmt die Polizei die Federführung für Lärm in Grünanlagen, "
                                + "Alkoholkonsum auf Plätzen und Gaststättenlärm; die Matrix wird zum 1. März geändert.",
                                act("Zuständigkeitsmatrix zum 1. März ändern und die Partner informieren", "kkp", 14))),
                item("Gründung einer Arbeitsgruppe Sicherheit im Palastgarten", "Beleuchtung, Präsenz und Gestaltung "
                        + "des Parks aus einer Hand.", null,
                        decide("Der Koordinierungskreis richtet die AG Sicherheit im Palastgarten ein; den Vorsitz "
                                + "hat der Kommunale Ordnungsdienst.", act("Mitglieder der AG benennen und einladen",
                                        "kod", 21))))));
        var walk = story.lightingTakenUp().plusDays(14);
        var founding = story.workingGroupFounded().with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.WEDNESDAY));
        plans.add(new Plan("AGPG", founding, "Konstituierende Sitzung der AG Sicherheit im Palastgarten", List.of(
                item("Ergebnisse der Ortsbegehung vom " + DAY.format(walk), "23 von 61 Leuchten defekt oder zu "
                        + "schwach, Hecken am Spielplatz versperren die Sicht, keine Beleuchtung am Seeufer.", null,
                        decide("Das Gartenamt schneidet die Hecken am Spielplatz und am Hauptweg auf Sichthöhe zurück.",
                                act("Rückschnitt der Hecken am Spielplatz und am Hauptweg", "garten", 30)))
                        .withMaterial("Ortsbegehung_Palastgarten_Fotoprotokoll.pdf"),
                item("Empfehlung an die Lenkungsgruppe: LED-Beleuchtung und gemeinsame Fußstreife",
                        "Kostenschätzung des Tiefbauamts: 180.000 € für 61 LED-Leuchten.", "Beleuchtung und Angsträume",
                        decide("Die AG empfiehlt der Lenkungsgruppe die Umstellung auf LED und eine gemeinsame "
                                + "Fußstreife von Polizei und Ordnungsamt an den Wochenenden.",
                                act("Beschlussvorlage für die Lenkungsgruppe schreiben", "kkp", 14)))
                        .withMaterial("Kostenschaetzung_LED_Palastgarten.pdf"))));
        plans.add(new Plan("LG", story.lightingDecided(), title("LG", story.lightingDecided()), List.of(
                confidential("Polizeiliches Lagebild " + MONTH.format(story.lightingDecided())),
                item("Sicherheit im Palastgarten: Empfehlung der AG", "Beschlussvorlage der AG Sicherheit im "
                        + "Palastgarten mit Auswertung der Anliegen des Winters.", "Beleuchtung und Angsträume",
                        decide("Die Beleuchtung im Palastgarten wird bis Oktober auf LED umgestellt; 180.000 € aus dem "
                                + "Haushalt des Tiefbauamts.", act("Ausschreibung der LED-Leuchten für den Palastgarten",
                                        "tiefbau", 45), act("Umrüstung der Beleuchtung im Palastgarten abschließen",
                                        "tiefbau", (int) java.time.temporal.ChronoUnit.DAYS.between(
                                                story.lightingDecided(), story.lightingRenewed()))),
                        decide("Polizei und Ordnungsamt gehen ab Mai freitags und samstags von 20 bis 2 Uhr gemeinsam "
                                + "Fußstreife im Palastgarten und am Hauptbahnhof.",
                                act("Streifenplan Palastgarten und Hauptbahnhof aufstellen", "pp", 14),
                                act("Vollzugsdienst für die Wochenendstreifen einteilen", "ordnungsamt", 21)))
                        .withMaterial("Beschlussvorlage_Palastgarten.pdf")
                        .withReport("beleuchtung", "Palastgarten", -2, 3))));
        plans.add(kk(story, 4, item("Drogenkonsum am Hauptbahnhof: zwei Federführungen",
                "Anliegen zum Drogenkonsum landen bei der Koordination, weil Polizei und Ordnungsamt beide führen.",
                "Drogenkonsum im öffentlichen Raum",
                decide("Bis zur nächsten Aufgabenkritik verteilt die Koordination Anliegen zum Drogenkonsum: Handel an "
                        + "die Polizei, Konsum und Spritzenfunde an das Ordnungsamt.",
                        act("Verteilregel für Drogen-Anliegen in der Anlaufstelle dokumentieren", "kkp", 14)))
                .withReport("drogen", "Hauptbahnhof", 2, 5).withFigures()));
        plans.add(new Plan("AGPG", story.month(5).with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.WEDNESDAY)),
                "AG Palastgarten: erste Erfahrungen der Fußstreife", List.of(
                item("Die ersten Wochenenden der gemeinsamen Fußstreife", "Streifenberichte: Gespräche am Pavillon, "
                        + "Scherben am Spielplatz, dunkle Wege.", null,
                        decide("Die Streife meldet Beobachtungen direkt über die Anlaufstelle; das Gartenamt reinigt "
                                + "den Spielplatz montags vor 8 Uhr.", act("Reinigung des Spielplatzes montags vor 8 Uhr",
                                        "garten", 14)))
                        .withReport("muell", "Spielplatz", 4, 6),
                item("Sommerabende am Pavillon", "Musikboxen und Feiern bis in die Nacht; Anwohnerbeschwerden.",
                        "Lärm und Ruhestörung in Grünanlagen",
                        decide("Mobile Jugendarbeit ist freitags am Pavillon, bevor die Streife kommt.",
                                act("Einsatzplan Streetwork für die Sommerwochenenden", "mobile", 14))))));
        plans.add(new Plan("KPR", story.month(6).with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.MONDAY)),
                "Kriminalpräventiver Rat " + story.month(6).getYear(), List.of(
                item("Präventionsbericht " + story.month(-1).getYear(), "Der Bericht der Koordination über das "
                        + "Vorjahr.", null, decide("Der Kriminalpräventive Rat nimmt den Präventionsbericht "
                                + story.month(-1).getYear() + " zur Kenntnis und empfiehlt seine Veröffentlichung.",
                                act("Präventionsbericht auf der Website veröffentlichen", "kkp", 21)))
                        .withMaterial("Praeventionsbericht_" + story.month(-1).getYear() + ".pdf"),
                item("Bürgerumfrage zum Sicherheitsgefühl", "Fragebogen, Stichprobe, Zeitplan.", null,
                        decide("Im Herbst wird eine Bürgerumfrage zum Sicherheitsgefühl durchgeführt.",
                                act("Fragebogen der Bürgerumfrage entwerfen", "kkp", 60))))));
        plans.add(kk(story, 7, item("Seniorinnen und Senioren: Betrug am Telefon",
                "Falsche Polizeibeamte und Enkeltrick haben zugenommen.", "Betrug an Seniorinnen und Senioren",
                decide("Polizei und Seniorenrat bieten in jedem Stadtbezirk eine Informationsveranstaltung an.",
                        act("Termine der Informationsveranstaltungen abstimmen", "kripo", 45)))
                .withFigures()));
        plans.add(new Plan("AGPG", story.lightingRenewed().plusDays(7), "AG Palastgarten: Abnahme der neuen Beleuchtung",
                List.of(item("Abendliche Begehung nach der LED-Umrüstung", "Alle 61 Leuchten in Betrieb, Seeufer "
                        + "erstmals beleuchtet.", null, decide("Die AG stellt fest, dass die LED-Umrüstung im "
                                + "Palastgarten abgeschlossen ist; Nachbesserung am Seeufer.",
                                act("Zusätzliche Leuchte am Seeufer setzen", "tiefbau", 30)))
                        .withMaterial("Abnahmeprotokoll_LED_Palastgarten.pdf"))));
        plans.add(new Plan("LG", story.reviewDecided(), title("LG", story.reviewDecided()), List.of(
                confidential("Polizeiliches Lagebild " + MONTH.format(story.reviewDecided())),
                item("Aufgabenkritik „Stadtbild“: Ergebnis", "Die Partner haben Graffiti und Vermüllung geprüft; ein "
                        + "Änderungsvorschlag liegt vor.", "Graffiti und wildes Plakatieren",
                        decide("Die Federführung für Graffiti und wildes Plakatieren geht von der Polizei an das "
                                + "Ordnungsamt; die Polizei bleibt für Ermittlungen zuständig.",
                                act("Übergabe der laufenden Graffiti-Fälle an das Ordnungsamt", "pp", 21))),
                item("Ergebnisse der Bürgerumfrage", "Das Sicherheitsgefühl im Palastgarten hat sich verbessert, am "
                        + "Hauptbahnhof nicht.", null,
                        decide("Die Lenkungsgruppe beauftragt ein Präsenzkonzept für den Hauptbahnhof mit der "
                                + "Bundespolizei und den Verkehrsbetrieben.",
                                act("Präsenzkonzept Hauptbahnhof entwerfen", "bpol", 90),
                                act("Videoschutz an der Klett-Passage prüfen", "vms", 120)))
                        .withMaterial("Buergerumfrage_Ergebnisse.pdf"))));
        plans.add(kk(story, 10, item("Neckarblick: dunkle Wege und die Haltestelle Hafenstraße",
                "Seit Oktober häufen sich Anliegen aus der Siedlung Neckarblick: dunkle Fußwege, Gruppen an der "
                        + "Haltestelle, Müll im Innenhof.", "Beleuchtung und Angsträume",
                decide("Die Koordination lädt die Wohnungsbaugesellschaft, die Verkehrsbetriebe und das Tiefbauamt "
                        + "zu einer Ortsbegehung im Neckarblick ein.",
                        act("Ortsbegehung Neckarblick mit der Wohnungsbaugesellschaft", "kkp", 21),
                        act("Beleuchtung der Privatwege im Neckarblick mit der Wohnungsbaugesellschaft klären",
                                "planung", 75, ActionItemStatus.OPEN)))
                .withReport("beleuchtung", "Neckarblick", 9, 11).withFigures()));
        plans.add(new Plan("AGPG", story.month(12).with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.WEDNESDAY)),
                "AG Palastgarten: Bilanz des Winters", List.of(
                item("Der Winter nach der LED-Umrüstung in Zahlen", "Anliegen zu dunklen Wegen im Palastgarten "
                        + "im Vergleich zum Vorwinter.", "Beleuchtung und Angsträume",
                        decide("Die AG schließt ihren Auftrag ab und übergibt die Fußstreife in den Regelbetrieb "
                                + "des Koordinierungskreises.", act("Abschlussbericht der AG an den Koordinierungskreis",
                                        "kod", 30)))
                        .withMaterial("Bilanz_Winter_Palastgarten.pdf"))));
        plans.add(kk(story, 13, item("Bilanz der AG Sicherheit im Palastgarten",
                "Abschlussbericht: Beleuchtung erneuert, Sichtachsen frei, Streife im Regelbetrieb.", null,
                decide("Der Koordinierungskreis nimmt den Abschlussbericht an; die Fußstreife läuft bis auf Weiteres.",
                        act("Streifenplan für das neue Jahr verlängern", "pp", 21)))
                .withFigures(), item("Haltestelle Hafenstraße: Ergebnis der Ortsbegehung",
                "Die Verkehrsbetriebe prüfen Beleuchtung und Notrufsäule an der Haltestelle.",
                "Sicherheit an Haltestellen und im Nahverkehr",
                decide("Die Verkehrsbetriebe rüsten die Haltestelle Hafenstraße mit heller Beleuchtung und einer "
                        + "Notrufsäule aus.", act("Notrufsäule an der Haltestelle Hafenstraße installieren", "vms", 120)))
                .withReport("haltestelle", "Hafenstraße", 10, 13)));
        plans.add(lg(story, 15, confidential("Polizeiliches Lagebild " + MONTH.format(story.month(15))),
                item("Wirkung der LED-Beleuchtung im Palastgarten", "Vergleich der Anliegen zu dunklen Wegen in "
                        + "beiden Wintern; Einschätzung der Streife.", "Beleuchtung und Angsträume",
                        decide("Die Lenkungsgruppe wertet die LED-Umrüstung als wirksam und beauftragt ein "
                                + "Beleuchtungskonzept für den Neckarblick.",
                                act("Beleuchtungskonzept Neckarblick erstellen", "tiefbau", 150, ActionItemStatus.IN_PROGRESS)))
                        .withMaterial("Wirkung_LED_Palastgarten.pdf")));
        plans.add(kk(story, 16, item("Sommerplanung Grünanlagen und Freibäder",
                "Präsenz an heißen Wochenenden, Jugendschutz in den Freibädern.", "Jugendschutz bei Veranstaltungen",
                decide("Jugendamt und Polizei führen an drei Sommerwochenenden Jugendschutzkontrollen durch.",
                        act("Termine der Jugendschutzkontrollen festlegen", "jugendamt", 21)))
                .withFigures()));
        plans.add(new Plan("KPR", story.month(18).with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.MONDAY)),
                "Kriminalpräventiver Rat " + story.month(18).getYear(), List.of(
                item("Präventionsbericht " + story.month(11).getYear(), "Mit der Wirkung der Beleuchtung im "
                        + "Palastgarten als Schwerpunkt.", null,
                        decide("Der Kriminalpräventive Rat empfiehlt, den Präventionsbericht " + story.month(11).getYear()
                                + " im Gemeinderat vorzustellen.", act("Vorstellung im Gemeinderat anmelden", "kkp", 30)))
                        .withMaterial("Praeventionsbericht_" + story.month(11).getYear() + ".pdf"),
                item("Gewaltprävention an Schulen: neues Programm", "Das Schulamt stellt ein Programm für die "
                        + "Klassen 5 bis 7 vor.", "Gewaltprävention an Schulen",
                        decide("Zwei Schulen erproben das Programm im kommenden Schuljahr.",
                                act("Pilotschulen auswählen", "schulamt", 45))))));
        plans.add(kk(story, 19, item("Stadtfest: Planung mit dem Einsatzplan",
                "Erstmals plant die Partnerschaft das Stadtfest mit einem gemeinsamen Einsatzplan in SiPa.",
                "Verkehrssicherung bei Großveranstaltungen",
                decide("Das Ordnungsamt legt den Einsatzplan für das Stadtfest bis vier Wochen vorher zur Freigabe vor.",
                        act("Entwurf des Einsatzplans Stadtfest", "ordnungsamt", 30)))
                .withFigures()));
        plans.add(lg(story, 21, confidential("Polizeiliches Lagebild " + MONTH.format(story.month(21))),
                item("Aufgabenkritik " + today.getYear() + ": öffentlicher Raum und Nacht", "Drogenkonsum mit zwei "
                        + "Federführungen, aggressives Betteln ohne Federführung, Rückgaben aus der Anlaufstelle.",
                        "Drogenkonsum im öffentlichen Raum",
                        decide("Die Lenkungsgruppe beauftragt die Aufgabenkritik " + today.getYear() + " für den "
                                + "öffentlichen Raum und die Nacht.",
                                act("Aufgabenkritik eröffnen und die Partner einladen", "kkp", 30),
                                act("Vorschlag zur Federführung bei aggressivem Betteln", "ordnungsamt", 60,
                                        ActionItemStatus.OPEN)))
                        .withMaterial("Befunde_Zustaendigkeitsmatrix.pdf")));
        plans.add(kk(story, 22, item("Nachbereitung des Stadtfests", "Lehren aus der Nachbesprechung: Funk, "
                + "Rettungswege, Toilettenwagen.", null,
                decide("Die Lehren aus dem Stadtfest fließen in den Einsatzplan des nächsten Jahres ein.",
                        act("Checkliste aus der Nachbesprechung in die Vorlage übernehmen", "ordnungsamt", 60)))
                .withFigures(), item("Neckarblick: Stand der Maßnahmen", "Beleuchtungskonzept, Notrufsäule, "
                + "Innenhof.", "Beleuchtung und Angsträume", List.of())
                .withReport("beleuchtung", "Neckarblick", 20, 23)));
        // The next meetings.
        var nextKk = today.plusWeeks(4).with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
        plans.add(new Plan("KK", nextKk, title("KK", nextKk), List.of(
                item("Anliegen des Herbstes: Beleuchtung im Neckarblick", "Stand der Anliegen und der Maßnahmen.",
                        "Beleuchtung und Angsträume", List.of()).withReport("beleuchtung", "Neckarblick", 21, 24),
                item("Zwischenstand der Aufgabenkritik " + today.getYear(), "Antworten der Partner zu Drogenkonsum "
                        + "und Betteln.", "Drogenkonsum im öffentlichen Raum", List.of()))));
        // The next date of the year plan, or early next year once this year's are past.
        var nextLg = steeringDays.stream().filter(day -> !day.isBefore(today.plusWeeks(2))).findFirst()
                .orElse(today.plusWeeks(9).with(TemporalAdjusters.nextOrSame(DayOfWeek.THURSDAY)));
        plans.add(new Plan("LG", nextLg, title("LG", nextLg), List.of(
                item("Jahresziele " + nextLg.getYear(), "Vorschlag der Koordination.", null, List.of()),
                item("Beschluss zur Aufgabenkritik " + today.getYear(), "Die konsolidierten Vorschläge.",
                        "Aggressives Betteln", List.of()))));
        // Of the story's meetings only the past ones; the next two are planned above.
        var next = List.of(plans.get(plans.size() - 2), plans.get(plans.size() - 1));
        plans.removeIf(p -> !p.day().isBefore(today.minusDays(3)) && !next.contains(p));
        return plans;
    }

    private static Plan kk(DemoStory story, int month, Item... items) {
        var day = story.month(month).with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.TUESDAY));
        return new Plan("KK", day, title("KK", day), List.of(items));
    }

    private static Plan lg(DemoStory story, int month, Item... items) {
        var day = story.month(month).with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.THURSDAY));
        return new Plan("LG", day, title("LG", day), List.of(items));
    }

    private static String title(String body, LocalDate day) {
        return (body.equals("LG") ? "Lenkungsgruppe " : "Koordinierungskreis ") + MONTH.format(day);
    }

    private static Item item(String title, String description, String topic, Resolution... decisions) {
        return item(title, description, topic, List.of(decisions));
    }

    private static Item item(String title, String description, String topic, List<Resolution> decisions) {
        var minutes = description + (decisions.isEmpty() ? " Die Partner berichteten zum Stand."
                : " Nach Aussprache wurde beschlossen: " + decisions.get(0).wording());
        return new Item(title, description, false, minutes, null, null, topic, decisions, false);
    }

    private static Item confidential(String title) {
        return new Item(title, "Kriminalitätslage und Brennpunkte (vertraulich)", true,
                "Die Polizei berichtete über die Lage; Einzelheiten sind vertraulich.", null, null, null, List.of(),
                false);
    }

    private static Resolution decide(String wording, Action... actions) {
        return new Resolution(wording, List.of(actions));
    }

    private static Action act(String title, String owner, int dueDays) {
        return new Action(title, owner, dueDays, null);
    }

    private static Action act(String title, String owner, int dueDays, ActionItemStatus status) {
        return new Action(title, owner, dueDays, status);
    }

    private byte[] pdf(de.sipa.shared.Letterhead letterhead, String title, String text) {
        var out = new ByteArrayOutputStream();
        var document = PdfLetterhead.open(letterhead, title, out);
        document.add(new Paragraph(text, PdfLetterhead.TEXT));
        document.close();
        return out.toByteArray();
    }

    private Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(clock.getZone()).toInstant();
    }
}

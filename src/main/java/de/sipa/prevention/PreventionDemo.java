package de.sipa.prevention;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.partners.DistrictId;
import de.sipa.partners.Organisations;
import de.sipa.partners.Partnerships;
import de.sipa.places.PlaceId;
import de.sipa.places.Places;
import de.sipa.reports.Categories;
import de.sipa.reports.CategoryId;
import de.sipa.shared.DemoStory;
import de.sipa.shared.OrganisationId;
import de.sipa.situation.CrimeFigures;

/**
 * Musterstadt's prevention projects, through {@link PreventionProjects} and {@link Indicators}: fifteen projects in
 * every stage, from the idea of a women's night taxi to the two evaluated ones, whose indicators count the demo's
 * reports live: "Licht und Ruhe im Palastgarten" (dark paths in Mitte in the first winter against the winter after the
 * LED lighting: they dropped) and "Sichere Haltestellen" (reports about stops and stations, half-year by half-year:
 * they rose, and the evaluation says so). The
 * Jugendtreff works at the place Palastgarten; the burglary counselling counts the PKS's residential burglaries. The
 * programmes' evidence levels are illustrative: check them against the Grüne Liste before quoting them.
 */
@Component
@Profile("demo")
@Order(80)
class PreventionDemo implements ApplicationRunner {

    static final String PALASTGARTEN_PROJECT = "Jugendtreff Palastgarten";
    static final String GRUENE_LISTE = "Grüne Liste Prävention";
    static final String GRUENE_LISTE_URL = "https://www.gruene-liste-praevention.de/";

    private final Partnerships partnerships;
    private final Organisations organisations;
    private final Places places;
    private final Categories categories;
    private final CrimeFigures crimeFigures;
    private final PreventionProjects projects;
    private final Indicators indicators;
    private final ProjectIdeas ideas;
    private final IdeaRepository ideaRepository;
    private final ProjectMeetings projectMeetings;
    private final de.sipa.meetings.Meetings meetings;
    private final Clock clock;
    private final DemoStory story;

    PreventionDemo(Partnerships partnerships, Organisations organisations, Places places, Categories categories,
            CrimeFigures crimeFigures, PreventionProjects projects, Indicators indicators, ProjectIdeas ideas,
            IdeaRepository ideaRepository, ProjectMeetings projectMeetings, de.sipa.meetings.Meetings meetings,
            Clock clock, DemoStory story) {
        this.projectMeetings = projectMeetings;
        this.meetings = meetings;
        this.ideas = ideas;
        this.ideaRepository = ideaRepository;
        this.partnerships = partnerships;
        this.organisations = organisations;
        this.places = places;
        this.categories = categories;
        this.crimeFigures = crimeFigures;
        this.projects = projects;
        this.indicators = indicators;
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
            if (!projects.projects().isEmpty()) {
                return null; // loaded before
            }
            load();
            return null;
        });
    }

    /** One project of the story: what it is, who does it, how far it got. */
    private record Plan(String title, PreventionField field, List<TargetGroup> groups, List<String> districts,
            String lead, List<String> partners, ProjectStatus status, LocalDate starts, LocalDate ends,
            Map<String, Integer> funding, String contact, String programme, EvidenceLevel level, String summary,
            String problem, String causes, String goals, String measures) {
    }

    private void load() {
        var orgs = new HashMap<String, OrganisationId>();
        organisations.all().forEach(o -> orgs.put(o.name(), o.id()));
        var districts = new HashMap<String, DistrictId>();
        partnerships.districts().forEach(d -> districts.put(d.name(), d.id()));
        var today = story.today();
        var plans = List.of(
                new Plan("Schulwegsicherheit Grundschulen Nord", PreventionField.TRAFFIC,
                        List.of(TargetGroup.CHILDREN, TargetGroup.PARENTS, TargetGroup.SCHOOLS), List.of("Nord"),
                        "Polizeirevier Musterstadt-Nord", List.of("Tiefbauamt – Straßenbeleuchtung", "Staatliches Schulamt Musterstadt"),
                        ProjectStatus.RUNNING, today.minusMonths(7).withDayOfMonth(1), today.plusMonths(5).withDayOfMonth(1),
                        Map.of("Stadt Musterstadt", 8000, "Verkehrswacht", 1500), "Frau Meyer, Polizeirevier Nord",
                        "", EvidenceLevel.NONE,
                        "Schulwegpläne, Schülerlotsen und eine sichere Querung an der Nordbahnhofstraße.",
                        "Eltern melden gefährliche Querungen an der Nordbahnhofstraße; zwei Beinahe-Unfälle mit Erstklässlern.",
                        "Breite Fahrbahn ohne Querungshilfe, parkende Autos verdecken die Sicht, Elterntaxis vor dem Schultor.",
                        "Jedes Kind der Klassen 1 und 2 kennt seinen Schulweg; die Elterntaxis vor dem Tor halbieren sich.",
                        "Schulwegplan, Lotsendienst am Morgen, Halteverbot vor dem Tor, Querungshilfe."),
                new Plan("Seniorensicherheit an der Haustür", PreventionField.SENIORS, List.of(TargetGroup.SENIORS),
                        List.of(), "Kriminalinspektion 1 – Kriminalprävention",
                        List.of("Seniorenrat Musterstadt e. V.", "Weißer Ring – Außenstelle Musterstadt"),
                        ProjectStatus.RUNNING, today.minusMonths(10).withDayOfMonth(1), null,
                        Map.of("Stadt Musterstadt", 3000, "Sparkassenstiftung", 2000), "Herr Becker, Referat Prävention",
                        "", EvidenceLevel.NONE,
                        "Sicherheitsberaterinnen und -berater für Senioren informieren über Enkeltrick, falsche Polizeibeamte und Haustürgeschäfte.",
                        "Ältere Menschen werden am Telefon und an der Haustür um ihr Erspartes betrogen; viele Taten werden nicht angezeigt.",
                        "Vertrauen in Amtspersonen, Alleinleben, Scham nach der Tat.",
                        "Jede Begegnungsstätte der Stadt hat einmal im Jahr einen Vortrag; Betroffene zeigen häufiger an.",
                        "Ehrenamtliche Sicherheitsberater, Vorträge in Begegnungsstätten, Warnhinweise in der Seniorenzeitung."),
                new Plan(PALASTGARTEN_PROJECT, PreventionField.YOUTH, List.of(TargetGroup.YOUTH), List.of("Mitte"),
                        "Jugendamt", List.of("Mobile Jugendarbeit Musterstadt e. V.", "Garten-, Friedhofs- und Forstamt"),
                        ProjectStatus.PLANNING, today.plusMonths(2).withDayOfMonth(1), today.plusMonths(26).withDayOfMonth(1),
                        Map.of("Stadt Musterstadt", 25000, "Land – Förderprogramm Jugend", 15000), "Frau Yilmaz, Mobile Jugendarbeit",
                        "", EvidenceLevel.NONE,
                        "Ein offener Treff im Pavillon am Palastgarten für die Jugendlichen, die sich abends im Park aufhalten.",
                        "Jugendliche treffen sich abends im Palastgarten; Anwohner klagen über Lärm, die Jugendlichen haben keinen anderen Ort.",
                        "Es fehlen nichtkommerzielle Treffpunkte in Mitte; der Park ist der einzige Ort ohne Verzehrzwang.",
                        "Die Jugendlichen haben einen eigenen Ort; die Lärmbeschwerden im Palastgarten gehen zurück.",
                        "Treff im Pavillon an drei Abenden der Woche, aufsuchende Arbeit im Park."),
                new Plan("Gewaltprävention an Schulen", PreventionField.VIOLENCE, List.of(TargetGroup.CHILDREN, TargetGroup.SCHOOLS),
                        List.of("Mitte", "Nord"), "Staatliches Schulamt Musterstadt",
                        List.of("Gymnasium am Palastgarten", "Gemeinschaftsschule Nord", "Jugendamt"),
                        ProjectStatus.RUNNING, today.minusMonths(14).withDayOfMonth(1), today.plusMonths(10).withDayOfMonth(1),
                        Map.of("Land", 12000), "Herr Dr. Braun, Gymnasium am Palastgarten",
                        "Faustlos", EvidenceLevel.PROBABLE,
                        "Ein Curriculum zur Förderung sozial-emotionaler Kompetenzen in den Klassen 5 und 6.",
                        "Die Schulen melden mehr körperliche Auseinandersetzungen auf dem Schulhof und im Bus.",
                        "Geringe Impulskontrolle, wenig Übung im Lösen von Konflikten, Vorbilder aus sozialen Medien.",
                        "Weniger gewaltsame Konflikte; Lehrkräfte fühlen sich sicher im Umgang mit ihnen.",
                        "Lehrkräfte werden geschult und setzen das Curriculum im Unterricht um."),
                new Plan("Wohnungseinbruchschutz – Beratung vor Ort", PreventionField.BURGLARY, List.of(TargetGroup.RESIDENTS),
                        List.of("Süd", "West"), "Kriminalinspektion 1 – Kriminalprävention",
                        List.of("Amt für Stadtplanung und Wohnen"), ProjectStatus.RUNNING,
                        today.minusMonths(20).withDayOfMonth(1), today.plusMonths(4).withDayOfMonth(1),
                        Map.of("Polizeipräsidium Musterstadt", 4000), "Herr Reinhardt, Kriminalprävention",
                        "K-Einbruch", EvidenceLevel.NONE,
                        "Kostenlose Beratung zum Einbruchschutz in den Wohngebieten mit den meisten Einbrüchen.",
                        "Die Wohnungseinbrüche in Süd und West liegen über dem Durchschnitt der Stadt.",
                        "Alte Fenster und Türen ohne Sicherung, wenig Nachbarschaftsaufmerksamkeit in der dunklen Jahreszeit.",
                        "Mehr gesicherte Wohnungen; weniger vollendete Einbrüche.",
                        "Beratungsmobil, Hausbesuche, Aktionstag zum Tag des Einbruchschutzes."),
                new Plan("Licht und Ruhe im Palastgarten", PreventionField.PUBLIC_SPACE,
                        List.of(TargetGroup.RESIDENTS, TargetGroup.WOMEN, TargetGroup.SENIORS), List.of("Mitte"),
                        "Stadt Musterstadt – Kommunale Kriminalprävention",
                        List.of("Tiefbauamt – Straßenbeleuchtung", "Polizeipräsidium Musterstadt", "Kommunaler Ordnungsdienst"),
                        ProjectStatus.EVALUATED, story.lightingDecided(), story.lightingRenewed().plusMonths(6),
                        Map.of("Stadt Musterstadt", 60000, "Land – Städtebauförderung", 40000), "Frau Neumann, Kommunale Kriminalprävention",
                        "", EvidenceLevel.NONE,
                        "LED-Beleuchtung der Wege, Rückschnitt der Hecken und gemeinsame Fußstreife im Palastgarten.",
                        "Im ersten Winter häufen sich Meldungen über dunkle Wege und Lärm im Palastgarten; viele meiden den Park nachts.",
                        "Defekte und zu schwache Laternen, zugewachsene Hecken, Trinkgelage ohne Kontrolle.",
                        "Die Meldungen über dunkle Wege im Winter nach der Erneuerung halbieren sich gegenüber dem Winter davor.",
                        "LED-Beleuchtung, Heckenschnitt, gemeinsame Fußstreife von Polizei und Ordnungsdienst ab Mai."),
                new Plan("Sichere Haltestellen", PreventionField.PUBLIC_SPACE, List.of(TargetGroup.GENERAL_PUBLIC, TargetGroup.WOMEN),
                        List.of(), "Verkehrsbetriebe Musterstadt", List.of("Bundespolizeiinspektion Musterstadt", "Polizeipräsidium Musterstadt"),
                        ProjectStatus.EVALUATED, story.start().plusMonths(6).withDayOfMonth(1), story.start().plusMonths(18).withDayOfMonth(1),
                        Map.of("Verkehrsbetriebe Musterstadt", 20000, "Stadt Musterstadt", 5000), "Herr Wolf, Verkehrsbetriebe",
                        "", EvidenceLevel.NONE,
                        "Notrufsäulen, Videoüberwachung und helle Wartebereiche an den Haltestellen mit den meisten Meldungen.",
                        "Fahrgäste fühlen sich an einigen Haltestellen abends unsicher; die Anlaufstelle erhält regelmäßig Meldungen.",
                        "Dunkle Wartebereiche, fehlende Ansprechpartner, Trinkgruppen an Umsteigepunkten.",
                        "Weniger Meldungen über unsichere Haltestellen im Jahr nach dem Umbau.",
                        "Notrufsäulen, Beleuchtung, Präsenz des Sicherheitsdienstes am Abend."),
                new Plan("Zivilcourage-Training für Fahrgäste", PreventionField.CIVIL_COURAGE, List.of(TargetGroup.GENERAL_PUBLIC),
                        List.of(), "Polizeipräsidium Musterstadt", List.of("Verkehrsbetriebe Musterstadt"),
                        ProjectStatus.IDEA, null, null, Map.of(), "", "Aktion-tu-was", EvidenceLevel.NONE,
                        "Trainings, wie man in Bus und Bahn hilft, ohne sich selbst zu gefährden.",
                        "Fahrgäste sehen bei Belästigungen weg, weil sie nicht wissen, wie sie sicher helfen können.",
                        "", "", ""),
                new Plan("Klar bleiben – Suchtprävention am Wochenende", PreventionField.ADDICTION, List.of(TargetGroup.YOUTH),
                        List.of("Mitte"), "Jugendamt", List.of("Mobile Jugendarbeit Musterstadt e. V.", "City-Initiative Musterstadt e. V."),
                        ProjectStatus.PLANNING, today.plusMonths(4).withDayOfMonth(1), null,
                        Map.of("Krankenkasse (Präventionsgesetz)", 9000), "Frau Yilmaz, Mobile Jugendarbeit",
                        "", EvidenceLevel.NONE,
                        "Peer-Einsätze in der Partyzone am Wochenende: Wasser, Information, Heimweg.",
                        "Am Wochenende häufen sich in der Innenstadt Meldungen über betrunkene Jugendliche und Rauschtrinken.",
                        "Vorglühen im öffentlichen Raum, günstiger Alkohol, Gruppendruck.",
                        "Weniger Jugendliche mit Alkoholvergiftung; Jugendliche kennen die Risiken des Rauschtrinkens.", ""),
                new Plan("Mobile Jugendarbeit am Hauptbahnhof", PreventionField.YOUTH, List.of(TargetGroup.YOUTH),
                        List.of("Mitte"), "Mobile Jugendarbeit Musterstadt e. V.", List.of("Jugendamt", "Bundespolizeiinspektion Musterstadt"),
                        ProjectStatus.FINISHED, story.start().withDayOfMonth(1), story.start().plusMonths(12).withDayOfMonth(1),
                        Map.of("Stadt Musterstadt", 30000), "Herr Kühn, Mobile Jugendarbeit", "", EvidenceLevel.NONE,
                        "Streetwork an den Treffpunkten junger Menschen rund um den Hauptbahnhof.",
                        "Junge Menschen ohne Anbindung halten sich täglich am Hauptbahnhof auf; Konflikte mit Reisenden und Sicherheitsdiensten.",
                        "Wohnungslosigkeit, Abbrüche von Schule und Ausbildung, fehlende Anlaufstellen.",
                        "Die jungen Menschen sind an Hilfen angebunden; Konflikte am Bahnhof nehmen ab.",
                        "Aufsuchende Arbeit an vier Tagen der Woche, Vermittlung in Hilfen."),
                new Plan("Sicher unterwegs im Alter", PreventionField.TRAFFIC, List.of(TargetGroup.SENIORS), List.of(),
                        "Seniorenrat Musterstadt e. V.", List.of("Verkehrsbetriebe Musterstadt"), ProjectStatus.IDEA, null, null,
                        Map.of(), "", "", EvidenceLevel.NONE,
                        "Rollator- und Bustraining für ältere Menschen.",
                        "Ältere Menschen trauen sich nicht mehr, den Bus zu nutzen, und bleiben zu Hause.", "", "", ""),
                new Plan("Frauennachttaxi", PreventionField.PUBLIC_SPACE, List.of(TargetGroup.WOMEN), List.of(),
                        "Stadt Musterstadt – Büro der Oberbürgermeisterin", List.of(), ProjectStatus.STOPPED,
                        today.minusMonths(16).withDayOfMonth(1), today.minusMonths(9).withDayOfMonth(1),
                        Map.of("Stadt Musterstadt", 15000), "", "", EvidenceLevel.NONE,
                        "Vergünstigte Taxifahrten für Frauen nach 22 Uhr; eingestellt, weil der Haushalt es nicht mehr trägt.",
                        "Frauen meiden abends den Heimweg mit Bus und Bahn.", "Angsträume an Haltestellen, lange Wartezeiten nachts.",
                        "Frauen kommen nachts sicher nach Hause.", "Taxigutscheine."),
                new Plan("Graffitiwand am Hafen", PreventionField.PUBLIC_SPACE, List.of(TargetGroup.YOUTH), List.of("Hafen"),
                        "Amt für öffentliche Ordnung", List.of("Mobile Jugendarbeit Musterstadt e. V."), ProjectStatus.FINISHED,
                        story.start().plusMonths(3).withDayOfMonth(1), story.start().plusMonths(9).withDayOfMonth(1),
                        Map.of("Stadt Musterstadt", 4000, "Sponsor Farbenhandel", 800), "Herr Koller, Ordnungsamt",
                        "", EvidenceLevel.NONE,
                        "Eine legale Fläche für Sprayer an der Hafenmauer, gestaltet in Workshops.",
                        "Schmierereien an Hauswänden im Hafenviertel.", "Fehlende legale Flächen, Reviermarkierung.",
                        "Weniger illegale Graffiti im Hafenviertel.", "Legale Wand, Workshops."),
                new Plan("Nachbarschaft Neckarblick", PreventionField.PUBLIC_SPACE, List.of(TargetGroup.RESIDENTS),
                        List.of("Hafen"), "Amt für Stadtplanung und Wohnen", List.of("Sozialamt", "Polizeirevier Musterstadt-Mitte"),
                        ProjectStatus.PLANNING, today.plusMonths(1).withDayOfMonth(1), today.plusMonths(13).withDayOfMonth(1),
                        Map.of("Wohnungsbaugesellschaft", 18000, "Stadt Musterstadt", 6000), "Frau Hofmann, Stadtplanung",
                        "", EvidenceLevel.NONE,
                        "Licht, Wege und Nachbarschaftstreffen in der Siedlung Neckarblick.",
                        "Seit dem zweiten Winter melden Bewohner dunkle Wege und eine unsichere Haltestelle in der Siedlung Neckarblick.",
                        "Ausgefallene Beleuchtung, wenig Kontakt unter Nachbarn.",
                        "Die Meldungen über dunkle Wege im Neckarblick gehen zurück.", ""),
                new Plan("Elternabende gegen Cybermobbing", PreventionField.VIOLENCE, List.of(TargetGroup.PARENTS, TargetGroup.YOUTH),
                        List.of(), "Polizeipräsidium Musterstadt", List.of("Staatliches Schulamt Musterstadt"),
                        ProjectStatus.RUNNING, today.minusMonths(5).withDayOfMonth(1), today.plusMonths(7).withDayOfMonth(1),
                        Map.of("Polizeipräsidium Musterstadt", 1200), "Frau Lorenz, Polizeipräsidium",
                        "", EvidenceLevel.NONE,
                        "Elternabende an allen weiterführenden Schulen über Cybermobbing und was Eltern tun können.",
                        "Schulen berichten von Mobbing in Klassenchats, Eltern erfahren davon spät.",
                        "Wenig Wissen der Eltern über Messenger und Plattformen.",
                        "Eltern an allen weiterführenden Schulen sind erreicht.", "Elternabende, Handreichung."));

        var garden = places.places().stream().filter(p -> p.name().equals("Palastgarten")).map(p -> p.id()).findFirst();
        var ids = new HashMap<String, ProjectId>();
        for (var plan : plans) {
            var partners = plan.partners().stream().map(orgs::get).filter(Objects::nonNull).toList();
            var funding = new ArrayList<Funding>();
            plan.funding().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> funding.add(new Funding(e.getKey(), new BigDecimal(e.getValue()))));
            List<PlaceId> placeIds = plan.title().equals(PALASTGARTEN_PROJECT)
                    || plan.title().equals("Licht und Ruhe im Palastgarten") ? garden.map(List::of).orElse(List.of())
                    : List.of();
            var evidence = plan.programme().isEmpty() ? Evidence.none()
                    : new Evidence(plan.programme(), GRUENE_LISTE_URL, GRUENE_LISTE, plan.level());
            var id = projects.create(new ProjectDraft(plan.title(), orgs.get(plan.lead()), partners, plan.field(),
                    EnumSet.copyOf(plan.groups()), plan.summary(),
                    plan.districts().stream().map(districts::get).filter(Objects::nonNull).toList(), placeIds,
                    plan.starts(), plan.ends(), funding, plan.contact(), evidence));
            ids.put(plan.title(), id);
            write(id, plan);
        }

        var lighting = categories.all().stream().filter(c -> c.code().equals("beleuchtung")).findFirst();
        var stops = categories.all().stream().filter(c -> c.code().equals("haltestelle")).findFirst();
        // Licht und Ruhe: the winter of the dark paths against the winter after the new lamps, counted from the reports
        var garden1 = ids.get("Licht und Ruhe im Palastgarten");
        var dark = indicators.define(garden1, new IndicatorDraft("Meldungen über dunkle Wege in Mitte (Winter)",
                "Meldungen", null, null, IndicatorSource.REPORTS, lighting.map(c -> c.id()).orElse(null),
                districts.get("Mitte"), null));
        indicators.measure(garden1, dark, story.firstWinter().minusMonths(2), story.firstWinter().plusMonths(2).minusDays(1), null);
        indicators.measure(garden1, dark, story.firstWinter().plusMonths(10), story.firstWinter().plusMonths(14).minusDays(1), null);
        // the sense of security in Mitte from the citizen surveys, one value per wave (read from the surveys live)
        indicators.define(garden1, new IndicatorDraft("Unsicher nachts in der Wohngegend, Mitte (Bürgerumfrage)",
                "%", null, null, IndicatorSource.SURVEY, null, districts.get("Mitte"), null,
                de.sipa.surveys.SenseOfSecurity.INDICATOR));
        var walkers = indicators.define(garden1, new IndicatorDraft("Anteil der Befragten, die den Park nachts meiden",
                "%", new BigDecimal("62"), new BigDecimal("40"), IndicatorSource.TYPED, null, null, null));
        indicators.measure(garden1, walkers, story.lightingRenewed().plusMonths(4), story.lightingRenewed().plusMonths(5),
                new BigDecimal("44"));
        evaluate(garden1, "LED-Leuchten im Oktober vollständig in Betrieb; die Fußstreife lief von Mai an jeden Freitag und Samstag.",
                "Die Meldungen über dunkle Wege in Mitte sind im Winter nach der Erneuerung deutlich zurückgegangen; "
                        + "das Ziel der Befragung (40 %) ist knapp verfehlt.");
        projects.changeStatus(garden1, ProjectStatus.EVALUATED);

        var stopsProject = ids.get("Sichere Haltestellen");
        var stopReports = indicators.define(stopsProject, new IndicatorDraft("Meldungen über unsichere Haltestellen",
                "Meldungen pro Halbjahr", null, null, IndicatorSource.REPORTS, stops.map(c -> c.id()).orElse(null), null, null));
        for (int half = 0; half < 4; half++) {
            var from = story.start().plusMonths(6L * half);
            indicators.measure(stopsProject, stopReports, from, from.plusMonths(6).minusDays(1), null);
        }
        evaluate(stopsProject, "Notrufsäulen an zwölf Haltestellen, Beleuchtung an acht; der Sicherheitsdienst ist abends an den Umsteigepunkten.",
                "Das Ziel ist nicht erreicht: die Meldungen über unsichere Haltestellen sind nach dem Umbau nicht "
                        + "gesunken, sondern gestiegen. Ob mehr passiert oder nur mehr gemeldet wird, seit die "
                        + "Notrufsäulen bekannt sind, lässt sich aus den Meldungen allein nicht sagen.");
        projects.writeStep(stopsProject, BeccariaStep.CONCLUSIONS, Map.of("conclusions",
                "Eine Fahrgastbefragung zum Sicherheitsgefühl soll klären, ob die Maßnahmen wirken; bis dahin "
                        + "Beleuchtung und Notrufsäulen beibehalten, aber keine weiteren Haltestellen umbauen.",
                "documentation", "Bericht an die Lenkungsgruppe und im Präventionsbericht."));
        projects.changeStatus(stopsProject, ProjectStatus.EVALUATED);

        // the burglary counselling watches the PKS's residential burglaries of the last complete years
        var burglary = ids.get("Wohnungseinbruchschutz – Beratung vor Ort");
        crimeFigures.groups().stream().filter(g -> g.name().startsWith("Wohnungseinbruch")).findFirst().ifPresent(g -> {
            var cases = indicators.define(burglary, new IndicatorDraft("Wohnungseinbrüche in der Stadt (PKS)", "Fälle",
                    null, null, IndicatorSource.CRIME_CASES, null, null, g.id()));
            for (int year = today.getYear() - 3; year < today.getYear(); year++) {
                indicators.measure(burglary, cases, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), null);
            }
        });
        var counselled = indicators.define(burglary, new IndicatorDraft("Beratene Haushalte", "Haushalte",
                BigDecimal.ZERO, new BigDecimal("300"), IndicatorSource.TYPED, null, null, null));
        indicators.measure(burglary, counselled, today.minusMonths(20).withDayOfMonth(1), today.minusMonths(8).withDayOfMonth(1),
                new BigDecimal("140"));
        indicators.measure(burglary, counselled, today.minusMonths(8).withDayOfMonth(1), today.minusMonths(1).withDayOfMonth(1),
                new BigDecimal("95"));
        projects.noteQuality(ids.get(PALASTGARTEN_PROJECT), BeccariaStep.GOALS,
                "Ziele bitte messbar fassen: wie viele Jugendliche, wie viele Abende, welcher Rückgang der Beschwerden?");
        for (var title : PUBLISHED) {
            projects.publish(ids.get(title), true);
        }
        ideas(districts);
        linkAgendaItem(ids.get("Seniorensicherheit an der Haustür"), "Seniorinnen und Senioren: Betrug am Telefon");
        linkAgendaItem(ids.get("Sichere Haltestellen"), "Neckarblick: dunkle Wege und die Haltestelle Hafenstraße");
        linkAgendaItem(ids.get("Sichere Haltestellen"), "Haltestelle Hafenstraße: Ergebnis der Ortsbegehung");
    }

    /** Links the project to the first agenda item of the meetings demo with that title, if the demo has it. */
    private void linkAgendaItem(ProjectId project, String itemTitle) {
        var all = new ArrayList<de.sipa.meetings.Meeting>();
        all.addAll(meetings.page(null, false, org.springframework.data.domain.PageRequest.of(0, 500)).getContent());
        all.addAll(meetings.page(null, true, org.springframework.data.domain.PageRequest.of(0, 500)).getContent());
        for (var meeting : all) {
            var item = meetings.agenda(meeting.id()).stream().filter(i -> i.title().equals(itemTitle)).findFirst();
            if (item.isPresent()) {
                projectMeetings.link(project, meeting.id() + ":" + item.get().id());
                return;
            }
        }
    }

    /**
     * The projects the coordination shows on Musterstadt's public pages (the Neckarblick one with the reading mentors'
     * volunteer offer of VolunteersDemo).
     */
    static final List<String> PUBLISHED = List.of("Schulwegsicherheit Grundschulen Nord",
            "Seniorensicherheit an der Haustür", "Gewaltprävention an Schulen", "Wohnungseinbruchschutz – Beratung vor Ort",
            "Licht und Ruhe im Palastgarten", "Sichere Haltestellen", PALASTGARTEN_PROJECT,
            "Mobile Jugendarbeit am Hauptbahnhof", "Nachbarschaft Neckarblick");

    /**
     * Five ideas: three from citizens (the bike coding became a project, the cameras everywhere were declined, the
     * bench lighting is in review), two from partners (new).
     */
    private void ideas(Map<String, DistrictId> districts) {
        var now = clock.instant();
        var partnership = CurrentUser.partnership();
        java.util.function.BiFunction<ProjectIdea, Integer, IdeaId> submitted = (idea, daysAgo) -> {
            ideaRepository.insert(partnership, new ProjectIdea(idea.id(), idea.title(), idea.description(),
                    idea.field(), idea.district(), idea.origin(), idea.submittedBy(), idea.contactEmail(),
                    IdeaStatus.NEW, "", null, now.minus(java.time.Duration.ofDays(daysAgo)), null));
            return idea.id();
        };
        var bikes = submitted.apply(idea("Fahrradcodierung am Bahnhof",
                "Am Bahnhof werden ständig Fahrräder gestohlen. Eine Codieraktion mit der Polizei, zweimal im Jahr "
                        + "direkt am Fahrradparkhaus, würde Diebe abschrecken.",
                PreventionField.BURGLARY, districts.get("Mitte"), IdeaOrigin.CITIZEN, null, "r.fahrrad@example.org"), 40);
        ideas.turnIntoProject(bikes);
        var cameras = submitted.apply(idea("Videoüberwachung in der ganzen Innenstadt",
                "Kameras an jeder Straßenecke, dann traut sich keiner mehr etwas.", PreventionField.PUBLIC_SPACE,
                districts.get("Mitte"), IdeaOrigin.CITIZEN, null, null), 30);
        ideas.decline(cameras, "Flächendeckende Videoüberwachung erlaubt das Polizeigesetz nur an Kriminalitätsschwerpunkten; "
                + "am Palastgarten prüfen wir sie gerade im Sicherheitskonzept. Stattdessen setzen wir auf Licht und "
                + "Präsenz (Projekt „Licht und Ruhe im Palastgarten“).");
        var benches = submitted.apply(idea("Licht an den Bänken am Neckarufer",
                "Abends sitzen ältere Menschen gern am Neckarufer, aber auf dem Heimweg ist es stockdunkel.",
                PreventionField.SENIORS, districts.get("Hafen"), IdeaOrigin.CITIZEN, null, "bank.licht@example.org"), 12);
        ideas.review(benches);
        submitted.apply(idea("Kiosk-Kodex gegen Alkohol an Minderjährige",
                "Testkäufe und eine freiwillige Selbstverpflichtung der Kioske rund um den Hauptbahnhof.",
                PreventionField.ADDICTION, districts.get("Mitte"), IdeaOrigin.PARTNER, "Amt für öffentliche Ordnung", null), 5);
        submitted.apply(idea("Sicherheitstraining für Taxifahrerinnen und -fahrer",
                "Deeskalation und Notruf im Taxi, gemeinsam mit der Taxi-Innung.", PreventionField.VIOLENCE, null,
                IdeaOrigin.PARTNER, "Polizeirevier Musterstadt-Mitte", null), 2);
    }

    private static ProjectIdea idea(String title, String description, PreventionField field, DistrictId district,
            IdeaOrigin origin, String submittedBy, String email) {
        return new ProjectIdea(IdeaId.random(), title, description, field, district, origin, submittedBy, email,
                IdeaStatus.NEW, "", null, null, null);
    }

    /** The steps a project of its status has written: an idea its problem, a plan up to the goals, a running one more. */
    private void write(ProjectId id, Plan plan) {
        if (!plan.problem().isEmpty()) {
            projects.writeStep(id, BeccariaStep.PROBLEM, Map.of("problem", plan.problem(),
                    "sources", plan.status() == ProjectStatus.IDEA ? "" : "Meldungen an die Anlaufstelle, Hinweise der Partner"));
        }
        if (!plan.causes().isEmpty()) {
            projects.writeStep(id, BeccariaStep.CAUSES, Map.of("causes", plan.causes()));
        }
        if (!plan.goals().isEmpty()) {
            projects.writeStep(id, BeccariaStep.GOALS, Map.of("goals", plan.goals(),
                    "targetGroups", String.join(", ", plan.groups().stream().map(Enum::name).map(this::groupName).toList())));
        }
        if (!plan.measures().isEmpty() && !Arrays.asList(ProjectStatus.IDEA, ProjectStatus.PLANNING).contains(plan.status())) {
            projects.writeStep(id, BeccariaStep.MEASURES, Map.of("measures", plan.measures(),
                    "rationale", "Die Maßnahmen setzen an den Ursachen aus Schritt 2 an."));
            projects.writeStep(id, BeccariaStep.IMPLEMENTATION, Map.of("concept",
                    "Federführung und Partner wie in den Eckdaten; monatliche Abstimmung im Koordinierungskreis.",
                    "schedule", "Start, Zwischenbericht nach sechs Monaten, Abschluss mit Auswertung."));
        } else if (!plan.measures().isEmpty()) {
            projects.writeStep(id, BeccariaStep.MEASURES, Map.of("measures", plan.measures()));
        }
        if (plan.status() == ProjectStatus.FINISHED) {
            evaluate(id, "Wie geplant umgesetzt.", "Die Partner sehen die Ziele als weitgehend erreicht.");
            projects.writeStep(id, BeccariaStep.CONCLUSIONS, Map.of("conclusions",
                    "Abgeschlossen; die Arbeit wird in der Regelstruktur fortgeführt.",
                    "documentation", "Abschlussbericht an die Lenkungsgruppe."));
        }
        if (plan.status() != ProjectStatus.IDEA && plan.status() != ProjectStatus.EVALUATED) {
            projects.changeStatus(id, plan.status());
        }
    }

    private void evaluate(ProjectId id, String implementation, String goals) {
        projects.writeStep(id, BeccariaStep.EVALUATION, Map.of("implementationCheck", implementation,
                "goalAttainment", goals));
    }

    private String groupName(String group) {
        return switch (TargetGroup.valueOf(group)) {
            case CHILDREN -> "Kinder";
            case YOUTH -> "Jugendliche";
            case PARENTS -> "Eltern";
            case SCHOOLS -> "Schulen";
            case SENIORS -> "Seniorinnen und Senioren";
            case WOMEN -> "Frauen";
            case RESIDENTS -> "Anwohnerinnen und Anwohner";
            case BUSINESSES -> "Gewerbe";
            case PROFESSIONALS -> "Fachkräfte";
            case GENERAL_PUBLIC -> "alle Bürgerinnen und Bürger";
        };
    }
}

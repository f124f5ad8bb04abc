package de.sipa.networks;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import de.sipa.identity.Accounts;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.NewAccount;
import de.sipa.identity.Role;
import de.sipa.identity.SipaUser;
import de.sipa.partners.NewPartnership;
import de.sipa.partners.Organisations;
import de.sipa.partners.Partnerships;
import de.sipa.places.Deficit;
import de.sipa.places.MeasureDraft;
import de.sipa.places.MeasureKind;
import de.sipa.places.MeasureStatus;
import de.sipa.places.PlaceDraft;
import de.sipa.places.PlaceId;
import de.sipa.places.PlaceOrigin;
import de.sipa.places.Places;
import de.sipa.places.SafetyConcepts;
import de.sipa.prevention.BeccariaStep;
import de.sipa.prevention.Evidence;
import de.sipa.prevention.PreventionField;
import de.sipa.prevention.PreventionProjects;
import de.sipa.prevention.ProjectDraft;
import de.sipa.prevention.ProjectStatus;
import de.sipa.prevention.TargetGroup;
import de.sipa.reports.Categories;
import de.sipa.reports.Category;
import de.sipa.reports.DemoReports;
import de.sipa.reports.NewReport;
import de.sipa.reports.ReportSource;
import de.sipa.reports.Reports;
import de.sipa.shared.DemoStory;
import de.sipa.shared.FederalState;
import de.sipa.shared.PartnershipId;
import de.sipa.situation.CrimeFigures;
import de.sipa.surveys.Surveys;

/**
 * The county around Musterstadt: "Landkreis Musterland", whose coordination (log in as {@code kreis}) hosts the
 * network; Musterstadt and two smaller towns, Kleinhausen ({@code kkp-kleinhausen}) and Waldbach ({@code kkp-waldbach}), each a
 * small partnership with a year of reports at its contact point, share their key figures and some projects (Kleinhausen
 * also the safety concept of its station underpass, for the catalogue of good practice, and with the whole
 * installation, so that the Land programme's office finds it too); Musterstadt
 * also shares its published places, finished surveys and annual reports. The county's round table of the towns'
 * coordinators is the network's own body, with two meetings held and one to come. Above them, the Land programme
 * "Sichere Kommune" (log in as {@code land}) gives its template to every partnership founded in Baden-Württemberg
 * after it: the county and the two towns got its bodies, categories, topics and survey items at their founding;
 * Musterstadt, older than the programme, has joined and may apply the template on its sharing page.
 */
@Component
@Profile("demo")
@Order(90)
class NetworksDemo implements ApplicationRunner {

    static final String SLUG = "landkreis-musterland";
    static final String PROGRAMME_SLUG = "sichere-kommune";
    static final String PROGRAMME = "Landesprogramm Sichere Kommune";
    private static final Logger log = LoggerFactory.getLogger(NetworksDemo.class);
    private static final String PASSWORD = "demo";
    /** Category names as in Musterstadt, so that the towns' figures line up; reports per month from, to. */
    private static final Object[][] CATEGORIES = {
        {"Lärm und Ruhestörung", 2, 6}, {"Vermüllung und Verwahrlosung", 1, 5},
        {"Dunkle Ecke, defekte Beleuchtung", 0, 3}, {"Sonstiges", 0, 2}};

    /** A small town: slug, name, coordinator, districts with their outlines (west, south, east, north), inhabitants. */
    private record Town(String slug, String name, String coordinator, String coordinatorName, double scale,
            Map<String, double[]> districts, Map<String, Integer> inhabitants) {
    }

    private static final List<Town> TOWNS = List.of(
            new Town("kleinhausen", "Sicherheitspartnerschaft Kleinhausen", "kkp-kleinhausen", "Klara Klein", 1.0,
                    Map.of("Kleinhausen-Nord", new double[] {9.30, 48.835, 9.34, 48.855},
                            "Kleinhausen-Süd", new double[] {9.30, 48.815, 9.34, 48.835}),
                    Map.of("Kleinhausen-Nord", 9800, "Kleinhausen-Süd", 8600)),
            new Town("waldbach", "Sicherheitspartnerschaft Waldbach", "kkp-waldbach", "Walter Wald", 0.6,
                    Map.of("Waldbach", new double[] {9.02, 48.69, 9.07, 48.72}),
                    Map.of("Waldbach", 9700)));

    private final Partnerships partnerships;
    private final Organisations organisations;
    private final Accounts accounts;
    private final Categories categories;
    private final Reports reports;
    private final DemoReports demoReports;
    private final CrimeFigures crimeFigures;
    private final PreventionProjects projects;
    private final Networks networks;
    private final RoundTables roundTables;
    private final Places places;
    private final SafetyConcepts concepts;
    private final Surveys surveys;
    private final Programmes programmes;
    private final Clock clock;
    private final DemoStory story;

    NetworksDemo(Partnerships partnerships, Organisations organisations, Accounts accounts,
            Categories categories, Reports reports, DemoReports demoReports, CrimeFigures crimeFigures,
            PreventionProjects projects, Networks networks, RoundTables roundTables, Places places,
            SafetyConcepts concepts, Surveys surveys, Programmes programmes, Clock clock, DemoStory story) {
        this.partnerships = partnerships;
        this.organisations = organisations;
        this.accounts = accounts;
        this.categories = categories;
        this.reports = reports;
        this.demoReports = demoReports;
        this.crimeFigures = crimeFigures;
        this.projects = projects;
        this.networks = networks;
        this.roundTables = roundTables;
        this.places = places;
        this.concepts = concepts;
        this.surveys = surveys;
        this.programmes = programmes;
        this.clock = clock;
        this.story = story;
    }

    @Override
    public void run(ApplicationArguments args) {
        var musterstadt = partnerships.bySlug("musterstadt");
        if (musterstadt.isEmpty() || partnerships.bySlug(SLUG).isPresent()) {
            return;
        }
        long begun = System.nanoTime();
        var musterstadtId = musterstadt.get().id();
        var programme = landProgramme(musterstadtId);
        var county = found(musterstadtId, SLUG, "Landkreis Musterland – Kommunale Kriminalprävention",
                "Musterstadt\nKleinhausen\nWaldbach", "Landratsamt Musterland", "kreis", "Karla Kreis");
        var network = asSystem(county, () -> networks.found("Landkreis Musterland", NetworkKind.COUNTY));
        asSystem(county, () -> roundTable());
        // Musterstadt shares its key figures, two of its projects, its published places, its finished surveys and its
        // annual reports
        asSystem(musterstadtId, () -> {
            networks.join(network);
            networks.shareKeyFigures(network);
            var office = "Kommunale Kriminalprävention, Stadt Musterstadt";
            projects.projects().stream().filter(p -> p.status() != ProjectStatus.IDEA).limit(2)
                    .forEach(p -> networks.shareProject(network, p.id(), office));
            places.places().stream().filter(p -> p.published()).forEach(p -> networks.sharePlace(network, p.id(), office));
            surveys.waves().stream().filter(networks::finished).forEach(w -> networks.shareSurvey(network, w.id()));
            networks.shareAnnualReports(network);
            networks.join(programme);
            return null;
        });
        var random = new Random(17);
        for (var town : TOWNS) {
            var id = found(musterstadtId, town.slug(), town.name(), String.join("\n", town.districts().keySet()),
                    "Stadt " + town.name().replace("Sicherheitspartnerschaft ", "") + " – Ordnungsamt",
                    town.coordinator(), town.coordinatorName());
            asSystem(id, () -> {
                loadTown(id, town, random);
                networks.join(network);
                networks.shareKeyFigures(network);
                var office = "Ordnungsamt " + town.name().replace("Sicherheitspartnerschaft ", "");
                projects.projects().forEach(p -> networks.shareProject(network, p.id(), office));
                if (town.slug().equals("kleinhausen")) {
                    var underpass = underpass();
                    networks.shareConcept(network, underpass, office);
                    networks.shareWithInstallation(ShareKind.SAFETY_CONCEPT, underpass.value(), office);
                }
                return null;
            });
        }
        log.info("Demo county Landkreis Musterland loaded in {} ms; log in as 'kreis', 'kkp-kleinhausen', "
                + "'kkp-waldbach' or 'land' (the Land programme)", (System.nanoTime() - begun) / 1_000_000);
    }

    /**
     * The Land programme before the county and its towns, so that their founding gives them its template: the
     * categories are Musterstadt's, so that the towns' figures line up in the county's comparison.
     */
    private NetworkId landProgramme(PartnershipId musterstadt) {
        var office = found(musterstadt, PROGRAMME_SLUG, PROGRAMME + " – Geschäftsstelle", "Baden-Württemberg",
                "Geschäftsstelle " + PROGRAMME, "land", "Lena Land");
        return asSystem(office, () -> {
            var network = networks.found(PROGRAMME, NetworkKind.STATE_PROGRAMME);
            programmes.define("""
                    Lenkungsgruppe Sicherheitspartnerschaft
                    Arbeitsgruppe Sicherheit im öffentlichen Raum
                    Arbeitsgruppe Jugend und Prävention""",
                    String.join("\n", Arrays.stream(CATEGORIES).map(c -> (String) c[0]).toList()), """
                    Sicherheit im öffentlichen Raum
                    Jugendschutz
                    Schulwegsicherheit""",
                    List.of("safety_night_area", "safety_day_area", "fear_burglary", "problems_area", "trust_police",
                            "trust_city", "district", "age_band", "gender"));
            return network;
        });
    }

    /** The county's round table of the towns' coordinators: two meetings held, one to come. */
    private UUID roundTable() {
        var body = roundTables.create("Runder Tisch Kriminalprävention im Landkreis", "Die Koordinatorinnen und "
                + "Koordinatoren der Städte und Gemeinden des Landkreises, zweimal im Jahr und nach Bedarf beim Landratsamt.");
        var today = story.today();
        var spring = roundTables.schedule(body, at(today.minusMonths(7)), "Landratsamt Musterland, Sitzungssaal 2",
                "Begrüßung und Vorstellungsrunde\nKennzahlen der Anlaufstellen im Vergleich\nSchulwegsicherheit: "
                        + "Erfahrungen aus Kleinhausen\nVerschiedenes");
        roundTables.writeMinutes(spring, "Anwesend: die Koordinationen aus Musterstadt, Kleinhausen und Waldbach, "
                + "das Landratsamt.\n1. Die Kennzahlen werden künftig halbjährlich verglichen.\n2. Kleinhausen stellt "
                + "seine Schulwegpläne als Vorlage in die Gute Praxis.\n3. Nächste Sitzung im Herbst.");
        var autumn = roundTables.schedule(body, at(today.minusMonths(2)), "Rathaus Waldbach, Bürgersaal",
                "Bericht aus den Städten und Gemeinden\nBürgerbefragung Musterstadt: Ergebnisse\n"
                        + "Gemeinsame Aktion gegen den Enkeltrick");
        roundTables.writeMinutes(autumn, "1. Musterstadt stellt die Ergebnisse ihrer Befragung vor; Waldbach "
                + "erwägt eine eigene Befragung mit den Standardfragen.\n2. Die Seniorensicherheit aus Kleinhausen wird "
                + "im ganzen Landkreis angeboten.");
        roundTables.schedule(body, at(today.plusWeeks(3)), "Landratsamt Musterland, Sitzungssaal 2",
                "Kooperationsvereinbarungen: Stand und Überprüfung\nJahresberichte der Städte und Gemeinden\n"
                        + "Planung für das kommende Jahr");
        return body;
    }

    private java.time.Instant at(LocalDate day) {
        return day.atTime(14, 0).atZone(clock.getZone()).toInstant();
    }

    private PartnershipId found(PartnershipId by, String slug, String name, String districts, String office,
            String coordinator, String coordinatorName) {
        var setup = Base64.getUrlEncoder().encodeToString(new SecureRandom().generateSeed(18));
        var id = asSystem(by, () -> partnerships.create(new NewPartnership(name, slug, districts, office,
                coordinator + "-einrichtung", coordinatorName, null, setup + "aA1!", FederalState.BW)));
        asSystem(id, () -> accounts.openDemoAccount(new NewAccount(id, organisations.all().get(0).id(), coordinator,
                coordinatorName, null, PASSWORD, Role.COORDINATOR)));
        return id;
    }

    private void loadTown(PartnershipId id, Town town, Random random) {
        var populations = new HashMap<de.sipa.partners.DistrictId, Integer>();
        for (var district : partnerships.districts()) {
            var b = town.districts().get(district.name());
            partnerships.drawBoundary(district.id(), String.format(Locale.ROOT,
                    "{\"type\":\"Polygon\",\"coordinates\":[[[%1$s,%2$s],[%3$s,%2$s],[%3$s,%4$s],[%1$s,%4$s],[%1$s,%2$s]]]}",
                    b[0], b[1], b[2], b[3]));
            populations.put(district.id(), town.inhabitants().get(district.name()));
        }
        crimeFigures.enterPopulations(story.today().getYear() - 1, populations);
        var district = partnerships.districts().get(0);
        var b = town.districts().get(district.name());
        var last = YearMonth.from(story.today()).minusMonths(1);
        for (var c : CATEGORIES) {
            // the Land programme's template gave the town its categories at its founding
            var category = categories.all().stream().filter(k -> k.name().equals(c[0])).map(Category::id).findFirst()
                    .orElseThrow();
            for (int m = 0; m < 12; m++) {
                var month = last.minusMonths(m);
                int from = (int) c[1];
                int to = (int) c[2];
                int count = (int) Math.round((from + random.nextInt(to - from + 1)) * town.scale());
                var text = c[0] + " (" + month.getMonthValue() + "/" + month.getYear() + ")";
                for (int i = 0; i < count; i++) {
                    reports.submit(new NewReport(id, category, text, b[1] + (b[3] - b[1]) * random.nextDouble(),
                            b[0] + (b[2] - b[0]) * random.nextDouble(), null, district.id(), Map.of(), null,
                            ReportSource.PARTNER));
                }
                if (count > 0) {
                    demoReports.backdate(id, text,
                            month.atDay(1 + random.nextInt(27)).atTime(10, 0).atZone(clock.getZone()).toInstant());
                }
            }
        }
        var name = town.name().replace("Sicherheitspartnerschaft ", "");
        var first = projects.create(new ProjectDraft("Sicherer Schulweg " + name, null, List.of(),
                PreventionField.TRAFFIC, Set.of(TargetGroup.CHILDREN, TargetGroup.PARENTS),
                "Elternlotsen und Schulwegpläne für die Grundschulen.", List.of(), List.of(),
                story.today().minusMonths(8), null, List.of(), "Ordnungsamt", Evidence.none()),
                ProjectStatus.RUNNING);
        projects.writeStep(first, BeccariaStep.PROBLEM, Map.of("problem",
                "Unsichere Querungen auf dem Schulweg, Elterntaxis vor der Schule.", "sources",
                "Elternbefragung, Verkehrsschau mit der Polizei"));
        if (town.slug().equals("kleinhausen")) {
            projects.create(new ProjectDraft("Seniorensicherheit " + name, null, List.of(), PreventionField.SENIORS,
                    Set.of(TargetGroup.SENIORS), "Vorträge gegen den Enkeltrick im Seniorentreff.", List.of(),
                    List.of(), story.today().minusMonths(4), null, List.of(), "Ordnungsamt", Evidence.none()),
                    ProjectStatus.RUNNING);
        }
    }

    /**
     * Kleinhausen's underpass at the station, a place people avoid after dark, with its safety concept: lighting done,
     * a joint patrol running, a mural planned; the town shares the concept for the county's catalogue.
     */
    private PlaceId underpass() {
        var place = places.create(new PlaceDraft("Unterführung am Bahnhof Kleinhausen", null, Deficit.SUBJECTIVE,
                "Fußgängerunterführung unter den Gleisen zwischen Bahnhof und Wohngebiet Süd; abends gemieden, "
                        + "Beschwerden über Dunkelheit und Graffiti.",
                null, "Deutsche Bahn", PlaceOrigin.MANUAL,
                "{\"type\":\"LineString\",\"coordinates\":[[9.3195,48.8248],[9.3205,48.8252]]}", 8));
        var office = organisations.all().get(0).id();
        var today = story.today();
        concepts.changeGoals(place, "Die Unterführung ist auch abends hell und einsehbar.\n"
                + "Weniger Beschwerden über Angst und Graffiti im Jahr nach den Maßnahmen.");
        concepts.addMeasure(place, new MeasureDraft(MeasureKind.LIGHTING, "Helle LED-Beleuchtung, vandalismusfest",
                "Gemeinsam mit der Bahn: Leuchten alle 5 m, Bewegungsmelder an den Zugängen.", null, office, 24_000L,
                today.minusMonths(9), today.minusMonths(8), MeasureStatus.DONE));
        concepts.addMeasure(place, new MeasureDraft(MeasureKind.PRESENCE, "Abendliche Fußstreife",
                "Gemeinsame Streife von Polizei und Vollzugsdienst freitags und samstags zwischen 20 und 23 Uhr.", null,
                office, null, today.minusMonths(6), null, MeasureStatus.RUNNING));
        concepts.addMeasure(place, new MeasureDraft(MeasureKind.DESIGN, "Wandgestaltung mit dem Jugendhaus",
                "Helle Wandbilder, von Jugendlichen des Jugendhauses gestaltet; schützt zugleich vor neuen Graffiti.",
                null, office, 3_500L, null, null, MeasureStatus.PLANNED));
        return place;
    }

    private static <T> T asSystem(PartnershipId partnership, java.util.function.Supplier<T> work) {
        return CurrentUser.runAs(SipaUser.system(partnership), work);
    }
}

package de.sipa.partners;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import de.sipa.identity.Accounts;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.NewAccount;
import de.sipa.identity.Role;
import de.sipa.identity.SipaUser;
import de.sipa.shared.DemoStory;
import de.sipa.shared.FederalState;
import de.sipa.shared.OrganisationId;
import de.sipa.shared.PartnershipId;

/**
 * The fictional city "Musterstadt": districts, partner network, bodies and the demo accounts (password
 * {@code demo}). Loaded once, in one transaction, in the demo profile only.
 */
@Component
@Profile("demo")
@Order(MusterstadtDemo.ORDER)
class MusterstadtDemo implements ApplicationRunner {

    /** Demo data of later modules builds on this partnership and runs after it. */
    static final int ORDER = 0;
    static final String SLUG = "musterstadt";
    static final String DEMO_PASSWORD = "demo";

    private static final Logger log = LoggerFactory.getLogger(MusterstadtDemo.class);

    /** Districts as a tiling of rectangles: north and south bands, west/centre/east between, harbour to the east. */
    private static final Object[][] DISTRICTS = {
        {"Mitte", 9.16, 48.765, 9.20, 48.785},
        {"Nord", 9.13, 48.785, 9.23, 48.81},
        {"Ost", 9.20, 48.765, 9.23, 48.785},
        {"Süd", 9.13, 48.74, 9.23, 48.765},
        {"West", 9.13, 48.765, 9.16, 48.785},
        {"Hafen", 9.23, 48.74, 9.27, 48.81},
    };

    /** Key, name, kind, street, phone, on-duty phone. */
    private static final String[][] ORGANISATIONS = {
        {"pp", "Polizeipräsidium Musterstadt", "POLICE_HEADQUARTERS", "Hahnemannstraße 1", "01234 899-0", "110"},
        {"rev-mitte", "Polizeirevier Musterstadt-Mitte", "POLICE_INSPECTION", "Theodor-Heuss-Straße 11", "01234 899-3100", "01234 899-3100"},
        {"rev-nord", "Polizeirevier Musterstadt-Nord", "POLICE_INSPECTION", "Wolframstraße 36", "01234 899-3200", "01234 899-3200"},
        {"kripo", "Kriminalinspektion 1 – Kriminalprävention", "CRIMINAL_POLICE", "Hahnemannstraße 1", "01234 899-1800", ""},
        {"ob", "Stadt Musterstadt – Büro der Oberbürgermeisterin", "CITY_ADMINISTRATION", "Marktplatz 1", "01234 216-1000", ""},
        {"kkp", "Stadt Musterstadt – Kommunale Kriminalprävention", "CITY_ADMINISTRATION", "Marktplatz 1", "01234 216-1250", ""},
        {"ordnungsamt", "Amt für öffentliche Ordnung", "PUBLIC_ORDER_OFFICE", "Eberhardstraße 39", "01234 216-3000", "01234 216-3333"},
        {"kod", "Kommunaler Ordnungsdienst", "MUNICIPAL_ENFORCEMENT", "Eberhardstraße 39", "01234 216-3400", "01234 216-3444"},
        {"jugendamt", "Jugendamt", "YOUTH_OFFICE", "Wilhelmstraße 3", "01234 216-5000", "01234 216-5555"},
        {"sozialamt", "Sozialamt", "SOCIAL_OFFICE", "Eberhardstraße 33", "01234 216-4000", ""},
        {"planung", "Amt für Stadtplanung und Wohnen", "URBAN_PLANNING", "Eberhardstraße 10", "01234 216-2000", ""},
        {"garten", "Garten-, Friedhofs- und Forstamt", "CITY_ADMINISTRATION", "Maybachstraße 3", "01234 216-6000", ""},
        {"tiefbau", "Tiefbauamt – Straßenbeleuchtung", "CITY_ADMINISTRATION", "Hohe Straße 25", "01234 216-6600", "01234 216-6699"},
        {"feuerwehr", "Branddirektion Musterstadt", "FIRE_BRIGADE", "Mercedesstraße 33", "01234 5066-0", "112"},
        {"schulamt", "Staatliches Schulamt Musterstadt", "SCHOOL", "Bebelstraße 48", "01234 6376-0", ""},
        {"gymnasium", "Gymnasium am Palastgarten", "SCHOOL", "Schillerstraße 5", "01234 216-8800", ""},
        {"gms-nord", "Gemeinschaftsschule Nord", "SCHOOL", "Nordbahnhofstraße 60", "01234 216-8900", ""},
        {"bpol", "Bundespolizeiinspektion Musterstadt", "FEDERAL_POLICE", "Arnulf-Klett-Platz 2", "01234 87035-0", "01234 87035-0"},
        {"zoll", "Hauptzollamt Musterstadt", "CUSTOMS", "Hedelfinger Straße 23", "01234 4001-0", ""},
        {"sta", "Staatsanwaltschaft Musterstadt", "JUSTICE", "Neckarstraße 145", "01234 212-0", ""},
        {"amtsgericht", "Amtsgericht Musterstadt", "JUSTICE", "Hauffstraße 5", "01234 921-0", ""},
        {"seniorenrat", "Seniorenrat Musterstadt e. V.", "CIVIL_SOCIETY", "Gutenbergstraße 109", "01234 6159-0", ""},
        {"weisser-ring", "Weißer Ring – Außenstelle Musterstadt", "CIVIL_SOCIETY", "Postfach 10 20 30", "01234 24380", "116 006"},
        {"mobile-jugend", "Mobile Jugendarbeit Musterstadt e. V.", "CIVIL_SOCIETY", "Hohenstaufenstraße 17", "01234 23728-0", ""},
        {"city", "City-Initiative Musterstadt e. V.", "CIVIL_SOCIETY", "Königstraße 26", "01234 2237-0", ""},
        {"vms", "Verkehrsbetriebe Musterstadt", "OTHER", "Schockenriedstraße 50", "01234 7885-0", "01234 7885-3333"},
    };

    /** Organisation key, salutation, first name, last name, function, districts (comma-separated). */
    private static final String[][] PEOPLE = {
        {"ob", "Frau", "Katrin", "Albrecht", "Oberbürgermeisterin", ""},
        {"ob", "Herr", "Thomas", "Hahn", "Bürgermeister für Sicherheit, Ordnung und Sport", ""},
        {"ob", "Frau", "Lena", "Vogt", "Referentin der Oberbürgermeisterin", ""},
        {"pp", "Herr", "Michael", "Berger", "Polizeipräsident", ""},
        {"pp", "Frau", "Petra", "Lorenz", "Leiterin Stabsstelle Öffentlichkeitsarbeit", ""},
        {"pp", "Herr", "Frank", "Becker", "Leiter Referat Prävention", ""},
        {"pp", "Herr", "Uwe", "Schäfer", "Leiter Schutzpolizei", ""},
        {"pp", "Herr", "Jonas", "Reinhardt", "Polizeihauptkommissar", ""},
        {"rev-mitte", "Frau", "Claudia", "Meyer", "Revierleiterin", "Mitte,West"},
        {"rev-mitte", "Herr", "Daniel", "Roth", "Bezirksdienst Mitte", "Mitte"},
        {"rev-mitte", "Frau", "Julia", "Kaiser", "Bezirksdienst West", "West"},
        {"rev-mitte", "Herr", "Kevin", "Brandt", "Dienstgruppenleiter", ""},
        {"rev-nord", "Herr", "Stefan", "Wagner", "Revierleiter", "Nord,Ost,Hafen"},
        {"rev-nord", "Frau", "Melanie", "Kuhn", "Bezirksdienst Nord", "Nord"},
        {"rev-nord", "Herr", "Tobias", "Franke", "Bezirksdienst Ost und Hafen", "Ost,Hafen"},
        {"kripo", "Frau", "Sandra", "Hoffmann", "Leiterin Kriminalprävention", ""},
        {"kripo", "Herr", "Markus", "Jung", "Präventionsberater Einbruchschutz", "Süd"},
        {"kripo", "Frau", "Nicole", "Peters", "Jugendsachbearbeiterin", ""},
        {"kkp", "Frau", "Sabine", "Krüger", "Sicherheitskoordinatorin", ""},
        {"kkp", "Herr", "Jonas", "Albers", "Sachbearbeiter Kriminalprävention", ""},
        {"kkp", "Frau", "Aylin", "Demir", "Projektkoordinatorin Präventionsprojekte", ""},
        {"ordnungsamt", "Herr", "Markus", "Weber", "Amtsleiter", ""},
        {"ordnungsamt", "Frau", "Birgit", "Schmitt", "Abteilungsleiterin Gewerbe und Gaststätten", ""},
        {"ordnungsamt", "Herr", "Oliver", "Neumann", "Sachgebietsleiter Veranstaltungen", ""},
        {"kod", "Herr", "Jan", "Fischer", "Leiter Kommunaler Ordnungsdienst", ""},
        {"kod", "Frau", "Sarah", "Lange", "Dienstgruppenleiterin Innenstadt", "Mitte"},
        {"kod", "Herr", "Patrick", "Winter", "Dienstgruppenleiter Außenbezirke", "Nord,Süd,Ost,West,Hafen"},
        {"jugendamt", "Frau", "Andrea", "Schulz", "Amtsleiterin", ""},
        {"jugendamt", "Herr", "Florian", "Koch", "Leiter Jugendschutz", ""},
        {"jugendamt", "Frau", "Miriam", "Haas", "Jugendgerichtshilfe", ""},
        {"sozialamt", "Frau", "Heike", "Richter", "Amtsleiterin", ""},
        {"sozialamt", "Herr", "Ralf", "Simon", "Wohnungsnotfallhilfe", "Mitte"},
        {"planung", "Herr", "Christian", "Wolf", "Leiter Stadtentwicklung", ""},
        {"planung", "Frau", "Katharina", "Schröder", "Städtebauliche Kriminalprävention", ""},
        {"garten", "Herr", "Bernd", "Krause", "Abteilungsleiter Grünflächenunterhaltung", "Mitte"},
        {"tiefbau", "Frau", "Silke", "Maier", "Sachgebietsleiterin Straßenbeleuchtung", ""},
        {"feuerwehr", "Herr", "Matthias", "König", "Branddirektor", ""},
        {"feuerwehr", "Frau", "Eva", "Huber", "Abteilung Gefahrenabwehr und Einsatzplanung", ""},
        {"schulamt", "Frau", "Gabriele", "Zimmermann", "Schulrätin, Präventionsbeauftragte", ""},
        {"gymnasium", "Herr", "Dr. Martin", "Braun", "Schulleiter", "Mitte"},
        {"gymnasium", "Frau", "Anna", "Hofmann", "Beratungslehrerin", ""},
        {"gms-nord", "Frau", "Susanne", "Hartmann", "Schulleiterin", "Nord"},
        {"gms-nord", "Herr", "Ahmet", "Yilmaz", "Schulsozialarbeiter", "Nord"},
        {"bpol", "Herr", "Rainer", "Schmid", "Leiter Bundespolizeiinspektion", ""},
        {"bpol", "Frau", "Tanja", "Krämer", "Präventionsbeauftragte Hauptbahnhof", "Mitte"},
        {"zoll", "Herr", "Dirk", "Schulte", "Sachgebietsleiter Kontrolle", ""},
        {"sta", "Frau", "Dr. Ulrike", "Lehmann", "Leitende Oberstaatsanwältin", ""},
        {"sta", "Herr", "Holger", "Böhm", "Jugendstaatsanwalt", ""},
        {"amtsgericht", "Frau", "Renate", "Graf", "Direktorin des Amtsgerichts", ""},
        {"seniorenrat", "Herr", "Werner", "Pohl", "Vorsitzender", ""},
        {"seniorenrat", "Frau", "Ingrid", "Frank", "Sicherheitsberaterin für Senioren", "Süd"},
        {"weisser-ring", "Frau", "Monika", "Berg", "Außenstellenleiterin", ""},
        {"mobile-jugend", "Herr", "Lukas", "Engel", "Streetworker", "Mitte,West"},
        {"mobile-jugend", "Frau", "Fatima", "Ahmadi", "Streetworkerin", "Nord,Hafen"},
        {"mobile-jugend", "Herr", "Sebastian", "Busch", "Geschäftsführer", ""},
        {"city", "Frau", "Carina", "Ludwig", "Geschäftsführerin", "Mitte"},
        {"vms", "Herr", "Andreas", "Seidel", "Leiter Sicherheit und Service", ""},
        {"vms", "Frau", "Nadine", "Voigt", "Sicherheitskoordinatorin Nahverkehr", "Mitte,Hafen"},
        {"ordnungsamt", "Herr", "Georg", "Ernst", "Sachbearbeiter Sondernutzungen", ""},
        {"jugendamt", "Frau", "Laura", "Stein", "Kinder- und Jugendförderung", "Süd"},
        {"pp", "Herr", "Hans", "Keller", "ehemaliger Leiter Referat Prävention", ""},
        // Who walks the joint patrol: officers of the Einsatzzug and the Ordnungsamt's enforcement staff.
        {"pp", "Herr", "Marco", "Vogel", "Polizeioberkommissar, Einsatzzug Innenstadt", "Mitte"},
        {"pp", "Frau", "Lisa", "Schwarz", "Polizeikommissarin, Einsatzzug Innenstadt", "Mitte"},
        {"pp", "Herr", "Dennis", "Arnold", "Polizeihauptmeister, Einsatzzug Innenstadt", "Mitte"},
        {"pp", "Frau", "Jana", "Friedrich", "Polizeiobermeisterin, Einsatzzug Innenstadt", "Mitte"},
        {"pp", "Herr", "Timo", "Pfeiffer", "Polizeikommissar, Einsatzzug Innenstadt", "Mitte"},
        {"pp", "Frau", "Selin", "Aksoy", "Polizeioberkommissarin, Einsatzzug Innenstadt", "Mitte"},
        {"ordnungsamt", "Herr", "Sven", "Koller", "Vollzugsbediensteter, Gemeindevollzugsdienst", "Mitte"},
        {"ordnungsamt", "Frau", "Nina", "Brunner", "Vollzugsbedienstete, Gemeindevollzugsdienst", "Mitte"},
        {"ordnungsamt", "Herr", "Erik", "Lindner", "Vollzugsbediensteter, Gemeindevollzugsdienst", "Mitte"},
        {"ordnungsamt", "Frau", "Marie", "Kraus", "Vollzugsbedienstete, Gemeindevollzugsdienst", "Mitte"},
        {"ordnungsamt", "Herr", "Yusuf", "Kaya", "Vollzugsbediensteter, Gemeindevollzugsdienst", "Mitte"},
    };

    /** Body: name, short name, kind, description. */
    /** People who also work for a second organisation: by last name, the organisation's key, the function there. */
    private static final String[][] AFFILIATIONS = {
        {"Reinhardt", "kkp", "abgeordnet zur Sicherheitskoordination der Stadt"},
    };

    private static final String[][] BODIES = {
        {"Lenkungsgruppe Sicherheitspartnerschaft", "LG", "STEERING_GROUP",
            "Steuert die Sicherheitspartnerschaft; gemeinsamer Vorsitz von Oberbürgermeisterin und Polizeipräsident."},
        {"Koordinierungskreis Sicherheit", "KK", "COORDINATION_CIRCLE",
            "Fachebene der Partner; bereitet Beschlüsse der Lenkungsgruppe vor und steuert die Maßnahmen."},
        {"Kriminalpräventiver Rat Musterstadt", "KPR", "PREVENTION_COUNCIL",
            "Beteiligt Zivilgesellschaft, Schulen und Wirtschaft an der kommunalen Kriminalprävention."},
        {"AG Sicherheit im Palastgarten", "AGPG", "WORKING_GROUP",
            "Sicherheitskonzept für den Palastgarten: Beleuchtung, Präsenz, Gestaltung."},
        {"Fallkonferenz junge Mehrfachtatverdächtige", "FK", "WORKING_GROUP",
            "Abgestimmtes Vorgehen von Polizei, Jugendamt und Jugendgerichtshilfe in Einzelfällen; vertraulich."},
    };

    /** Short names of the confidential bodies: the public website and OParl leave them out. */
    private static final Set<String> CONFIDENTIAL_BODIES = Set.of("FK");

    /** Stands for the day the story founds the working group (see {@link DemoStory#workingGroupFounded()}). */
    private static final String WORKING_GROUP_FOUNDED = "story";

    /** Body short name, person last name, role, start, end (empty while current). */
    private static final String[][] MEMBERSHIPS = {
        {"LG", "Albrecht", "CHAIR", "2023-01-01", ""},
        {"LG", "Berger", "CHAIR", "2023-01-01", ""},
        {"LG", "Hahn", "DEPUTY_CHAIR", "2023-01-01", ""},
        {"LG", "Schäfer", "STANDING_MEMBER", "2023-01-01", ""},
        {"LG", "Weber", "STANDING_MEMBER", "2023-01-01", ""},
        {"LG", "Schulz", "STANDING_MEMBER", "2023-01-01", ""},
        {"LG", "Hoffmann", "STANDING_MEMBER", "2024-04-01", ""},
        {"LG", "Krüger", "STANDING_MEMBER", "2023-01-01", ""},
        {"LG", "Schmid", "GUEST", "2024-01-01", ""},
        {"LG", "Keller", "STANDING_MEMBER", "2023-01-01", "2024-03-31"},
        {"KK", "Krüger", "CHAIR", "2023-01-01", ""},
        {"KK", "Becker", "DEPUTY_CHAIR", "2023-01-01", ""},
        {"KK", "Meyer", "STANDING_MEMBER", "2023-01-01", ""},
        {"KK", "Wagner", "STANDING_MEMBER", "2023-01-01", ""},
        {"KK", "Fischer", "STANDING_MEMBER", "2023-01-01", ""},
        {"KK", "Neumann", "STANDING_MEMBER", "2023-01-01", ""},
        {"KK", "Koch", "STANDING_MEMBER", "2023-01-01", ""},
        {"KK", "Richter", "STANDING_MEMBER", "2023-06-01", ""},
        {"KK", "Schröder", "STANDING_MEMBER", "2023-01-01", ""},
        {"KK", "Krause", "STANDING_MEMBER", "2024-01-01", ""},
        {"KK", "Maier", "STANDING_MEMBER", "2024-01-01", ""},
        {"KK", "Huber", "STANDING_MEMBER", "2023-01-01", ""},
        {"KK", "Busch", "GUEST", "2024-09-01", ""},
        {"KK", "Albers", "STANDING_MEMBER", "2023-01-01", ""},
        {"KPR", "Albrecht", "CHAIR", "2023-01-01", ""},
        {"KPR", "Krüger", "DEPUTY_CHAIR", "2023-01-01", ""},
        {"KPR", "Hoffmann", "STANDING_MEMBER", "2023-01-01", ""},
        {"KPR", "Zimmermann", "STANDING_MEMBER", "2023-01-01", ""},
        {"KPR", "Pohl", "STANDING_MEMBER", "2023-01-01", ""},
        {"KPR", "Berg", "STANDING_MEMBER", "2023-01-01", ""},
        {"KPR", "Ludwig", "STANDING_MEMBER", "2023-01-01", ""},
        {"KPR", "Seidel", "STANDING_MEMBER", "2023-01-01", ""},
        {"KPR", "Lehmann", "STANDING_MEMBER", "2023-01-01", ""},
        {"KPR", "Engel", "STANDING_MEMBER", "2024-01-01", ""},
        {"KPR", "Demir", "GUEST", "2025-01-01", ""},
        {"AGPG", "Fischer", "CHAIR", WORKING_GROUP_FOUNDED, ""},
        {"AGPG", "Roth", "DEPUTY_CHAIR", WORKING_GROUP_FOUNDED, ""},
        {"AGPG", "Krause", "STANDING_MEMBER", WORKING_GROUP_FOUNDED, ""},
        {"AGPG", "Maier", "STANDING_MEMBER", WORKING_GROUP_FOUNDED, ""},
        {"AGPG", "Schröder", "STANDING_MEMBER", WORKING_GROUP_FOUNDED, ""},
        {"AGPG", "Engel", "STANDING_MEMBER", WORKING_GROUP_FOUNDED, ""},
        {"AGPG", "Braun", "GUEST", WORKING_GROUP_FOUNDED, ""},
        {"FK", "Peters", "CHAIR", "2024-01-01", ""},
        {"FK", "Haas", "STANDING_MEMBER", "2024-01-01", ""},
        {"FK", "Koch", "STANDING_MEMBER", "2024-01-01", ""},
    };

    /** User name, display name, organisation key (empty for the administrator), role. */
    private static final String[][] ACCOUNTS = {
        {"admin", "Administration", "", "ADMIN"},
        {"koordination", "Sabine Krüger", "kkp", "COORDINATOR"},
        {"polizei", "Frank Becker", "pp", "PARTNER"},
        {"ordnungsamt", "Markus Weber", "ordnungsamt", "PARTNER"},
        {"jugendamt", "Andrea Schulz", "jugendamt", "PARTNER"},
        {"lenkung", "Thomas Hahn", "ob", "STEERING"},
    };

    private final Partnerships partnerships;
    private final PartnershipRepository partnershipRepository;
    private final OrganisationRepository organisations;
    private final PersonRepository people;
    private final BodyRepository bodies;
    private final Accounts accounts;
    private final TransactionTemplate transaction;
    private final DemoStory story;

    MusterstadtDemo(Partnerships partnerships, PartnershipRepository partnershipRepository,
            OrganisationRepository organisations, PersonRepository people, BodyRepository bodies, Accounts accounts,
            TransactionTemplate transaction, DemoStory story) {
        this.partnerships = partnerships;
        this.partnershipRepository = partnershipRepository;
        this.organisations = organisations;
        this.people = people;
        this.bodies = bodies;
        this.accounts = accounts;
        this.transaction = transaction;
        this.story = story;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (partnershipRepository.findBySlug(SLUG).isPresent()) {
            return;
        }
        transaction.executeWithoutResult(status -> load());
        log.info("Demo partnership Musterstadt loaded; log in as 'koordination' with password '{}'", DEMO_PASSWORD);
    }

    private void load() {
        // Musterstadt lies where Stuttgart does: Baden-Württemberg, with Epiphany, Corpus Christi and All Saints.
        var partnership = partnerships.found(SLUG, "Sicherheitspartnerschaft Musterstadt", FederalState.BW,
                java.util.Arrays.stream(DISTRICTS).map(d -> (String) d[0]).toList());
        var districts = new HashMap<String, UUID>();
        for (var district : partnershipRepository.districts(partnership)) {
            var bounds = java.util.Arrays.stream(DISTRICTS).filter(d -> d[0].equals(district.name())).findFirst()
                    .orElseThrow();
            partnershipRepository.updateBoundary(partnership, district.id(), rectangle(bounds));
            districts.put(district.name(), district.id().value());
        }
        var organisationIds = new HashMap<String, OrganisationId>();
        for (var o : ORGANISATIONS) {
            var id = OrganisationId.random();
            organisations.insert(partnership, id, new OrganisationDetails(o[1], OrganisationKind.valueOf(o[2]), o[3],
                    "12345", "Musterstadt", o[4], mailbox(o[0]) + "@musterstadt.example", o[5],
                    o[5].isEmpty() ? "" : "rund um die Uhr erreichbar", true));
            organisationIds.put(o[0], id);
        }
        var personIds = new HashMap<String, PersonId>();
        int extension = 100;
        for (var p : PEOPLE) {
            var id = PersonId.random();
            var phone = phoneOf(p[0]).replaceAll("-\\d+$", "") + "-" + extension++;
            var email = (p[2].replace("Dr. ", "") + "." + p[3]).toLowerCase(Locale.GERMAN).replace("ä", "ae")
                    .replace("ö", "oe").replace("ü", "ue").replace("ß", "ss") + "@" + mailbox(p[0]) + ".musterstadt.example";
            List<UUID> personDistricts = new ArrayList<>();
            for (var d : p[5].split(",")) {
                if (!d.isBlank()) {
                    personDistricts.add(districts.get(d));
                }
            }
            people.insert(partnership, id, new PersonDetails(organisationIds.get(p[0]).value(), p[1], p[2], p[3], p[4],
                    phone, "", email, personDistricts));
            if (personIds.put(p[3], id) != null) {
                // Memberships, patrols and affiliations name people by last name: a twin would take their place.
                throw new IllegalStateException("Two demo people are called " + p[3]);
            }
        }
        var secondedSince = story.today().minusMonths(14).withDayOfMonth(1);
        for (var a : AFFILIATIONS) {
            people.affiliate(partnership, personIds.get(a[0]), organisationIds.get(a[1]), a[2], secondedSince);
        }
        var bodyIds = new HashMap<String, BodyId>();
        for (var b : BODIES) {
            var id = BodyId.random();
            bodies.insert(partnership, id, new BodyDetails(b[0], b[1], BodyKind.valueOf(b[2]), b[3],
                    CONFIDENTIAL_BODIES.contains(b[1])));
            bodyIds.put(b[1], id);
        }
        for (var m : MEMBERSHIPS) {
            bodies.insertMembership(partnership, new Membership(MembershipId.random(), bodyIds.get(m[0]),
                    personIds.get(m[1]), MembershipRole.valueOf(m[2]), m[3].equals(WORKING_GROUP_FOUNDED)
                            ? story.workingGroupFounded() : LocalDate.parse(m[3]),
                    m[4].isEmpty() ? null : LocalDate.parse(m[4])));
        }
        CurrentUser.runAs(SipaUser.system(partnership), () -> {
            for (var a : ACCOUNTS) {
                accounts.openDemoAccount(new NewAccount(partnership, a[2].isEmpty() ? null : organisationIds.get(a[2]), a[0],
                        a[1], a[0] + "@musterstadt.example", DEMO_PASSWORD, Role.valueOf(a[3])));
            }
        });
    }

    private static String phoneOf(String organisationKey) {
        return java.util.Arrays.stream(ORGANISATIONS).filter(o -> o[0].equals(organisationKey)).findFirst()
                .orElseThrow()[4];
    }

    private static String mailbox(String organisationKey) {
        return organisationKey.replace("-", "");
    }

    private static String rectangle(Object[] bounds) {
        double west = (double) bounds[1];
        double south = (double) bounds[2];
        double east = (double) bounds[3];
        double north = (double) bounds[4];
        return String.format(Locale.ROOT,
                "{\"type\":\"Polygon\",\"coordinates\":[[[%1$s,%2$s],[%3$s,%2$s],[%3$s,%4$s],[%1$s,%4$s],[%1$s,%2$s]]]}",
                west, south, east, north);
    }
}

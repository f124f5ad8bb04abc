package de.sipa.reports;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.partners.Partnerships;
import de.sipa.responsibilities.Responsibilities;
import de.sipa.responsibilities.TopicId;
import de.sipa.shared.PartnershipId;

/**
 * Musterstadt's categories of concern, one with required list answers and one moderated (graffiti), and a first
 * set of reports from citizens and partners in different states.
 */
@Component
@Profile("demo")
@Order(20)
class ReportsDemo implements ApplicationRunner {

    /** Code, name, topic name (empty: coordinator), service level days, moderated, keywords. */
    private static final String[][] CATEGORIES = {
        {"laerm", "Lärm und Ruhestörung", "Lärm und Ruhestörung in Grünanlagen", "2", "false", "laut musik party feier grölen"},
        {"muell", "Vermüllung und Verwahrlosung", "Vermüllung und Verwahrlosung öffentlicher Flächen", "5", "false", "müll abfall scherben sperrmüll dreck"},
        {"drogen", "Drogenkonsum oder -handel", "Drogenkonsum im öffentlichen Raum", "2", "false", "drogen spritzen dealer kiffen"},
        {"beleuchtung", "Dunkle Ecke, defekte Beleuchtung", "Beleuchtung und Angsträume", "5", "false", "dunkel licht laterne angst"},
        {"betteln", "Aggressives Betteln", "Aggressives Betteln", "3", "false", "betteln bedrängen geld"},
        {"alkohol", "Trinkergruppe, Alkohol im öffentlichen Raum", "Alkoholkonsum auf öffentlichen Plätzen", "3", "false", "alkohol bier trinken betrunken"},
        {"graffiti", "Graffiti und Schmierereien", "Graffiti und wildes Plakatieren", "10", "true", "graffiti schmiererei farbe sprayer"},
        {"haltestelle", "Unsicherheit an Haltestelle oder Bahnhof", "Sicherheit an Haltestellen und im Nahverkehr", "3", "false", "haltestelle bahn bus bahnhof"},
        {"sonstiges", "Sonstiges", "", "3", "false", ""},
    };

    private final Partnerships partnerships;
    private final Responsibilities responsibilities;
    private final CategoryRepository categories;
    private final Reports reports;
    private final TransactionTemplate transaction;

    ReportsDemo(Partnerships partnerships, Responsibilities responsibilities, CategoryRepository categories,
            Reports reports, TransactionTemplate transaction) {
        this.partnerships = partnerships;
        this.responsibilities = responsibilities;
        this.categories = categories;
        this.reports = reports;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        var musterstadt = partnerships.bySlug("musterstadt");
        if (musterstadt.isEmpty() || !categories.all(musterstadt.get().id()).isEmpty()) {
            return;
        }
        var partnership = musterstadt.get().id();
        CurrentUser.runAs(SipaUser.system(partnership), () -> transaction.executeWithoutResult(s -> load(partnership)));
    }

    private void load(PartnershipId partnership) {
        Map<String, TopicId> topics = new HashMap<>();
        responsibilities.topics().forEach(t -> topics.put(t.name(), t.id()));
        Map<String, CategoryId> ids = new HashMap<>();
        int position = 0;
        for (var c : CATEGORIES) {
            var attributes = switch (c[0]) {
                case "laerm" -> List.of(new CategoryAttribute("uhrzeit", AttributeType.DATETIME, false,
                        "Uhrzeit der Beobachtung", List.of()));
                case "drogen" -> List.of(new CategoryAttribute("art", AttributeType.SINGLEVALUELIST, true,
                        "Was haben Sie beobachtet?", List.of(new CategoryAttribute.Choice("konsum", "Konsum"),
                                new CategoryAttribute.Choice("handel", "Handel"),
                                new CategoryAttribute.Choice("spritzen", "Spritzen oder Utensilien gefunden"))));
                case "alkohol" -> List.of(new CategoryAttribute("anzahl", AttributeType.NUMBER, true,
                        "Anzahl Personen", List.of()));
                default -> List.<CategoryAttribute>of();
            };
            var topic = c[2].isEmpty() ? null : topics.get(c[2]);
            if (!c[2].isEmpty() && topic == null) {
                throw new IllegalStateException("Demo topic missing: " + c[2]);
            }
            var category = new Category(CategoryId.random(), c[0], c[1], null, topic, Integer.parseInt(c[3]),
                    Boolean.parseBoolean(c[4]), c[5], true, attributes);
            categories.insert(partnership, category, position++);
            ids.put(c[0], category.id());
        }
        var noise = submit(partnership, ids.get("laerm"), "Jeden Freitag ab 23 Uhr laute Musik und Gegröle am Pavillon im Palastgarten.",
                48.7781, 9.1835, ReportSource.CITIZEN, Map.of());
        var litter = submit(partnership, ids.get("muell"), "Glasscherben und Müll rund um die Bänke am Spielplatz Nordpark.",
                48.7951, 9.1702, ReportSource.CITIZEN, Map.of());
        submit(partnership, ids.get("drogen"), "Spritzen im Gebüsch hinter der Unterführung Hauptbahnhof.",
                48.7842, 9.1822, ReportSource.CITIZEN, Map.of("art", "spritzen"));
        var lighting = submit(partnership, ids.get("beleuchtung"), "Der Fußweg zwischen Schillerplatz und Parkhaus ist seit Wochen "
                + "komplett dunkel, drei Laternen sind aus.", 48.7712, 9.1771, ReportSource.CITIZEN, Map.of());
        submit(partnership, ids.get("betteln"), "Passanten werden am Eingang der Markthalle bedrängt und verfolgt.",
                48.7745, 9.1801, ReportSource.PARTNER, Map.of());
        submit(partnership, ids.get("alkohol"), "Trinkergruppe am Brunnen, Flaschen werden liegen gelassen.",
                48.7668, 9.2101, ReportSource.PATROL, Map.of("anzahl", "8"));
        submit(partnership, ids.get("haltestelle"), "An der Haltestelle Hafenstraße fühle ich mich abends nicht sicher, "
                + "es lungern Gruppen herum.", 48.7601, 9.2455, ReportSource.CITIZEN, Map.of());
        var racing = submit(partnership, ids.get("sonstiges"), "Am Sportplatz werden nachts Autorennen gefahren.",
                48.7532, 9.1521, ReportSource.CITIZEN, Map.of());
        submit(partnership, ids.get("graffiti"), "Neue Schmierereien an der Stadtmauer, auch Beleidigungen.",
                48.7761, 9.1788, ReportSource.CITIZEN, Map.of());
        // Some have been worked on, so that their histories and status pages show each step.
        reports.startWork(noise.report());
        reports.comment(noise.report(), "Streife für Freitagnacht angefragt.");
        reports.startWork(litter.report());
        reports.close(litter.report(), ReportStatus.DONE, "Die Scherben wurden am Montag beseitigt.");
        reports.close(lighting.report(), ReportStatus.FORWARDED, "Die Stadtwerke reparieren die Laternen.");
        reports.close(racing.report(), ReportStatus.REJECTED, "Der Sportplatz ist ein Privatgelände; bitte wenden Sie "
                + "sich an den Verein.");
    }

    private Receipt submit(PartnershipId partnership, CategoryId category, String description, double latitude,
            double longitude, ReportSource source, Map<String, String> attributes) {
        return reports.submit(new NewReport(partnership, category, description, latitude, longitude, null, null, attributes,
                new Contact("Erika Mustermann", "erika.mustermann@example.org", null), source));
    }
}

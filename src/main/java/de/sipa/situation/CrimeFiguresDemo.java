package de.sipa.situation;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.partners.DistrictId;
import de.sipa.partners.Partnerships;
import de.sipa.shared.DemoStory;
import de.sipa.shared.PartnershipId;

/**
 * Musterstadt's crime figures: the police's PKS export for the last five complete years, imported through the real
 * import (so the audit trail has its entries), and the districts' populations. Mitte with the Hauptbahnhof and the
 * Palastgarten has by far the most street crime, which drops in the year the joint patrol walks and the lamps are
 * renewed; drug offences rise every year, most in Mitte and at the harbour.
 */
@Component
@Profile("demo")
@Order(60)
class CrimeFiguresDemo implements ApplicationRunner {

    /** Key, name, clearance rate, suspects per solved case. */
    private static final Object[][] OFFENCES = {
        {"899000", "Straßenkriminalität", 0.22, 0.8},
        {"892000", "Gewaltkriminalität", 0.79, 1.15},
        {"300000", "Diebstahl ohne erschwerende Umstände", 0.41, 0.85},
        {"400000", "Diebstahl unter erschwerenden Umständen", 0.16, 0.7},
        {"435000", "Wohnungseinbruchdiebstahl", 0.15, 0.8},
        {"674000", "Sachbeschädigung", 0.26, 0.85},
        {"730000", "Rauschgiftdelikte nach dem BtMG", 0.94, 0.97},
    };

    /**
     * District, inhabitants five years ago, and the Häufigkeitszahl five years ago of each offence above in their
     * order.
     */
    static final Object[][] DISTRICTS = {
        {"Mitte", 23_800, new int[] {4300, 560, 2600, 1350, 70, 1150, 620}},
        {"Nord", 61_200, new int[] {1350, 170, 950, 780, 120, 620, 170}},
        {"Ost", 31_400, new int[] {1650, 230, 1150, 900, 95, 740, 260}},
        {"Süd", 47_900, new int[] {1200, 150, 880, 720, 130, 560, 150}},
        {"West", 28_600, new int[] {1500, 190, 1020, 820, 110, 650, 200}},
        {"Hafen", 9_300, new int[] {2100, 310, 1300, 1100, 60, 900, 380}},
    };

    private final Partnerships partnerships;
    private final CrimeFigures crimeFigures;
    private final CrimeFigureImport crimeFigureImport;
    private final PublishedCrimeFigures published;
    private final TransactionTemplate transaction;
    private final DemoStory story;

    CrimeFiguresDemo(Partnerships partnerships, CrimeFigures crimeFigures, CrimeFigureImport crimeFigureImport,
            PublishedCrimeFigures published, TransactionTemplate transaction, DemoStory story) {
        this.published = published;
        this.partnerships = partnerships;
        this.crimeFigures = crimeFigures;
        this.crimeFigureImport = crimeFigureImport;
        this.transaction = transaction;
        this.story = story;
    }

    @Override
    public void run(ApplicationArguments args) {
        var musterstadt = partnerships.bySlug("musterstadt");
        if (musterstadt.isEmpty()) {
            return;
        }
        var partnership = musterstadt.get().id();
        CurrentUser.runAs(SipaUser.system(partnership), () -> transaction.executeWithoutResult(s -> load(partnership)));
    }

    private void load(PartnershipId partnership) {
        if (!crimeFigures.cityTrend(crimeFigures.groups().get(0)).isEmpty()) {
            return;
        }
        int last = story.today().getYear() - 1;
        int first = last - 4;
        var ids = new HashMap<String, DistrictId>();
        partnerships.districts().forEach(d -> ids.put(d.name(), d.id()));
        for (int year = first; year <= last; year++) {
            Map<DistrictId, Integer> populations = new HashMap<>();
            for (var district : DISTRICTS) {
                var id = ids.get((String) district[0]);
                if (id != null) {
                    populations.put(id, population(district, year - first));
                }
            }
            crimeFigures.enterPopulations(year, populations);
        }
        var csv = csv(first, last, story.firstWinter().getYear());
        crimeFigureImport.confirm(csv.getBytes(StandardCharsets.UTF_8), PksMapping.guess());
        // the coordination publishes the last two years of the groups the annual report speaks about
        var publications = new java.util.HashSet<CrimePublication>();
        for (var group : crimeFigures.groups()) {
            if (PUBLISHED.contains(group.name())) {
                publications.add(new CrimePublication(last - 1, group.id()));
                publications.add(new CrimePublication(last, group.id()));
            }
        }
        published.publish(publications);
    }

    /** The groups Musterstadt publishes on its public page. */
    private static final java.util.Set<String> PUBLISHED = java.util.Set.of("Straftaten insgesamt",
            "Straßenkriminalität", "Wohnungseinbruchdiebstahl", "Rauschgiftdelikte");

    /** The export as the police send it: one row per district, year and key, district names with the city's. */
    static String csv(int first, int last, int patrolYear) {
        var random = new Random(DemoStory.SEED + 12);
        var csv = new StringBuilder(PksColumn.sampleHeader()).append('\n');
        for (int year = first; year <= last; year++) {
            int age = year - first;
            for (var district : DISTRICTS) {
                var name = (String) district[0];
                var rates = (int[]) district[2];
                int population = population(district, age);
                long totalCases = 0;
                long totalSolved = 0;
                long totalSuspects = 0;
                for (int o = 0; o < OFFENCES.length; o++) {
                    var key = (String) OFFENCES[o][0];
                    double rate = rates[o] * trend(key, name, age, year == patrolYear) * (0.95 + random.nextDouble() * 0.1);
                    int cases = (int) Math.round(rate * population / 100_000);
                    double clearance = (double) OFFENCES[o][2] + (random.nextDouble() - 0.5) * 0.04;
                    int solved = Math.min(cases, (int) Math.round(cases * clearance));
                    int suspects = (int) Math.round(solved * (double) OFFENCES[o][3]);
                    row(csv, key, (String) OFFENCES[o][1], name, year, cases, solved, suspects);
                    if (key.equals("300000") || key.equals("400000") || key.equals("674000") || key.equals("730000")) {
                        totalCases += cases;
                        totalSolved += solved;
                        totalSuspects += suspects;
                    }
                    if (key.equals("892000")) { // the violent offences that are not thefts (robbery is counted there)
                        totalCases += Math.round(cases * 0.6);
                        totalSolved += Math.round(solved * 0.6);
                        totalSuspects += Math.round(suspects * 0.6);
                    }
                }
                // fraud, insults, threats and the rest: about a third of all offences, mostly solved
                long rest = Math.round(totalCases * 0.5);
                row(csv, "000000", "Straftaten insgesamt", name, year, (int) (totalCases + rest),
                        (int) (totalSolved + Math.round(rest * 0.75)), (int) (totalSuspects + Math.round(rest * 0.7)));
            }
        }
        return csv.toString();
    }

    /** Rising drug offences (most in Mitte and at the harbour), fewer burglaries, less street crime in Mitte once the patrol walks. */
    private static double trend(String key, String district, int age, boolean patrolYear) {
        return switch (key) {
            case "730000" -> Math.pow(district.equals("Mitte") || district.equals("Hafen") ? 1.14 : 1.08, age);
            case "435000" -> Math.pow(0.96, age);
            case "899000" -> district.equals("Mitte") && patrolYear ? 0.88 : 1.0;
            default -> 1.0;
        };
    }

    static int population(Object[] district, int age) {
        return (int) Math.round((int) district[1] * Math.pow(1.006, age) / 10) * 10;
    }

    private static void row(StringBuilder csv, String key, String name, String district, int year, int cases,
            int solved, int suspects) {
        csv.append(key).append(';').append(name).append(";Musterstadt-").append(district).append(';').append(year)
                .append(';').append(cases).append(';').append(solved).append(';').append(suspects).append('\n');
    }
}

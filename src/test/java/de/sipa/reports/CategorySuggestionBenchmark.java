package de.sipa.reports;

import de.sipa.BenchRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * Benchmark (prints figures, asserts nothing): accuracy of the category suggestion on held-out reports. The
 * reports are generated from phrases citizens use for Musterstadt's categories, with shared filler words and words
 * of other categories mixed in, so that the task is not trivial. Run with {@code bench/category-suggestion.sh}.
 */
public final class CategorySuggestionBenchmark {

    private static final Map<String, String[]> PHRASES = Map.of(
            "laerm", new String[] {"laute Musik", "Gegröle", "Party bis spät", "Ruhestörung", "Lärm", "Bass wummert",
                "Geschrei", "Feier im Park", "Lautsprecher", "Krach"},
            "muell", new String[] {"Müll", "Scherben", "Sperrmüll", "Abfall", "Dreck", "volle Mülleimer",
                "Essensreste", "Glasflaschen liegen herum", "verwahrlost", "Kippen"},
            "drogen", new String[] {"Spritzen", "Drogen", "Dealer", "kiffen", "Handel mit Drogen", "Joints",
                "Utensilien", "Konsum im Gebüsch", "Verkauf von Stoff", "Drogenszene"},
            "beleuchtung", new String[] {"dunkel", "Laterne kaputt", "kein Licht", "Beleuchtung fehlt",
                "Angstraum", "finstere Unterführung", "Lampen aus", "unbeleuchtet", "schlecht ausgeleuchtet",
                "Licht defekt"},
            "betteln", new String[] {"Betteln", "bedrängt", "um Geld angebettelt", "aufdringlich",
                "verfolgt und angesprochen", "Bettelei", "Passanten bedrängen", "organisiertes Betteln",
                "Geld gefordert", "aggressiv angebettelt"},
            "alkohol", new String[] {"Trinkergruppe", "betrunken", "Alkohol", "Bierflaschen", "Saufen",
                "grölende Betrunkene", "Schnaps", "Trinkgelage", "Alkoholverbot missachtet", "torkelnd"},
            "graffiti", new String[] {"Graffiti", "Schmierereien", "besprüht", "Farbe an der Wand", "Tags",
                "Sprayer", "beschmiert", "Parolen gesprüht", "verunstaltet", "Farbschmiererei"},
            "haltestelle", new String[] {"Haltestelle", "Bahnsteig", "Bus", "S-Bahn", "Bahnhof",
                "Wartehäuschen", "Unterführung zum Gleis", "im Zug", "an der Tram", "Fahrgäste"});

    private static final String[] FILLER = {"seit Tagen", "jeden Abend", "am Wochenende", "vor dem Jugendhaus",
        "im Palastgarten", "am Marktplatz", "in der Nähe der Schule", "an der Ecke", "hinter dem Supermarkt",
        "bitte kümmern Sie sich", "es ist unerträglich", "ich fühle mich unsicher", "Anwohner beschweren sich",
        "immer wieder", "gestern Nacht", "heute Morgen", "mehrere Personen", "Kinder spielen dort"};

    private CategorySuggestionBenchmark() {
    }

    public static void main(String[] args) {
        var random = new Random(11);
        var categories = new ArrayList<>(PHRASES.keySet());
        Collections.sort(categories);
        var ids = new HashMap<String, CategoryId>();
        categories.forEach(c -> ids.put(c, CategoryId.random()));
        var examples = new ArrayList<Map.Entry<String, CategoryId>>();
        for (int i = 0; i < 4000; i++) {
            var category = categories.get(random.nextInt(categories.size()));
            var phrases = PHRASES.get(category);
            var text = new StringBuilder(phrases[random.nextInt(phrases.length)]);
            for (int k = 0; k < 1 + random.nextInt(3); k++) {
                text.append(' ').append(FILLER[random.nextInt(FILLER.length)]);
            }
            if (random.nextInt(4) == 0) {
                var other = PHRASES.get(categories.get(random.nextInt(categories.size())));
                text.append(", auch ").append(other[random.nextInt(other.length)]);
            }
            if (random.nextInt(3) == 0) {
                text.append(' ').append(phrases[random.nextInt(phrases.length)]);
            }
            examples.add(Map.entry(text.toString(), ids.get(category)));
        }
        Collections.shuffle(examples, random);
        int split = examples.size() * 4 / 5;
        var training = examples.subList(0, split);
        var heldOut = examples.subList(split, examples.size());
        for (int size : new int[] {50, 200, 1000, training.size()}) {
            long start = System.nanoTime();
            var classifier = CategorySuggestions.trained(training.subList(0, size));
            long trained = System.nanoTime();
            int top1 = 0;
            int top2 = 0;
            for (var example : heldOut) {
                var ranked = classifier.rank(example.getKey());
                top1 += ranked.get(0).category().equals(example.getValue()) ? 1 : 0;
                top2 += ranked.stream().limit(2).anyMatch(s -> s.category().equals(example.getValue())) ? 1 : 0;
            }
            long ranked = System.nanoTime();
            System.out.printf("trained on %4d reports: top-1 accuracy %.1f %%, top-2 %.1f %% on %d held-out reports"
                    + " (training %.1f ms, %.0f µs per suggestion)%n", size, 100.0 * top1 / heldOut.size(),
                    100.0 * top2 / heldOut.size(), heldOut.size(), (trained - start) / 1e6,
                    (ranked - trained) / 1e3 / heldOut.size());
            BenchRecord.record("category suggestion, trained on " + size, "top-1", 100.0 * top1 / heldOut.size(), "%");
        }
        System.out.println("Majority baseline: " + String.format("%.1f %%", 100.0 / categories.size())
                + " (" + categories.size() + " categories, evenly drawn)");
    }
}

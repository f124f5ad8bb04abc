package de.sipa.reports;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A multinomial naive Bayes text classifier with Laplace smoothing: learns from descriptions with their
 * category, one at a time, and ranks categories for a new description. Not thread-safe; callers synchronise.
 */
final class NaiveBayes<C> {

    private static final Set<String> STOP_WORDS = Set.of("der", "die", "das", "und", "oder", "ein", "eine", "einer",
            "eines", "einem", "den", "dem", "des", "ist", "sind", "war", "wird", "werden", "mit", "von", "vom", "zum",
            "zur", "auf", "aus", "bei", "für", "fuer", "nicht", "auch", "sich", "seit", "wie", "was", "wir", "ich",
            "sie", "hier", "dort", "jeden", "immer", "sehr", "noch", "schon", "nach", "vor", "über", "ueber", "unter",
            "the", "and", "bitte", "dass", "man", "mehr", "wenn", "aber", "als", "haben", "hat", "viele", "vielen");

    private final Map<C, Integer> documents = new HashMap<>();
    private final Map<C, Integer> words = new HashMap<>();
    private final Map<C, Map<String, Integer>> counts = new HashMap<>();
    private final Set<String> vocabulary = new java.util.HashSet<>();
    private int total;

    record Suggestion<C>(C category, double probability) {
    }

    void learn(String text, C category) {
        documents.merge(category, 1, Integer::sum);
        total++;
        var perCategory = counts.computeIfAbsent(category, c -> new HashMap<>());
        for (var token : tokens(text)) {
            perCategory.merge(token, 1, Integer::sum);
            words.merge(category, 1, Integer::sum);
            vocabulary.add(token);
        }
    }

    /** Categories ranked by probability, best first; empty before anything was learned. */
    List<Suggestion<C>> rank(String text) {
        if (total == 0) {
            return List.of();
        }
        var tokens = tokens(text);
        var scores = new HashMap<C, Double>();
        int vocabularySize = Math.max(1, vocabulary.size());
        for (var category : documents.keySet()) {
            double score = Math.log(documents.get(category) / (double) total);
            var perCategory = counts.getOrDefault(category, Map.of());
            int wordsInCategory = words.getOrDefault(category, 0);
            for (var token : tokens) {
                score += Math.log((perCategory.getOrDefault(token, 0) + 1.0) / (wordsInCategory + vocabularySize));
            }
            scores.put(category, score);
        }
        double max = scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double sum = scores.values().stream().mapToDouble(s -> Math.exp(s - max)).sum();
        var ranked = new ArrayList<Suggestion<C>>();
        scores.forEach((category, score) -> ranked.add(new Suggestion<>(category, Math.exp(score - max) / sum)));
        ranked.sort(Comparator.comparingDouble((Suggestion<C> s) -> s.probability()).reversed());
        return ranked;
    }

    int size() {
        return total;
    }

    /** Lower-case words of three letters or more, umlauts folded, stop words and a plural/case -en/-e/-n/-s cut. */
    static List<String> tokens(String text) {
        var folded = Normalizer.normalize(text.toLowerCase(Locale.GERMAN).replace("ß", "ss"), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        var tokens = new ArrayList<String>();
        for (var word : folded.split("[^a-z0-9]+")) {
            if (word.length() < 3 || STOP_WORDS.contains(word)) {
                continue;
            }
            tokens.add(stem(word));
        }
        return tokens;
    }

    private static String stem(String word) {
        for (var suffix : new String[] {"en", "er", "e", "n", "s"}) {
            if (word.length() > suffix.length() + 3 && word.endsWith(suffix)) {
                return word.substring(0, word.length() - suffix.length());
            }
        }
        return word;
    }
}

package de.sipa.reports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import de.sipa.shared.PartnershipId;

/**
 * Suggests a category for a description, from the partnership's own routed reports (and the categories' keywords).
 * Each instance keeps a model per partnership, learns from every report it routes, and retrains from the
 * database now and then to take in what other instances saw.
 */
@Service
@Transactional(readOnly = true)
public class CategorySuggestions {

    static final Duration RETRAIN_AFTER = Duration.ofMinutes(15);
    static final int MAX_TRAINING = 20_000;

    public record Suggestion(Category category, double probability) {
    }

    private record Model(NaiveBayes<CategoryId> classifier, Instant trainedAt) {
    }

    private final JdbcClient jdbc;
    private final CategoryRepository categories;
    private final Clock clock;
    private final Map<PartnershipId, Model> models = new ConcurrentHashMap<>();

    CategorySuggestions(JdbcClient jdbc, CategoryRepository categories, Clock clock) {
        this.jdbc = jdbc;
        this.categories = categories;
        this.clock = clock;
    }

    /** The best categories with a topic for the text, best first, at most {@code limit}; none for empty text. */
    public List<Suggestion> suggest(PartnershipId partnership, String text, int limit) {
        if (text == null || NaiveBayes.tokens(text).isEmpty()) {
            return List.of();
        }
        var byId = new java.util.HashMap<CategoryId, Category>();
        categories.all(partnership).stream().filter(c -> c.active() && c.topic() != null).forEach(c -> byId.put(c.id(), c));
        var model = model(partnership);
        List<NaiveBayes.Suggestion<CategoryId>> ranked;
        synchronized (model.classifier()) {
            ranked = model.classifier().rank(text);
        }
        return ranked.stream().filter(s -> byId.containsKey(s.category())).limit(limit)
                .map(s -> new Suggestion(byId.get(s.category()), s.probability())).toList();
    }

    /** Learns from a report that was routed under its category. */
    void learn(PartnershipId partnership, String text, CategoryId category) {
        var model = models.get(partnership);
        if (model != null) {
            synchronized (model.classifier()) {
                model.classifier().learn(text, category);
            }
        }
    }

    /**
     * Drops the partnership's model once the categories' change is committed, so the next suggestion learns the
     * new names and keywords (other instances retrain within {@link #RETRAIN_AFTER}).
     */
    void forget(PartnershipId partnership) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    models.remove(partnership);
                }
            });
        } else {
            models.remove(partnership);
        }
    }

    /** A fresh classifier trained on the given examples; for the benchmark's held-out evaluation too. */
    static NaiveBayes<CategoryId> trained(List<Map.Entry<String, CategoryId>> examples) {
        var classifier = new NaiveBayes<CategoryId>();
        examples.forEach(e -> classifier.learn(e.getKey(), e.getValue()));
        return classifier;
    }

    private Model model(PartnershipId partnership) {
        var now = clock.instant();
        return models.compute(partnership, (key, model) -> model != null
                && model.trainedAt().plus(RETRAIN_AFTER).isAfter(now) ? model : train(partnership, now));
    }

    private Model train(PartnershipId partnership, Instant now) {
        var examples = new java.util.ArrayList<Map.Entry<String, CategoryId>>();
        for (var category : categories.all(partnership)) {
            if (category.topic() != null) {
                examples.add(Map.entry(category.name() + " " + (category.keywords() == null ? "" : category.keywords()),
                        category.id()));
            }
        }
        jdbc.sql("""
                SELECT r.description, r.category_id FROM reports_report r JOIN reports_category c ON c.id = r.category_id
                WHERE r.partnership_id = ? AND c.topic_id IS NOT NULL AND r.status <> 'MODERATION'
                ORDER BY r.submitted_at DESC LIMIT ?""")
                .params(partnership.value(), MAX_TRAINING)
                .query(rs -> {
                    examples.add(Map.entry(rs.getString(1), new CategoryId(rs.getObject(2, UUID.class))));
                });
        return new Model(trained(examples), now);
    }
}

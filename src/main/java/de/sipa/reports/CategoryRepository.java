package de.sipa.reports;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import de.sipa.responsibilities.TopicId;
import de.sipa.shared.PartnershipId;
import de.sipa.shared.ShortLivedCache;

@Repository
class CategoryRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<CategoryAttribute.Choice>> CHOICES = new TypeReference<>() {
    };

    /**
     * How long another instance's change of the categories may go unseen here: public intake reads them (with their
     * questions) on every report, and the coordination changes them a few times a year. A change made through this
     * instance is seen at once.
     */
    static final Duration CACHED = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final ShortLivedCache<PartnershipId, List<Category>> cache = new ShortLivedCache<>(CACHED);

    CategoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@link #all} as it was at most {@link #CACHED} ago, for public intake. */
    List<Category> allCached(PartnershipId partnership) {
        return cache.get(partnership, p -> List.copyOf(all(p)));
    }

    Optional<Category> findCached(PartnershipId partnership, CategoryId id) {
        return allCached(partnership).stream().filter(c -> c.id().equals(id)).findFirst();
    }

    List<Category> all(PartnershipId partnership) {
        Map<UUID, List<CategoryAttribute>> attributes = new HashMap<>();
        jdbc.sql("""
                SELECT a.* FROM reports_category_attribute a JOIN reports_category c ON c.id = a.category_id
                WHERE c.partnership_id = ? ORDER BY a.category_id, a.position""")
                .param(partnership.value())
                .query(rs -> {
                    attributes.computeIfAbsent(rs.getObject("category_id", UUID.class), id -> new java.util.ArrayList<>())
                            .add(new CategoryAttribute(rs.getString("code"), AttributeType.valueOf(rs.getString("datatype")),
                                    rs.getBoolean("required"), rs.getString("description"),
                                    JSON.readValue(rs.getString("choices"), CHOICES)));
                });
        return jdbc.sql("SELECT * FROM reports_category WHERE partnership_id = ? ORDER BY position, lower(name)")
                .param(partnership.value())
                .query((rs, n) -> {
                    var id = rs.getObject("id", UUID.class);
                    var topic = rs.getObject("topic_id", UUID.class);
                    return new Category(new CategoryId(id), rs.getString("code"), rs.getString("name"),
                            rs.getString("description"), topic == null ? null : new TopicId(topic),
                            rs.getInt("service_level_days"), rs.getBoolean("moderated"), rs.getString("keywords"),
                            rs.getBoolean("active"), attributes.getOrDefault(id, List.of()),
                            rs.getBoolean("description_required"));
                })
                .list();
    }

    Optional<Category> find(PartnershipId partnership, CategoryId id) {
        return all(partnership).stream().filter(c -> c.id().equals(id)).findFirst();
    }

    void insert(PartnershipId partnership, Category category, int position) {
        jdbc.sql("""
                INSERT INTO reports_category (id, partnership_id, code, name, description, topic_id, service_level_days,
                                              moderated, keywords, active, position, description_required)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(category.id().value(), partnership.value(), category.code(), category.name(),
                        category.description(), category.topic() == null ? null : category.topic().value(),
                        category.serviceLevelDays(), category.moderated(), category.keywords(), category.active(),
                        position, category.descriptionRequired())
                .update();
        insertAttributes(category);
        cache.changed(partnership);
    }

    private void insertAttributes(Category category) {
        int i = 0;
        for (var attribute : category.attributes()) {
            jdbc.sql("""
                    INSERT INTO reports_category_attribute (category_id, code, position, datatype, required, description, choices)
                    VALUES (?, ?, ?, ?, ?, ?, CAST(? AS JSONB))""")
                    .params(category.id().value(), attribute.code(), i++, attribute.type().name(), attribute.required(),
                            attribute.description(), JSON.writeValueAsString(attribute.choices()))
                    .update();
        }
    }

    /** Everything of the category, its questions replaced by those it has now. */
    void update(PartnershipId partnership, Category category) {
        var updated = jdbc.sql("""
                UPDATE reports_category SET code = ?, name = ?, description = ?, topic_id = ?, service_level_days = ?,
                       moderated = ?, keywords = ?, active = ?, description_required = ?
                WHERE partnership_id = ? AND id = ?""")
                .params(category.code(), category.name(), category.description(),
                        category.topic() == null ? null : category.topic().value(), category.serviceLevelDays(),
                        category.moderated(), category.keywords(), category.active(), category.descriptionRequired(),
                        partnership.value(),
                        category.id().value())
                .update();
        if (updated == 1) {
            jdbc.sql("DELETE FROM reports_category_attribute WHERE category_id = ?").param(category.id().value()).update();
            insertAttributes(category);
        }
        cache.changed(partnership);
    }
}

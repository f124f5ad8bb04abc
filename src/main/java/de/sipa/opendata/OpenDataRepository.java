package de.sipa.opendata;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.sipa.shared.PartnershipId;
import de.sipa.shared.ShortLivedCache;

/** Whether a partnership publishes open data and what its catalogue says of it ({@code opendata_setting}) and its stored datasets ({@code opendata_dataset}). */
@Repository
class OpenDataRepository {

    /** A stored dataset's figures without its files. */
    record Stored(Dataset dataset, Instant generatedAt, int rows) {
    }

    /** How long the switch may be read as it was: another instance's change shows on the website after this. */
    static final Duration CACHED = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final ShortLivedCache<PartnershipId, Boolean> enabled = new ShortLivedCache<>(CACHED);

    OpenDataRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@link #enabled} as it was at most {@link #CACHED} ago: the navigation of every public page asks it. */
    boolean enabledCached(PartnershipId partnership) {
        return enabled.get(partnership, this::enabled);
    }

    boolean enabled(PartnershipId partnership) {
        return jdbc.sql("SELECT enabled FROM opendata_setting WHERE partnership_id = ?").param(partnership.value())
                .query(Boolean.class).optional().orElse(false);
    }

    void enable(PartnershipId partnership, boolean enabled, Instant at) {
        jdbc.sql("""
                INSERT INTO opendata_setting (partnership_id, enabled, changed_at) VALUES (?, ?, ?)
                ON CONFLICT (partnership_id) DO UPDATE SET enabled = EXCLUDED.enabled, changed_at = EXCLUDED.changed_at""")
                .params(partnership.value(), enabled, Timestamp.from(at)).update();
        this.enabled.changed(partnership);
    }

    CatalogueSettings settings(PartnershipId partnership) {
        return jdbc.sql("""
                SELECT contributor_id, publisher_name, publisher_uri, contact_email, contact_url
                  FROM opendata_setting WHERE partnership_id = ?""").param(partnership.value())
                .query((rs, n) -> new CatalogueSettings(rs.getString("contributor_id"), rs.getString("publisher_name"),
                        rs.getString("publisher_uri"), rs.getString("contact_email"), rs.getString("contact_url")))
                .optional().orElseGet(CatalogueSettings::none);
    }

    void saveSettings(PartnershipId partnership, CatalogueSettings settings, Instant at) {
        jdbc.sql("""
                INSERT INTO opendata_setting (partnership_id, changed_at, contributor_id, publisher_name, publisher_uri,
                                              contact_email, contact_url)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (partnership_id) DO UPDATE SET changed_at = EXCLUDED.changed_at,
                  contributor_id = EXCLUDED.contributor_id, publisher_name = EXCLUDED.publisher_name,
                  publisher_uri = EXCLUDED.publisher_uri, contact_email = EXCLUDED.contact_email,
                  contact_url = EXCLUDED.contact_url""")
                .params(partnership.value(), Timestamp.from(at), settings.contributorId(), settings.publisherName(),
                        settings.publisherUri(), settings.contactEmail(), settings.contactUrl())
                .update();
    }

    /** The partnerships that publish open data (for the nightly job, which sees all). */
    List<PartnershipId> publishing() {
        return jdbc.sql("SELECT partnership_id FROM opendata_setting WHERE enabled ORDER BY partnership_id")
                .query((rs, n) -> new PartnershipId(rs.getObject(1, UUID.class))).list();
    }

    void store(PartnershipId partnership, Dataset dataset, DatasetTable table, Instant at) {
        jdbc.sql("""
                INSERT INTO opendata_dataset (partnership_id, dataset, generated_at, row_count, csv, json)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (partnership_id, dataset) DO UPDATE SET generated_at = EXCLUDED.generated_at,
                  row_count = EXCLUDED.row_count, csv = EXCLUDED.csv, json = EXCLUDED.json""")
                .params(partnership.value(), dataset.name(), Timestamp.from(at), table.rows().size(), table.csv(),
                        table.json())
                .update();
    }

    List<Stored> stored(PartnershipId partnership) {
        return jdbc.sql("""
                SELECT dataset, generated_at, row_count FROM opendata_dataset WHERE partnership_id = ?
                ORDER BY dataset""").param(partnership.value())
                .query((rs, n) -> new Stored(Dataset.valueOf(rs.getString("dataset")),
                        rs.getTimestamp("generated_at").toInstant(), rs.getInt("row_count")))
                .list();
    }

    /** The stored file: {@code csv} or {@code json}. */
    Optional<String> file(PartnershipId partnership, Dataset dataset, String format) {
        var column = "json".equals(format) ? "json" : "csv";
        return jdbc.sql("SELECT " + column + " FROM opendata_dataset WHERE partnership_id = ? AND dataset = ?")
                .params(partnership.value(), dataset.name()).query(String.class).optional();
    }
}

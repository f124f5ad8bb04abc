package de.sipa.places;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.sipa.shared.PartnershipId;

@Repository
class PlaceEffectRepository {

    private final JdbcClient jdbc;

    PlaceEffectRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<PlaceEffectSettings> find(PartnershipId partnership, PlaceId place) {
        return jdbc.sql("""
                SELECT start_date, window_months, buffer_metres, comparison_geometry FROM places_effect_setting
                WHERE partnership_id = ? AND place_id = ?""")
                .params(partnership.value(), place.value())
                .query((rs, n) -> new PlaceEffectSettings(rs.getDate(1).toLocalDate(), rs.getInt(2), rs.getInt(3),
                        rs.getString(4)))
                .optional();
    }

    void save(PartnershipId partnership, PlaceId place, PlaceEffectSettings settings, Instant now) {
        jdbc.sql("""
                INSERT INTO places_effect_setting (place_id, partnership_id, start_date, window_months, buffer_metres,
                    comparison_geometry, changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (place_id) DO UPDATE SET start_date = EXCLUDED.start_date,
                    window_months = EXCLUDED.window_months, buffer_metres = EXCLUDED.buffer_metres,
                    comparison_geometry = EXCLUDED.comparison_geometry, changed_at = EXCLUDED.changed_at""")
                .params(place.value(), partnership.value(), Date.valueOf(settings.start()), settings.windowMonths(),
                        settings.bufferMetres(), settings.comparisonArea(), Timestamp.from(now))
                .update();
    }
}

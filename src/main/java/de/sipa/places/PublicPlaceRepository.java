package de.sipa.places;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.sipa.shared.PartnershipId;

@Repository
class PublicPlaceRepository {

    private static final RowMapper<PlaceComment> COMMENT = (rs, n) -> new PlaceComment(
            rs.getObject("id", UUID.class), new PlaceId(rs.getObject("place_id", UUID.class)), rs.getString("text"),
            rs.getString("moderation"), rs.getTimestamp("submitted_at").toInstant());

    private final JdbcClient jdbc;

    PublicPlaceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertComment(PartnershipId partnership, PlaceId place, String text, Instant now) {
        jdbc.sql("""
                INSERT INTO places_comment (id, partnership_id, place_id, text, moderation, submitted_at)
                VALUES (?, ?, ?, ?, 'PENDING', ?)""")
                .params(UUID.randomUUID(), partnership.value(), place.value(), text, Timestamp.from(now)).update();
    }

    List<PlaceComment> comments(PartnershipId partnership, PlaceId place, String moderation, int limit) {
        return jdbc.sql("""
                SELECT * FROM places_comment WHERE partnership_id = ? AND place_id = ? AND moderation = ?
                ORDER BY submitted_at DESC LIMIT ?""")
                .params(partnership.value(), place.value(), moderation, limit).query(COMMENT).list();
    }

    Optional<PlaceComment> comment(PartnershipId partnership, UUID id) {
        return jdbc.sql("SELECT * FROM places_comment WHERE partnership_id = ? AND id = ?")
                .params(partnership.value(), id).query(COMMENT).optional();
    }

    void moderate(UUID id, String moderation, Instant now) {
        jdbc.sql("UPDATE places_comment SET moderation = ?, moderated_at = ? WHERE id = ?")
                .params(moderation, Timestamp.from(now), id).update();
    }

    /** Whether the rating was new: a device rates a place once a month. */
    boolean rate(PlaceId place, String deviceHash, YearMonth month, int score) {
        return jdbc.sql("""
                INSERT INTO places_rating (place_id, device_hash, month, score) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING""")
                .params(place.value(), deviceHash, Date.valueOf(month.atDay(1)), score).update() == 1;
    }

    boolean rated(PlaceId place, String deviceHash, YearMonth month) {
        return jdbc.sql("SELECT count(*) FROM places_rating WHERE place_id = ? AND device_hash = ? AND month = ?")
                .params(place.value(), deviceHash, Date.valueOf(month.atDay(1))).query(Long.class).single() > 0;
    }

    List<RatingMonth> ratings(PlaceId place, LocalDate since) {
        return jdbc.sql("""
                SELECT month, count(*), avg(score) FROM places_rating WHERE place_id = ? AND month >= ?
                GROUP BY month ORDER BY month""")
                .params(place.value(), Date.valueOf(since))
                .query((rs, n) -> new RatingMonth(YearMonth.from(rs.getDate(1).toLocalDate()), rs.getInt(2),
                        rs.getDouble(3)))
                .list();
    }

    /** How many ratings the place got in the months {@code from} to {@code to} (both included), and their mean. */
    RatingComparison.Window ratings(PlaceId place, YearMonth from, YearMonth to) {
        if (from.isAfter(to)) {
            return RatingComparison.Window.of(0, 0);
        }
        return jdbc.sql("""
                SELECT count(*), coalesce(sum(score), 0) FROM places_rating
                WHERE place_id = ? AND month BETWEEN ? AND ?""")
                .params(place.value(), Date.valueOf(from.atDay(1)), Date.valueOf(to.atDay(1)))
                .query((rs, n) -> RatingComparison.Window.of(rs.getLong(1), rs.getLong(2)))
                .single();
    }
}

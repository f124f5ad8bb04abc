package de.sipa.volunteers;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.sipa.shared.PartnershipId;

@Repository
class VolunteerRepository {

    private static final RowMapper<Volunteer> VOLUNTEER = (rs, n) -> new Volunteer(
            new VolunteerId(rs.getObject("id", UUID.class)), new VolunteerOfferId(rs.getObject("offer_id", UUID.class)),
            rs.getString("name"), rs.getString("email"), rs.getString("phone"), rs.getString("message"),
            VolunteerStatus.valueOf(rs.getString("status")), rs.getString("assignment"), rs.getBigDecimal("hours"),
            rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("confirmed_at")),
            instant(rs.getTimestamp("thanked_at")), rs.getTimestamp("anonymised_at") != null);

    private final JdbcClient jdbc;

    VolunteerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** The confirmed sign-ups of an offer (any status but unconfirmed), the oldest first. */
    List<Volunteer> confirmedOf(PartnershipId partnership, VolunteerOfferId offer) {
        return jdbc.sql("""
                SELECT * FROM volunteers_sign_up WHERE partnership_id = ? AND offer_id = ? AND status <> 'UNCONFIRMED'
                ORDER BY created_at""")
                .params(partnership.value(), offer.value()).query(VOLUNTEER).list();
    }

    Optional<Volunteer> find(PartnershipId partnership, VolunteerId id) {
        return jdbc.sql("SELECT * FROM volunteers_sign_up WHERE partnership_id = ? AND id = ?")
                .params(partnership.value(), id.value()).query(VOLUNTEER).optional();
    }

    void insert(PartnershipId partnership, VolunteerOfferId offer, VolunteerId id, SignUp signUp, String tokenHash,
            VolunteerStatus status, Instant at) {
        jdbc.sql("""
                INSERT INTO volunteers_sign_up (id, partnership_id, offer_id, name, email, phone, message, token_hash,
                    status, consented_at, created_at, confirmed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id.value(), partnership.value(), offer.value(), signUp.name(), signUp.email(), signUp.phone(),
                        signUp.message(), tokenHash, status.name(), Timestamp.from(at), Timestamp.from(at),
                        status == VolunteerStatus.UNCONFIRMED ? null : Timestamp.from(at))
                .update();
    }

    /** The unconfirmed sign-up whose link carries the token, with its partnership. */
    Optional<Pending> pending(String tokenHash) {
        return jdbc.sql("""
                SELECT * FROM volunteers_sign_up WHERE token_hash = ? AND status = 'UNCONFIRMED'""")
                .param(tokenHash)
                .query((rs, n) -> new Pending(new PartnershipId(rs.getObject("partnership_id", UUID.class)),
                        VOLUNTEER.mapRow(rs, n)))
                .optional();
    }

    record Pending(PartnershipId partnership, Volunteer volunteer) {
    }

    /** Confirms the sign-up once: the token is cleared; false if it was confirmed (or deleted) meanwhile. */
    boolean confirm(VolunteerId id, Instant at) {
        return jdbc.sql("""
                UPDATE volunteers_sign_up SET status = 'CONFIRMED', confirmed_at = ?, token_hash = NULL
                WHERE id = ? AND status = 'UNCONFIRMED'""")
                .params(Timestamp.from(at), id.value()).update() == 1;
    }

    void changeStatus(PartnershipId partnership, VolunteerId id, VolunteerStatus status, String assignment) {
        jdbc.sql("UPDATE volunteers_sign_up SET status = ?, assignment = ? WHERE partnership_id = ? AND id = ?")
                .params(status.name(), assignment, partnership.value(), id.value()).update();
    }

    void recordHours(PartnershipId partnership, VolunteerId id, BigDecimal hours) {
        jdbc.sql("UPDATE volunteers_sign_up SET hours = ? WHERE partnership_id = ? AND id = ?")
                .params(hours, partnership.value(), id.value()).update();
    }

    void thanked(PartnershipId partnership, VolunteerId id, Instant at) {
        jdbc.sql("UPDATE volunteers_sign_up SET thanked_at = ? WHERE partnership_id = ? AND id = ?")
                .params(Timestamp.from(at), partnership.value(), id.value()).update();
    }

    /** Deletes the sign-ups never confirmed that came in before the cut-off; returns how many per partnership. */
    List<Count> deleteUnconfirmedBefore(Instant cutOff) {
        return jdbc.sql("""
                WITH gone AS (DELETE FROM volunteers_sign_up WHERE status = 'UNCONFIRMED' AND created_at < ?
                              RETURNING partnership_id)
                SELECT partnership_id, count(*) FROM gone GROUP BY partnership_id""")
                .param(Timestamp.from(cutOff)).query(Count.MAPPER).list();
    }

    /**
     * Clears the personal data of the volunteers of offers whose engagement ended before the day; status and hours
     * stay. Returns how many per partnership.
     */
    List<Count> anonymiseEndedBefore(LocalDate day, Instant now) {
        return jdbc.sql("""
                WITH gone AS (
                    UPDATE volunteers_sign_up s SET name = NULL, email = NULL, phone = NULL, message = NULL,
                        assignment = NULL, token_hash = NULL, anonymised_at = ?
                    FROM volunteers_offer o
                    WHERE o.id = s.offer_id AND o.engagement_ends < ? AND s.anonymised_at IS NULL
                    RETURNING s.partnership_id)
                SELECT partnership_id, count(*) FROM gone GROUP BY partnership_id""")
                .params(Timestamp.from(now), Date.valueOf(day)).query(Count.MAPPER).list();
    }

    record Count(PartnershipId partnership, int count) {
        static final RowMapper<Count> MAPPER = (rs, n) -> new Count(
                new PartnershipId(rs.getObject(1, UUID.class)), rs.getInt(2));
    }

    /** For the demo: a sign-up with its history, dated as the story says. */
    void insertWithHistory(PartnershipId partnership, VolunteerOfferId offer, SignUp signUp, VolunteerStatus status,
            String assignment, BigDecimal hours, Instant created, Instant thanked) {
        jdbc.sql("""
                INSERT INTO volunteers_sign_up (id, partnership_id, offer_id, name, email, phone, message, token_hash,
                    status, assignment, hours, consented_at, created_at, confirmed_at, thanked_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), partnership.value(), offer.value(), signUp.name(), signUp.email(),
                        signUp.phone(), signUp.message(),
                        status == VolunteerStatus.UNCONFIRMED ? UUID.randomUUID().toString().replace("-", "")
                                + UUID.randomUUID().toString().replace("-", "") : null,
                        status.name(), assignment, hours, Timestamp.from(created), Timestamp.from(created),
                        status == VolunteerStatus.UNCONFIRMED ? null : Timestamp.from(created.plusSeconds(3600)),
                        thanked == null ? null : Timestamp.from(thanked))
                .update();
    }
}

package de.sipa.meetings;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.sipa.partners.BodyId;
import de.sipa.shared.PartnershipId;

@Repository
class MeetingSeriesRepository {

    private static final RowMapper<MeetingSeries> SERIES = (rs, n) -> new MeetingSeries(
            new MeetingSeriesId(rs.getObject("id", UUID.class)), new BodyId(rs.getObject("body_id", UUID.class)),
            rs.getInt("year"), rs.getString("title"), SeriesRule.parse(rs.getString("rule")),
            HolidayHandling.valueOf(rs.getString("holidays")));

    private final JdbcClient jdbc;

    MeetingSeriesRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(PartnershipId partnership, MeetingSeries series, String createdBy, Instant now) {
        jdbc.sql("""
                INSERT INTO meetings_series (id, partnership_id, body_id, year, title, rule, holidays, created_at,
                                             created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(series.id().value(), partnership.value(), series.body().value(), series.year(),
                        series.title(), series.rule().code(), series.holidays().name(), Timestamp.from(now), createdBy)
                .update();
    }

    Optional<MeetingSeries> find(PartnershipId partnership, MeetingSeriesId id) {
        return jdbc.sql("SELECT * FROM meetings_series WHERE partnership_id = ? AND id = ?")
                .params(partnership.value(), id.value()).query(SERIES).optional();
    }

    /** Attaches a meeting planned before to a series (the demo's meetings that were part of the year plan). */
    void attach(MeetingId meeting, MeetingSeriesId series) {
        jdbc.sql("UPDATE meetings_meeting SET series_id = ? WHERE id = ?").params(series.value(), meeting.value())
                .update();
    }

    /** The days in [from, to) on which the body has a meeting that is not cancelled, in the city's zone. */
    Set<LocalDate> meetingDays(PartnershipId partnership, BodyId body, Instant from, Instant to, ZoneId zone) {
        return jdbc.sql("""
                SELECT starts_at FROM meetings_meeting
                WHERE partnership_id = ? AND body_id = ? AND status <> 'CANCELLED' AND starts_at >= ? AND starts_at < ?""")
                .params(partnership.value(), body.value(), Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> rs.getTimestamp(1).toInstant().atZone(zone).toLocalDate()).set();
    }

    List<Meeting> meetings(PartnershipId partnership, MeetingSeriesId series) {
        return jdbc.sql("SELECT * FROM meetings_meeting WHERE partnership_id = ? AND series_id = ? ORDER BY starts_at")
                .params(partnership.value(), series.value()).query(MeetingRepository.MEETING).list();
    }
}

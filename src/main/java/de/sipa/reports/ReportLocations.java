package de.sipa.reports;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.CurrentUser;
import de.sipa.identity.Role;

/**
 * Where (and, if asked, when) the partnership's reports were made, for spatial analyses (the situation picture's
 * hotspots and near repeats): coordinates only, no content, streamed so that a million reports need no million
 * objects. Left out are reports without a place, those still waiting for moderation and duplicates merged into
 * another report (the incident counts once).
 */
@Service
@Transactional(readOnly = true)
public class ReportLocations {

    private final JdbcClient jdbc;
    private final Clock clock;

    ReportLocations(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Receives one place after the other. */
    @FunctionalInterface
    public interface Sink {
        void accept(double latitude, double longitude);
    }

    /** Receives one place after the other with the time the report was submitted (near repeats). */
    @FunctionalInterface
    public interface TimedSink {
        void accept(double latitude, double longitude, long submittedEpochSecond);
    }

    /**
     * Hands the places of the reports submitted from {@code from} to {@code to} (both days included, in the
     * partnership's time zone) to the sink.
     *
     * Positions only: the analysis that asks decides who sees its result (the hotspot map the coordination and the
     * police; the annual report's hotspots by district also the steering group, which reads the draft).
     *
     * @param categories the categories to include; empty: all
     * @param sources the sources to include (citizens, Open311, partners, patrols); empty: all
     * @return how many places were handed over
     */
    @PreAuthorize(ReportPermissions.READ)
    public int forEach(LocalDate from, LocalDate to, Collection<CategoryId> categories, Set<ReportSource> sources,
            Sink sink) {
        return query(from, to, categories, sources, (latitude, longitude, submitted) -> sink.accept(latitude,
                longitude));
    }

    /**
     * As {@link #forEach(LocalDate, LocalDate, Collection, Set, Sink)}, with each report's submission time in
     * seconds since 1970 (UTC).
     */
    @PreAuthorize(ReportPermissions.READ)
    public int forEachTimed(LocalDate from, LocalDate to, Collection<CategoryId> categories,
            Set<ReportSource> sources, TimedSink sink) {
        return query(from, to, categories, sources, sink);
    }

    /**
     * Hands the places and submission times of the reports submitted in {@code [from, to)} whose position lies in the
     * box {west, south, east, north} to the sink, for counting reports in an area over time (a place's effect): the
     * box is checked in the database by index, the exact outline by the caller. Positions and times only, no
     * content; so everyone of the partnership may count, as they may read the public reports.
     *
     * @return how many places were handed over
     */
    @PreAuthorize(ReportPermissions.READ)
    public int forEachWithin(double[] box, Instant from, Instant to, TimedSink sink) {
        int[] count = {0};
        // the box and the period as literals (numbers and ISO instants only), not as parameters: after five runs a
        // prepared statement gets a generic plan, which does not know how small the box is and reads by time instead
        // of by the index of countable reports (0.5 s became 4.7 s over 1,000,000 reports)
        var sql = String.format(java.util.Locale.ROOT, """
                SELECT latitude, longitude, CAST(floor(extract(epoch FROM submitted_at)) AS bigint) FROM reports_report
                WHERE partnership_id = :partnership AND public_id IS NOT NULL
                AND latitude BETWEEN %s AND %s AND longitude BETWEEN %s AND %s
                AND submitted_at >= TIMESTAMPTZ '%s' AND submitted_at < TIMESTAMPTZ '%s'
                AND status <> 'MODERATION' AND duplicate_of IS NULL""", Double.toString(box[1]),
                Double.toString(box[3]), Double.toString(box[0]), Double.toString(box[2]), from, to);
        jdbc.sql(sql)
                .withFetchSize(10_000)
                .param("partnership", CurrentUser.partnership().value())
                .query(rs -> {
                    sink.accept(rs.getDouble(1), rs.getDouble(2), rs.getLong(3));
                    count[0]++;
                });
        return count[0];
    }

    /** The day the partnership's first report came in (in its time zone), if it has any. */
    @PreAuthorize(ReportPermissions.READ)
    public java.util.Optional<LocalDate> firstReportDay() {
        return jdbc.sql("SELECT min(submitted_at) FROM reports_report WHERE partnership_id = ?")
                .param(CurrentUser.partnership().value()).query(Timestamp.class).list().stream()
                .filter(java.util.Objects::nonNull).findFirst().map(t -> t.toInstant().atZone(clock.getZone()).toLocalDate());
    }

    /** At most this many reports are handed out by {@link #within}. */
    public static final int MAX_WITHIN = 5_000;

    /**
     * The reports with a position inside the box {west, south, east, north} submitted from {@code from} to {@code to}
     * (both days included), oldest first, at most {@link #MAX_WITHIN}: id, number, time, category and status only, so
     * that whoever sees district figures may see them (the time line of a place tests the exact outline itself).
     */
    @PreAuthorize(ReportPermissions.DISTRICT_FIGURES)
    public List<LocatedReport> within(double[] box, LocalDate from, LocalDate to) {
        var zone = clock.getZone();
        var user = CurrentUser.get();
        var organisation = user.organisation() == null ? null : user.organisation().value();
        // readable: the rule of Reports.readable for all the reports at once; a partner's staff may open their
        // organisation's reports and those it was involved in, everyone else every report
        return jdbc.sql("""
                SELECT id, public_id, submitted_at, category_id, status, latitude, longitude,
                    coalesce(NOT ? OR r.assignee_id = ? OR EXISTS (
                        SELECT 1 FROM reports_event e WHERE e.report_id = r.id AND e.organisation_id = ?), false)
                FROM reports_report r
                WHERE partnership_id = ? AND submitted_at >= ? AND submitted_at < ?
                AND longitude BETWEEN ? AND ? AND latitude BETWEEN ? AND ?
                AND status <> 'MODERATION' AND duplicate_of IS NULL
                ORDER BY submitted_at LIMIT ?""")
                .params(user.role() == Role.PARTNER, organisation, organisation, CurrentUser.partnership().value(),
                        Timestamp.from(from.atStartOfDay(zone).toInstant()),
                        Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()), box[0], box[2], box[1], box[3],
                        MAX_WITHIN)
                .query((rs, n) -> new LocatedReport(new ReportId(rs.getObject(1, UUID.class)), rs.getString(2),
                        rs.getTimestamp(3).toInstant(), new CategoryId(rs.getObject(4, UUID.class)),
                        ReportStatus.valueOf(rs.getString(5)), rs.getDouble(6), rs.getDouble(7), rs.getBoolean(8)))
                .list();
    }

    private int query(LocalDate from, LocalDate to, Collection<CategoryId> categories, Set<ReportSource> sources,
            TimedSink sink) {
        var zone = clock.getZone();
        var sql = new StringBuilder("""
                SELECT latitude, longitude, CAST(floor(extract(epoch FROM submitted_at)) AS bigint) FROM reports_report
                WHERE partnership_id = :partnership AND submitted_at >= :start AND submitted_at < :end
                AND latitude IS NOT NULL AND longitude IS NOT NULL AND status <> 'MODERATION' AND duplicate_of IS NULL""");
        if (!categories.isEmpty()) {
            sql.append(" AND category_id IN (:categories)");
        }
        if (!sources.isEmpty()) {
            sql.append(" AND source IN (:sources)");
        }
        var statement = jdbc.sql(sql.toString()).withFetchSize(10_000)
                .param("partnership", CurrentUser.partnership().value())
                .param("start", Timestamp.from(from.atStartOfDay(zone).toInstant()))
                .param("end", Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()));
        if (!categories.isEmpty()) {
            statement = statement.param("categories", categories.stream().map(CategoryId::value).toList());
        }
        if (!sources.isEmpty()) {
            statement = statement.param("sources", sources.stream().map(Enum::name).toList());
        }
        int[] count = {0};
        statement.query(rs -> {
            sink.accept(rs.getDouble(1), rs.getDouble(2), rs.getLong(3));
            count[0]++;
        });
        return count[0];
    }
}

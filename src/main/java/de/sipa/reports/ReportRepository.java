package de.sipa.reports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import de.sipa.partners.DistrictId;
import de.sipa.shared.OrganisationId;
import de.sipa.shared.PartnershipId;

@Repository
class ReportRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * A report (alias r) without a responsible organisation whose last routing step was a hand-back (V123 keeps the
     * last routing on the report).
     */
    private static final String HANDED_BACK = "r.assignee_id IS NULL AND r.handed_back";
    private static final TypeReference<Map<String, String>> ATTRIBUTES = new TypeReference<>() {
    };

    static final RowMapper<Report> REPORT = (rs, n) -> new Report(new ReportId(rs.getObject("id", UUID.class)),
            rs.getString("public_id"), rs.getObject("token", UUID.class),
            new CategoryId(rs.getObject("category_id", UUID.class)), rs.getString("description"),
            (Double) rs.getObject("latitude"), (Double) rs.getObject("longitude"), rs.getString("address"),
            optional(rs, "district_id", DistrictId::new), rs.getBoolean("district_uncertain"),
            ReportSource.valueOf(rs.getString("source")), ReportStatus.valueOf(rs.getString("status")),
            optional(rs, "assignee_id", OrganisationId::new), instant(rs, "deadline"), instant(rs, "escalated_at"),
            JSON.readValue(rs.getString("attributes"), ATTRIBUTES),
            new Contact(rs.getString("reporter_name"), rs.getString("reporter_email"), rs.getString("reporter_phone")),
            rs.getString("public_note"), instant(rs, "submitted_at"), instant(rs, "updated_at"),
            instant(rs, "closed_at"), TextModeration.valueOf(rs.getString("text_moderation")), rs.getString("address_id"),
            rs.getString("media_url"));

    private static final RowMapper<ReportEvent> EVENT = (rs, n) -> new ReportEvent(instant(rs, "occurred_at"),
            rs.getString("actor"), ReportEvent.Kind.valueOf(rs.getString("kind")),
            rs.getString("status") == null ? null : ReportStatus.valueOf(rs.getString("status")),
            optional(rs, "organisation_id", OrganisationId::new), rs.getString("note"), rs.getBoolean("public"));

    private final JdbcClient jdbc;

    ReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new public number, e.g. "2026-000123": unique across the installation, readable on the phone. */
    String nextPublicId(Instant now, java.time.ZoneId zone) {
        long number = jdbc.sql("SELECT nextval('reports_public_number')").query(Long.class).single();
        return Year.from(now.atZone(zone)) + "-" + String.format("%06d", number);
    }

    void insert(PartnershipId partnership, Report report, String submittedBy) {
        boolean routedOnArrival = report.status() != ReportStatus.MODERATION;
        jdbc.sql("""
                INSERT INTO reports_report (id, partnership_id, public_id, token, category_id, description, latitude,
                       longitude, address, district_id, district_uncertain, source, status, assignee_id, deadline,
                       attributes, reporter_name, reporter_email, reporter_phone, submitted_at, updated_at, submitted_by,
                       text_moderation, address_id, media_url, routed_to_organisation, rerouted)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS JSONB), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(report.id().value(), partnership.value(), report.publicId(), report.token(),
                        report.category().value(), report.description(), report.latitude(), report.longitude(),
                        report.address(), report.district() == null ? null : report.district().value(),
                        report.districtUncertain(), report.source().name(), report.status().name(),
                        report.assignee() == null ? null : report.assignee().value(), timestamp(report.deadline()),
                        JSON.writeValueAsString(report.attributes()), report.contact().name(), report.contact().email(),
                        report.contact().phone(), timestamp(report.submittedAt()), timestamp(report.updatedAt()),
                        submittedBy, report.textModeration().name(), report.addressId(), report.mediaUrl(),
                        // the routing on arrival, as V117's trigger would note it from the ROUTED line that follows
                        routedOnArrival && report.assignee() != null, routedOnArrival && report.assignee() == null)
                .update();
    }

    Optional<Report> find(PartnershipId partnership, ReportId id) {
        return jdbc.sql("SELECT * FROM reports_report WHERE partnership_id = ? AND id = ?")
                .params(partnership.value(), id.value()).query(REPORT).optional();
    }

    Optional<Report> lock(PartnershipId partnership, ReportId id) {
        return jdbc.sql("SELECT * FROM reports_report WHERE partnership_id = ? AND id = ? FOR UPDATE")
                .params(partnership.value(), id.value()).query(REPORT).optional();
    }

    Optional<Report> findByPublicId(PartnershipId partnership, String publicId) {
        return jdbc.sql("SELECT * FROM reports_report WHERE partnership_id = ? AND public_id = ?")
                .params(partnership.value(), publicId).query(REPORT).optional();
    }

    Optional<Report> findByToken(UUID token) {
        return jdbc.sql("SELECT * FROM reports_report WHERE token = ?").param(token).query(REPORT).optional();
    }

    Optional<PartnershipId> partnershipOfToken(UUID token) {
        return jdbc.sql("SELECT partnership_id FROM reports_report WHERE token = ?").param(token)
                .query((rs, n) -> new PartnershipId(rs.getObject(1, UUID.class))).optional();
    }

    void assign(ReportId id, OrganisationId assignee, Instant deadline, Instant now) {
        jdbc.sql("UPDATE reports_report SET assignee_id = ?, deadline = ?, escalated_at = NULL, updated_at = ? WHERE id = ?")
                .params(assignee == null ? null : assignee.value(), timestamp(deadline), timestamp(now), id.value())
                .update();
    }

    void approve(ReportId id, String publicId, Instant now) {
        jdbc.sql("UPDATE reports_report SET public_id = ?, status = 'NEW', updated_at = ? WHERE id = ?")
                .params(publicId, timestamp(now), id.value()).update();
    }

    void recategorise(ReportId id, CategoryId category, Instant now) {
        jdbc.sql("UPDATE reports_report SET category_id = ?, updated_at = ? WHERE id = ?")
                .params(category.value(), timestamp(now), id.value()).update();
    }

    void setDistrict(ReportId id, DistrictId district, Instant now) {
        jdbc.sql("UPDATE reports_report SET district_id = ?, district_uncertain = FALSE, updated_at = ? WHERE id = ?")
                .params(district == null ? null : district.value(), timestamp(now), id.value()).update();
    }

    void status(ReportId id, ReportStatus status, String publicNote, Instant now) {
        jdbc.sql("""
                UPDATE reports_report SET status = ?, public_note = coalesce(?, public_note), updated_at = ?,
                       closed_at = ?
                WHERE id = ?""")
                .params(status.name(), publicNote, timestamp(now), status.closed() ? timestamp(now) : null, id.value())
                .update();
    }

    /** Marks the report escalated; false if it was already (another run got there first). */
    boolean escalated(ReportId id, Instant now) {
        return jdbc.sql("UPDATE reports_report SET escalated_at = ? WHERE id = ? AND escalated_at IS NULL")
                .params(timestamp(now), id.value()).update() == 1;
    }

    /** One line of a report's history, for {@link #events}. */
    record Entry(ReportEvent.Kind kind, ReportStatus status, OrganisationId organisation, String note,
            boolean visibleToPublic) {

        Entry(ReportEvent.Kind kind, OrganisationId organisation, String note, boolean visibleToPublic) {
            this(kind, null, organisation, note, visibleToPublic);
        }
    }

    void event(ReportId report, Instant at, String actor, ReportEvent.Kind kind, OrganisationId organisation,
            String note, boolean visibleToPublic) {
        events(report, at, actor, List.of(new Entry(kind, organisation, note, visibleToPublic)));
    }

    void statusChanged(ReportId report, Instant at, String actor, ReportStatus status, OrganisationId organisation,
            String publicNote) {
        events(report, at, actor, List.of(new Entry(ReportEvent.Kind.STATUS_CHANGED, status, organisation, publicNote,
                true)));
    }

    /**
     * Lines of one report's history at the same instant, in one statement (a report's arrival writes three or more);
     * the ids follow the given order, which is the order the history shows for lines of one instant.
     */
    void events(ReportId report, Instant at, String actor, List<Entry> entries) {
        var sql = new StringBuilder("""
                INSERT INTO reports_event (report_id, occurred_at, actor, kind, status, organisation_id, note, public)
                VALUES """);
        var params = new ArrayList<Object>();
        for (var entry : entries) {
            sql.append(params.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?)");
            params.addAll(Arrays.asList(report.value(), timestamp(at), actor, entry.kind().name(),
                    entry.status() == null ? null : entry.status().name(),
                    entry.organisation() == null ? null : entry.organisation().value(), entry.note(),
                    entry.visibleToPublic()));
        }
        jdbc.sql(sql.toString()).params(params).update();
    }

    List<ReportEvent> events(ReportId report) {
        return jdbc.sql("SELECT * FROM reports_event WHERE report_id = ? ORDER BY occurred_at, id").param(report.value())
                .query(EVENT).list();
    }

    /** The public events of many reports in one query, for answers listing many reports. */
    Map<ReportId, List<ReportEvent>> publicEvents(Collection<ReportId> reports) {
        Map<ReportId, List<ReportEvent>> events = new HashMap<>();
        jdbc.sql("SELECT * FROM reports_event WHERE report_id = ANY (?) AND public ORDER BY occurred_at, id")
                .param(ids(reports))
                .query(rs -> {
                    events.computeIfAbsent(new ReportId(rs.getObject("report_id", UUID.class)), r -> new ArrayList<>())
                            .add(EVENT.mapRow(rs, 0));
                });
        return events;
    }

    /** Whether an organisation ever had the report (it was routed to it, or it handed it back). */
    boolean involved(ReportId report, OrganisationId organisation) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM reports_event WHERE report_id = ? AND organisation_id = ?)")
                .params(report.value(), organisation.value()).query(Boolean.class).single();
    }

    /** Those of the reports an organisation handed back to the coordinator and nobody routed since. */
    Set<ReportId> handedBack(PartnershipId partnership, Collection<ReportId> reports) {
        return jdbc.sql("SELECT r.id FROM reports_report r WHERE r.partnership_id = ? AND r.id = ANY(?) AND " + HANDED_BACK)
                .params(partnership.value(), reports.stream().map(ReportId::value).toArray(UUID[]::new))
                .query((rs, n) -> new ReportId(rs.getObject(1, UUID.class))).set();
    }

    /** A page of the reports the query finds, newest first, counted up to {@link BoundedPage#BOUND}. */
    BoundedPage<Report> search(PartnershipId partnership, ReportQuery query, Instant now, Pageable pageable) {
        var counted = bind(jdbc.sql("SELECT count(*) FROM (SELECT 1" + where(query) + " LIMIT :bound) AS found"),
                partnership, query, now)
                .param("bound", BoundedPage.BOUND + 1).query(Long.class).single();
        var content = bind(jdbc.sql("SELECT r.*" + where(query) + " ORDER BY r.submitted_at DESC, r.id LIMIT :limit OFFSET :offset"),
                partnership, query, now)
                .param("limit", pageable.getPageSize()).param("offset", pageable.getOffset())
                .query(REPORT).list();
        return new BoundedPage<>(content, pageable, counted);
    }

    /** See V122's reports_figures_fold. */
    void foldFigures() {
        jdbc.sql("SELECT reports_figures_fold()").query((rs, n) -> n).list();
    }

    long count(PartnershipId partnership, ReportQuery query, Instant now) {
        return bind(jdbc.sql("SELECT count(*)" + where(query)), partnership, query, now).query(Long.class).single();
    }

    private static String where(ReportQuery query) {
        var where = new StringBuilder(" FROM reports_report r WHERE r.partnership_id = :partnership");
        if (query.coordinatorQueue()) {
            where.append(" AND r.assignee_id IS NULL");
        } else if (query.organisation() != null) {
            where.append(" AND r.assignee_id = :organisation");
        }
        if (query.informedOf() != null) {
            where.append(" AND r.assignee_id IS DISTINCT FROM :informed AND EXISTS (SELECT 1 FROM reports_event i"
                    + " WHERE i.report_id = r.id AND i.kind = 'NOTIFIED' AND i.organisation_id = :informed)");
        }
        if (query.status() != null) {
            where.append(" AND r.status = :status");
        } else if (!query.includeClosed()) {
            where.append(" AND r.closed_at IS NULL");
        }
        if (query.category() != null) {
            where.append(" AND r.category_id = :category");
        }
        if (query.district() != null) {
            where.append(" AND r.district_id = :district");
        }
        if (query.overdue()) {
            where.append(" AND r.closed_at IS NULL AND r.deadline < :now");
        }
        if (query.handedBack()) {
            where.append(" AND ").append(HANDED_BACK);
        }
        if (query.text() != null && !query.text().isBlank()) {
            where.append(" AND (lower(r.description) LIKE :text OR lower(coalesce(r.address, '')) LIKE :text"
                    + " OR r.public_id = :exact)");
        }
        return where.toString();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, PartnershipId partnership,
            ReportQuery query, Instant now) {
        statement = statement.param("partnership", partnership.value()).param("now", timestamp(now));
        if (query.organisation() != null) {
            statement = statement.param("organisation", query.organisation().value());
        }
        if (query.informedOf() != null) {
            statement = statement.param("informed", query.informedOf().value());
        }
        if (query.status() != null) {
            statement = statement.param("status", query.status().name());
        }
        if (query.category() != null) {
            statement = statement.param("category", query.category().value());
        }
        if (query.district() != null) {
            statement = statement.param("district", query.district().value());
        }
        if (query.text() != null && !query.text().isBlank()) {
            var text = query.text().strip().toLowerCase();
            statement = statement.param("text", "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                    .param("exact", query.text().strip());
        }
        return statement;
    }

    List<Report> publicSearch(PartnershipId partnership, PublicReportQuery query) {
        // No join with the categories unless they filter: with it, the planner misjudged the join (row-level security
        // hides the category rows from its estimate) and sorted every report of the partnership instead of reading
        // the newest from reports_report_by_time.
        var sql = new StringBuilder("""
                SELECT r.* FROM reports_report r
                WHERE r.partnership_id = :partnership AND r.public_id IS NOT NULL""");
        var params = new java.util.HashMap<String, Object>();
        params.put("partnership", partnership.value());
        if (!query.publicIds().isEmpty()) {
            // Asked for by number, a report waiting for moderation answers too (what it shows is PublicReport's).
            sql.append(" AND r.public_id IN (:ids)");
            params.put("ids", query.publicIds());
        } else {
            sql.append(" AND r.status <> 'MODERATION'");
            if (!query.categoryCodes().isEmpty()) {
                sql.append(" AND r.category_id IN (SELECT c.id FROM reports_category c"
                        + " WHERE c.partnership_id = :partnership AND c.code IN (:codes))");
                params.put("codes", query.categoryCodes());
            }
            if (query.closed() != null) {
                sql.append(query.closed() ? " AND r.status IN ('DONE', 'FORWARDED', 'REJECTED')"
                        : " AND r.status NOT IN ('DONE', 'FORWARDED', 'REJECTED')");
            }
            if (query.submittedFrom() != null) {
                sql.append(" AND r.submitted_at >= :from");
                params.put("from", timestamp(query.submittedFrom()));
            }
            if (query.submittedTo() != null) {
                sql.append(" AND r.submitted_at <= :to");
                params.put("to", timestamp(query.submittedTo()));
            }
            if (query.updatedAfter() != null) {
                sql.append(" AND r.updated_at > :updatedAfter");
                params.put("updatedAfter", timestamp(query.updatedAfter()));
            }
            if (query.latitude() != null && query.longitude() != null && query.radiusMetres() != null) {
                sql.append(" ").append("""
                        AND r.latitude IS NOT NULL AND 2 * 6371008.8 * asin(sqrt(power(sin(radians(r.latitude - :lat) / 2), 2)
                            + cos(radians(:lat)) * cos(radians(r.latitude))
                            * power(sin(radians(r.longitude - :lon) / 2), 2))) <= :radius""");
                params.put("lat", query.latitude());
                params.put("lon", query.longitude());
                params.put("radius", query.radiusMetres());
                boundingBox(query.latitude(), query.longitude(), query.radiusMetres(), sql, params);
            }
        }
        sql.append(" ORDER BY r.submitted_at DESC, r.id LIMIT :limit OFFSET :offset");
        params.put("limit", query.limit());
        params.put("offset", query.offset());
        return jdbc.sql(sql.toString()).params(params).query(REPORT).list();
    }

    /**
     * Adds the bounding box of the circle (a superset of it, so the distance condition still decides) so that the
     * index {@code reports_report_location} can be used instead of computing the distance of every report in the
     * time span. The longitude bound is left out where the box would reach a pole or cross the antimeridian.
     */
    private static void boundingBox(double latitude, double longitude, double metres, StringBuilder sql,
            Map<String, Object> params) {
        double angle = metres / 6371008.8;
        double margin = 1e-9;
        double latitudeDelta = Math.toDegrees(angle) + margin;
        sql.append(" AND r.latitude BETWEEN :latMin AND :latMax");
        params.put("latMin", latitude - latitudeDelta);
        params.put("latMax", latitude + latitudeDelta);
        if (Math.abs(latitude) + latitudeDelta >= 90) {
            return;
        }
        double ratio = Math.sin(angle) / Math.cos(Math.toRadians(latitude));
        if (ratio >= 1) {
            return;
        }
        double longitudeDelta = Math.toDegrees(Math.asin(ratio)) + margin;
        if (longitude - longitudeDelta < -180 || longitude + longitudeDelta > 180) {
            return;
        }
        sql.append(" AND r.longitude BETWEEN :lonMin AND :lonMax");
        params.put("lonMin", longitude - longitudeDelta);
        params.put("lonMax", longitude + longitudeDelta);
    }

    List<UUID> photoIds(ReportId report) {
        return jdbc.sql("SELECT id FROM reports_photo WHERE report_id = ? ORDER BY created_at, id").param(report.value())
                .query(UUID.class).list();
    }

    Map<ReportId, List<UUID>> photoIds(Collection<ReportId> reports) {
        Map<ReportId, List<UUID>> photos = new HashMap<>();
        jdbc.sql("SELECT report_id, id FROM reports_photo WHERE report_id = ANY (?) ORDER BY created_at, id")
                .param(ids(reports))
                .query(rs -> {
                    photos.computeIfAbsent(new ReportId(rs.getObject("report_id", UUID.class)), r -> new ArrayList<>())
                            .add(rs.getObject("id", UUID.class));
                });
        return photos;
    }

    private static UUID[] ids(Collection<ReportId> reports) {
        return reports.stream().map(ReportId::value).toArray(UUID[]::new);
    }

    /** Open reports past their deadline that were not escalated yet, of all partnerships. */
    List<Report> overdueNotEscalated(Instant now) {
        return jdbc.sql("SELECT * FROM reports_report WHERE closed_at IS NULL AND deadline < ? AND escalated_at IS NULL")
                .param(timestamp(now)).query(REPORT).list();
    }

    /**
     * Open reports of the category within {@code metres} of the point, submitted since {@code since}; distances on
     * a local flat projection, exact enough at 50 m, after a box around the point that V121's index serves.
     */
    List<Report> nearby(PartnershipId partnership, CategoryId category, double latitude, double longitude,
            double metres, Instant since) {
        var box = box(":latitude", ":longitude");
        return jdbc.sql("""
                SELECT * FROM reports_report r
                WHERE partnership_id = :partnership AND category_id = :category AND closed_at IS NULL
                  AND status <> 'MODERATION' AND submitted_at >= :since
                  AND latitude BETWEEN %s AND %s AND longitude BETWEEN %s AND %s AND %s
                ORDER BY submitted_at DESC LIMIT 20"""
                .formatted(box.get(0), box.get(1), box.get(2), box.get(3), inCircle(":latitude", ":longitude")))
                .param("partnership", partnership.value()).param("category", category.value())
                .param("latitude", latitude).param("longitude", longitude).param("metres", metres)
                .param("since", timestamp(since))
                .query(REPORT).list();
    }

    /**
     * Those of these open reports that have another open report of their category within the distance, submitted at
     * most the period before them: the queue page's question in one statement rather than one per listed report.
     */
    Set<ReportId> withNearby(PartnershipId partnership, Collection<ReportId> reports, double metres, Duration period) {
        var box = box("latitude", "longitude");
        var found = new HashSet<ReportId>();
        // The page's boxes are computed first (MATERIALIZED): a bound computed from the outer report inside the
        // subquery is no index condition under row-level security, which holds back the arithmetic (it is not
        // leakproof) until the policy has passed each row, so every open report of the category was read (230 ms).
        jdbc.sql("""
                WITH page AS MATERIALIZED (
                    SELECT id, category_id, latitude, longitude, submitted_at - make_interval(secs => :period) AS since,
                           %s AS south, %s AS north, %s AS west, %s AS east
                    FROM reports_report
                    WHERE id = ANY (:reports) AND partnership_id = :partnership AND closed_at IS NULL
                      AND latitude IS NOT NULL)
                SELECT p.id FROM page p
                WHERE EXISTS (SELECT 1 FROM reports_report r
                              WHERE r.partnership_id = :partnership AND r.category_id = p.category_id
                                AND r.closed_at IS NULL AND r.status <> 'MODERATION' AND r.id <> p.id
                                AND r.submitted_at >= p.since AND r.latitude BETWEEN p.south AND p.north
                                AND r.longitude BETWEEN p.west AND p.east AND %s)"""
                .formatted(box.get(0), box.get(1), box.get(2), box.get(3), inCircle("p.latitude", "p.longitude")))
                .param("reports", ids(reports)).param("partnership", partnership.value()).param("metres", metres)
                .param("period", (double) period.toSeconds())
                .query(rs -> {
                    found.add(new ReportId(rs.getObject(1, UUID.class)));
                });
        return found;
    }

    /**
     * South, north, west and east of the box of {@code :metres} around the point, which the partial index of V121
     * serves before {@link #inCircle} measures.
     */
    private static List<String> box(String latitude, String longitude) {
        var across = ":metres / (111320.0 * cos(radians(%s)))".formatted(latitude);
        return List.of(latitude + " - :metres / 111320.0", latitude + " + :metres / 111320.0",
                longitude + " - " + across, longitude + " + " + across);
    }

    /** Report {@code r} lies within {@code :metres} of the point (on a plane, which is exact enough for 50 m). */
    private static String inCircle(String latitude, String longitude) {
        return "power((r.latitude - %1$s) * 111320, 2) + power((r.longitude - %2$s) * 111320 * cos(radians(%1$s)), 2)"
                .formatted(latitude, longitude) + " <= power(:metres, 2)";
    }

    void markDuplicate(ReportId duplicate, ReportId of, Instant now) {
        jdbc.sql("UPDATE reports_report SET duplicate_of = ?, updated_at = ? WHERE id = ?")
                .params(of.value(), timestamp(now), duplicate.value()).update();
    }

    /** Reports merged into this one. */
    List<Report> duplicatesOf(ReportId id) {
        return jdbc.sql("SELECT * FROM reports_report WHERE duplicate_of = ? ORDER BY submitted_at").param(id.value())
                .query(REPORT).list();
    }

    /** The public numbers of the reports these were merged into, for those that were. */
    Map<ReportId, String> mergedIntoPublicIds(Collection<ReportId> reports) {
        Map<ReportId, String> merged = new HashMap<>();
        jdbc.sql("""
                SELECT r.id, d.public_id FROM reports_report r JOIN reports_report d ON d.id = r.duplicate_of
                WHERE r.id = ANY (?)""")
                .param(ids(reports))
                .query(rs -> {
                    merged.put(new ReportId(rs.getObject(1, UUID.class)), rs.getString(2));
                });
        return merged;
    }

    Optional<ReportId> mergedInto(ReportId id) {
        return jdbc.sql("SELECT duplicate_of FROM reports_report WHERE id = ? AND duplicate_of IS NOT NULL")
                .param(id.value()).query((rs, n) -> new ReportId(rs.getObject(1, UUID.class))).optional();
    }

    /** Open, public reports with a point, newest first, for the public map. */
    List<MapPoint> openPoints(PartnershipId partnership, Instant since, int limit) {
        return jdbc.sql("""
                SELECT r.public_id, c.name, r.status, r.latitude, r.longitude, r.submitted_at
                FROM reports_report r JOIN reports_category c ON c.id = r.category_id
                WHERE r.partnership_id = ? AND r.closed_at IS NULL AND r.status <> 'MODERATION'
                  AND r.latitude IS NOT NULL AND r.submitted_at >= ?
                ORDER BY r.submitted_at DESC LIMIT ?""")
                .params(partnership.value(), timestamp(since), limit)
                .query((rs, n) -> new MapPoint(rs.getString("public_id"), rs.getString("name"),
                        ReportStatus.valueOf(rs.getString("status")), PublicReport.coarse(rs.getDouble("latitude")),
                        PublicReport.coarse(rs.getDouble("longitude")), instant(rs, "submitted_at")))
                .list();
    }

    /**
     * The open reports since then as the public may see them, newest first, in one district or all: those of the map
     * and those placed by address or district alone.
     */
    Page<ListedReport> openListed(PartnershipId partnership, DistrictId district, Instant since, Pageable pageable) {
        var conditions = """
                WHERE r.partnership_id = ? AND r.public_id IS NOT NULL AND r.closed_at IS NULL
                  AND r.status <> 'MODERATION' AND r.submitted_at >= ? AND (CAST(? AS uuid) IS NULL OR r.district_id = ?)""";
        var districtId = district == null ? null : district.value();
        var count = jdbc.sql("SELECT count(*) FROM reports_report r " + conditions)
                .params(partnership.value(), timestamp(since), districtId, districtId).query(Long.class).single();
        var content = jdbc.sql("""
                SELECT r.public_id, c.name AS category, r.status, d.name AS district, r.submitted_at
                FROM reports_report r JOIN reports_category c ON c.id = r.category_id
                LEFT JOIN partners_district d ON d.id = r.district_id
                """ + conditions
                + " ORDER BY r.submitted_at DESC, r.id LIMIT ? OFFSET ?")
                .params(partnership.value(), timestamp(since), districtId, districtId, pageable.getPageSize(),
                        pageable.getOffset())
                .query((rs, n) -> new ListedReport(rs.getString("public_id"), rs.getString("category"),
                        ReportStatus.valueOf(rs.getString("status")), rs.getString("district"),
                        instant(rs, "submitted_at")))
                .list();
        return new PageImpl<>(content, pageable, count);
    }

    void moderateText(ReportId id, TextModeration moderation, Instant now) {
        jdbc.sql("UPDATE reports_report SET text_moderation = ?, updated_at = ? WHERE id = ?")
                .params(moderation.name(), timestamp(now), id.value()).update();
    }

    /** Citizens' reports whose text nobody has looked at yet, oldest first. */
    Page<Report> pendingText(PartnershipId partnership, Pageable pageable) {
        return page("text_moderation = 'PENDING'", partnership, pageable);
    }

    /** Reports of moderated categories waiting for approval, oldest first. */
    Page<Report> inModeration(PartnershipId partnership, Pageable pageable) {
        return page("status = 'MODERATION'", partnership, pageable);
    }

    /** The partnership's reports that meet the condition, oldest first, one page of them and their count. */
    private Page<Report> page(String condition, PartnershipId partnership, Pageable pageable) {
        var where = " FROM reports_report WHERE partnership_id = ? AND " + condition;
        var count = jdbc.sql("SELECT count(*)" + where).param(partnership.value()).query(Long.class).single();
        var content = jdbc.sql("SELECT *" + where + " ORDER BY submitted_at, id LIMIT ? OFFSET ?")
                .params(partnership.value(), pageable.getPageSize(), pageable.getOffset()).query(REPORT).list();
        return new PageImpl<>(content, pageable, count);
    }

    PartnershipId partnershipOf(ReportId id) {
        return jdbc.sql("SELECT partnership_id FROM reports_report WHERE id = ?").param(id.value())
                .query((rs, n) -> new PartnershipId(rs.getObject(1, UUID.class))).single();
    }

    /** What the partnership keeps about a reporter with this e-mail address, oldest report first. */
    List<ReporterData.ReportOfReporter> ofReporter(PartnershipId partnership, String email) {
        return jdbc.sql("""
                SELECT r.id, r.public_id, r.submitted_at, c.name AS category, r.status, r.description, r.address,
                       r.latitude, r.longitude, r.reporter_name, r.reporter_email, r.reporter_phone, r.public_note,
                       r.closed_at, (SELECT count(*) FROM reports_photo p WHERE p.report_id = r.id) AS photos
                FROM reports_report r JOIN reports_category c ON c.id = r.category_id
                WHERE r.partnership_id = ? AND lower(r.reporter_email) = lower(?)
                ORDER BY r.submitted_at, r.id""")
                .params(partnership.value(), email)
                .query((rs, n) -> new ReporterData.ReportOfReporter(new ReportId(rs.getObject("id", UUID.class)),
                        rs.getString("public_id"), rs.getTimestamp("submitted_at").toInstant(),
                        rs.getString("category"), ReportStatus.valueOf(rs.getString("status")),
                        rs.getString("description"), rs.getString("address"),
                        (Double) rs.getObject("latitude"), (Double) rs.getObject("longitude"),
                        rs.getString("reporter_name"), rs.getString("reporter_email"), rs.getString("reporter_phone"),
                        rs.getString("public_note"),
                        rs.getTimestamp("closed_at") == null ? null : rs.getTimestamp("closed_at").toInstant(),
                        rs.getInt("photos")))
                .list();
    }

    /** Deletes name, e-mail and phone of every report of the partnership with this reporter e-mail address. */
    List<ReportId> deleteContactsOf(PartnershipId partnership, String email, Instant now) {
        return jdbc.sql("""
                UPDATE reports_report SET reporter_name = NULL, reporter_email = NULL, reporter_phone = NULL,
                       contact_deleted_at = ?
                WHERE partnership_id = ? AND lower(reporter_email) = lower(?)
                RETURNING id""")
                .params(timestamp(now), partnership.value(), email)
                .query((rs, n) -> new ReportId(rs.getObject(1, UUID.class))).list();
    }

    /** Deletes the contact data of reports closed before the cut-off; returns their ids. */
    List<ReportId> deleteContactsClosedBefore(Instant cutOff, Instant now) {
        return jdbc.sql("""
                UPDATE reports_report SET reporter_name = NULL, reporter_email = NULL, reporter_phone = NULL,
                       contact_deleted_at = ?
                WHERE closed_at < ? AND (reporter_name IS NOT NULL OR reporter_email IS NOT NULL OR reporter_phone IS NOT NULL)
                RETURNING id""")
                .params(timestamp(now), timestamp(cutOff))
                .query((rs, n) -> new ReportId(rs.getObject(1, UUID.class))).list();
    }

    private static <T> T optional(ResultSet rs, String column, java.util.function.Function<UUID, T> type)
            throws SQLException {
        var value = rs.getObject(column, UUID.class);
        return value == null ? null : type.apply(value);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}

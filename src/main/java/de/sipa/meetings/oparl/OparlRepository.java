package de.sipa.meetings.oparl;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.sipa.shared.PartnershipId;

/**
 * The public part of the meetings, read for OParl: confidential agenda items, their decisions and their files are
 * left out in every statement. Lists are walked in the stable order (created, id) from a cursor.
 */
@Repository
class OparlRepository {

    record MeetingRow(UUID id, UUID body, String title, Instant startsAt, Instant endsAt, String location,
            String status, Instant created, Instant modified) {
    }

    /** A public agenda item; its number counts the public items only, so it does not reveal confidential ones. */
    record ItemRow(UUID id, UUID meeting, int number, String title, Instant created, Instant modified) {
    }

    /** A decision, published as Paper with its Consultation; created when it was taken. */
    record DecisionRow(UUID id, UUID body, UUID meeting, UUID agendaItem, String reference, String wording,
            String vote, Instant decidedAt, Instant modified) {
    }

    /**
     * A file: the material of a public agenda item, or a meeting's invitation or approved minutes ({@code role}
     * {@code invitation}/{@code results-protocol}, made on request; {@code id} is then the meeting's id).
     */
    record FileRow(UUID id, UUID agendaItem, UUID meeting, String fileName, String contentType, int size, int version,
            Instant uploadedAt, String role, Instant modified, UUID listId, boolean deleted) {

        boolean material() {
            return role == null;
        }
    }

    record FileContent(FileRow file, byte[] content) {
    }

    /** A meeting of a body that is not confidential (a confidential body's meetings are not published at all). */
    private static final String PUBLIC_MEETING =
            "NOT EXISTS (SELECT 1 FROM partners_body b WHERE b.id = m.body_id AND b.confidential)";
    private static final String PUBLIC_ITEM = "NOT a.confidential AND NOT EXISTS (SELECT 1 FROM meetings_meeting pm "
            + "JOIN partners_body b ON b.id = pm.body_id WHERE pm.id = a.meeting_id AND b.confidential)";
    private static final String PUBLIC_DECISION = "(d.agenda_item_id IS NULL OR NOT EXISTS ("
            + "SELECT 1 FROM meetings_agenda_item c WHERE c.id = d.agenda_item_id AND c.confidential)) "
            + "AND NOT EXISTS (SELECT 1 FROM partners_body b WHERE b.id = d.body_id AND b.confidential)";

    private static final RowMapper<MeetingRow> MEETING = (rs, n) -> new MeetingRow(uuid(rs, "id"), uuid(rs, "body_id"),
            rs.getString("title"), instant(rs, "starts_at"), instant(rs, "ends_at"), rs.getString("location"),
            rs.getString("status"), instant(rs, "created_at"), instant(rs, "updated_at"));
    private static final RowMapper<ItemRow> ITEM = (rs, n) -> new ItemRow(uuid(rs, "id"), uuid(rs, "meeting_id"),
            rs.getInt("public_number"), rs.getString("title"), instant(rs, "created_at"), instant(rs, "updated_at"));
    /** The item's place among the public items of its meeting. */
    private static final String ITEM_COLUMNS = "a.*, (SELECT count(*) FROM meetings_agenda_item p WHERE "
            + "p.meeting_id = a.meeting_id AND NOT p.confidential AND p.position <= a.position) AS public_number";
    private static final RowMapper<DecisionRow> DECISION = (rs, n) -> new DecisionRow(uuid(rs, "id"),
            uuid(rs, "body_id"), uuid(rs, "meeting_id"), rs.getObject("agenda_item_id", UUID.class),
            rs.getString("reference"), rs.getString("wording"), rs.getString("vote"), instant(rs, "decided_at"),
            instant(rs, "updated_at"));
    private static final String FILE_COLUMNS = "f.id, f.agenda_item_id, a.meeting_id, f.file_name, f.content_type, "
            + "f.size, f.version, f.uploaded_at";
    private static final String PUBLIC_FILE = """
            SELECT %s FROM meetings_material f JOIN meetings_agenda_item a ON a.id = f.agenda_item_id
                                    JOIN meetings_meeting m ON m.id = a.meeting_id
             WHERE m.partnership_id = ? AND f.id = ? AND\s""" + PUBLIC_ITEM;
    private static final RowMapper<FileRow> FILE = (rs, n) -> new FileRow(uuid(rs, "id"), uuid(rs, "agenda_item_id"),
            uuid(rs, "meeting_id"), rs.getString("file_name"), rs.getString("content_type"), rs.getInt("size"),
            rs.getInt("version"), instant(rs, "uploaded_at"), null, instant(rs, "uploaded_at"), uuid(rs, "id"), false);
    /**
     * Every public file of the partnerships in one list: the material of public agenda items, each meeting's
     * invitation (unless cancelled) and approved minutes. The meeting's papers take a stable id of their own for
     * the list's order (created, id). A cancelled meeting's invitation is deleted.
     */
    private static final String ALL_FILES = """
            (SELECT f.id AS list_id, f.id, f.agenda_item_id, a.meeting_id, m.partnership_id, f.file_name,
                    f.content_type, f.size, f.version, f.uploaded_at AS created_at, f.uploaded_at AS updated_at,
                    NULL AS role, false AS deleted
               FROM meetings_material f JOIN meetings_agenda_item a ON a.id = f.agenda_item_id
                                        JOIN meetings_meeting m ON m.id = a.meeting_id
              WHERE NOT a.confidential AND %1$s
             UNION ALL
             SELECT md5(m.id || ':invitation')::uuid, m.id, NULL, m.id, m.partnership_id, NULL, 'application/pdf', 0, 1,
                    m.created_at, m.updated_at, 'invitation', m.status = 'CANCELLED'
               FROM meetings_meeting m WHERE %1$s
             UNION ALL
             SELECT md5(m.id || ':results-protocol')::uuid, m.id, NULL, m.id, m.partnership_id, NULL, 'application/pdf',
                    0, 1, m.created_at, m.updated_at, 'results-protocol', false
               FROM meetings_meeting m WHERE m.status = 'MINUTES_APPROVED' AND %1$s) f""".formatted(PUBLIC_MEETING);
    private static final RowMapper<FileRow> LISTED_FILE = (rs, n) -> new FileRow(uuid(rs, "id"),
            rs.getObject("agenda_item_id", UUID.class), uuid(rs, "meeting_id"), rs.getString("file_name"),
            rs.getString("content_type"), rs.getInt("size"), rs.getInt("version"), instant(rs, "created_at"),
            rs.getString("role"), instant(rs, "updated_at"), uuid(rs, "list_id"), rs.getBoolean("deleted"));

    private final JdbcClient jdbc;

    OparlRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    OparlSlice<MeetingRow> meetings(PartnershipId partnership, UUID body, OparlQuery query) {
        var list = new ListQuery("meetings_meeting m", "m.created_at", "m.updated_at", "m.id", query)
                .where("m.partnership_id = ?", partnership.value()).where(PUBLIC_MEETING);
        if (body != null) {
            list.where("m.body_id = ?", body);
        }
        return list.slice("m.*", MEETING, MeetingRow::created, MeetingRow::id);
    }

    /**
     * The meetings that have a place, for the list of Locations; syncing clients get those without a place too, as
     * their Location is deleted (it may have had one).
     */
    OparlSlice<MeetingRow> locations(PartnershipId partnership, OparlQuery query) {
        var list = new ListQuery("meetings_meeting m", "m.created_at", "m.updated_at", "m.id", query)
                .where("m.partnership_id = ?", partnership.value()).where(PUBLIC_MEETING);
        if (query.modifiedSince() == null) {
            list.where("m.location IS NOT NULL");
        }
        return list.slice("m.*", MEETING, MeetingRow::created, MeetingRow::id);
    }

    List<MeetingRow> meetings(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : jdbc.sql("SELECT * FROM meetings_meeting WHERE id = ANY(?)")
                .param(ids.toArray(UUID[]::new)).query(MEETING).list();
    }

    Optional<MeetingRow> meeting(PartnershipId partnership, UUID id) {
        return jdbc.sql("SELECT * FROM meetings_meeting m WHERE partnership_id = ? AND id = ? AND " + PUBLIC_MEETING)
                .params(partnership.value(), id).query(MEETING).optional();
    }

    OparlSlice<ItemRow> agendaItems(PartnershipId partnership, OparlQuery query) {
        return new ListQuery("meetings_agenda_item a JOIN meetings_meeting m ON m.id = a.meeting_id",
                "a.created_at", "a.updated_at", "a.id", query)
                .where("m.partnership_id = ?", partnership.value()).where(PUBLIC_ITEM)
                .slice(ITEM_COLUMNS, ITEM, ItemRow::created, ItemRow::id);
    }

    Optional<ItemRow> agendaItem(PartnershipId partnership, UUID id) {
        return jdbc.sql("""
                SELECT %s FROM meetings_agenda_item a JOIN meetings_meeting m ON m.id = a.meeting_id
                 WHERE m.partnership_id = ? AND a.id = ? AND %s""".formatted(ITEM_COLUMNS, PUBLIC_ITEM))
                .params(partnership.value(), id).query(ITEM).optional();
    }

    List<ItemRow> agendaOf(Collection<UUID> meetings) {
        return meetings.isEmpty() ? List.of() : jdbc.sql("""
                SELECT %s FROM meetings_agenda_item a
                 WHERE a.meeting_id = ANY(?) AND %s ORDER BY a.meeting_id, a.position""".formatted(ITEM_COLUMNS, PUBLIC_ITEM))
                .param(meetings.toArray(UUID[]::new)).query(ITEM).list();
    }

    OparlSlice<DecisionRow> decisions(PartnershipId partnership, OparlQuery query) {
        return new ListQuery("meetings_decision d", "d.decided_at", "d.updated_at", "d.id", query)
                .where("d.partnership_id = ?", partnership.value()).where(PUBLIC_DECISION)
                .slice("d.*", DECISION, DecisionRow::decidedAt, DecisionRow::id);
    }

    Optional<DecisionRow> decision(PartnershipId partnership, UUID id) {
        return jdbc.sql("SELECT d.* FROM meetings_decision d WHERE d.partnership_id = ? AND d.id = ? AND " + PUBLIC_DECISION)
                .params(partnership.value(), id).query(DECISION).optional();
    }

    /** Decisions on public agenda items, so no confidentiality check here. */
    List<DecisionRow> decisionsOn(Collection<UUID> publicAgendaItems) {
        return publicAgendaItems.isEmpty() ? List.of() : jdbc.sql(
                "SELECT d.* FROM meetings_decision d WHERE d.agenda_item_id = ANY(?) ORDER BY d.number")
                .param(publicAgendaItems.toArray(UUID[]::new)).query(DECISION).list();
    }

    OparlSlice<FileRow> files(PartnershipId partnership, OparlQuery query) {
        var list = new ListQuery(ALL_FILES, "f.created_at", "f.updated_at", "f.list_id", query)
                .where("f.partnership_id = ?", partnership.value());
        if (query.modifiedSince() == null) {
            list.where("NOT f.deleted");
        }
        return list.slice("f.*", LISTED_FILE, FileRow::uploadedAt, FileRow::listId);
    }

    /** A public file's description, without reading its content. */
    Optional<FileRow> file(PartnershipId partnership, UUID id) {
        return jdbc.sql(PUBLIC_FILE.formatted(FILE_COLUMNS)).params(partnership.value(), id).query(FILE).optional();
    }

    Optional<FileContent> fileContent(PartnershipId partnership, UUID id) {
        return jdbc.sql(PUBLIC_FILE.formatted(FILE_COLUMNS + ", f.content")).params(partnership.value(), id)
                .query((rs, n) -> new FileContent(FILE.mapRow(rs, n), rs.getBytes("content"))).optional();
    }

    List<FileRow> filesOf(Collection<UUID> agendaItems) {
        return agendaItems.isEmpty() ? List.of() : jdbc.sql("""
                SELECT %s FROM meetings_material f JOIN meetings_agenda_item a ON a.id = f.agenda_item_id
                 WHERE f.agenda_item_id = ANY(?) ORDER BY f.file_name, f.version""".formatted(FILE_COLUMNS))
                .param(agendaItems.toArray(UUID[]::new)).query(FILE).list();
    }

    /** Who was present, per meeting: OParl's participants. */
    List<UUID[]> presentAt(Collection<UUID> meetings) {
        return meetings.isEmpty() ? List.of() : jdbc.sql(
                "SELECT meeting_id, person_id FROM meetings_attendance WHERE meeting_id = ANY(?) AND status = 'PRESENT'")
                .param(meetings.toArray(UUID[]::new))
                .query((rs, n) -> new UUID[] {uuid(rs, "meeting_id"), uuid(rs, "person_id")}).list();
    }

    private static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    /** The filters every OParl list supports, the cursor, and the page size, over one table expression. */
    private final class ListQuery {

        private final String from;
        private final String created;
        private final String id;
        private final OparlQuery query;
        private final List<String> conditions = new ArrayList<>();
        private final List<Object> params = new ArrayList<>();

        ListQuery(String from, String created, String modified, String id, OparlQuery query) {
            this.from = from;
            this.created = created;
            this.id = id;
            this.query = query;
            condition(created + " >= ?", query.createdSince());
            condition(created + " < ?", query.createdUntil());
            condition(modified + " >= ?", query.modifiedSince());
            condition(modified + " < ?", query.modifiedUntil());
        }

        ListQuery where(String condition, Object... values) {
            conditions.add(condition);
            params.addAll(List.of(values));
            return this;
        }

        private void condition(String condition, Instant value) {
            if (value != null) {
                where(condition, java.sql.Timestamp.from(value));
            }
        }

        <T> OparlSlice<T> slice(String columns, RowMapper<T> mapper, Function<T, Instant> createdOf, Function<T, UUID> idOf) {
            var where = " WHERE " + String.join(" AND ", conditions);
            // Counting all matches costs more than the page itself on long lists: the first page says it, once.
            Long total = query.after() != null ? null
                    : jdbc.sql("SELECT count(*) FROM " + from + where).params(params).query(Long.class).single();
            var pageConditions = new ArrayList<>(params);
            var pageWhere = where;
            if (query.after() != null) {
                pageWhere += " AND (" + created + ", " + id + ") > (?, ?)";
                pageConditions.add(java.sql.Timestamp.from(query.after().created()));
                pageConditions.add(query.after().id());
            }
            pageConditions.add(query.limit() + 1);
            var rows = jdbc.sql("SELECT " + columns + " FROM " + from + pageWhere
                    + " ORDER BY " + created + ", " + id + " LIMIT ?").params(pageConditions).query(mapper).list();
            if (rows.size() <= query.limit()) {
                return new OparlSlice<>(rows, null, total);
            }
            var page = rows.subList(0, query.limit());
            var last = page.get(page.size() - 1);
            return new OparlSlice<>(List.copyOf(page), new OparlQuery.Cursor(createdOf.apply(last), idOf.apply(last)), total);
        }
    }
}

package de.sipa.places;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.sipa.shared.PartnershipId;

@Repository
class MeasureLinkRepository {

    /** A link as stored, before its title is read from its module. */
    record Stored(UUID id, MeasureId measure, MeasureLinkKind kind, UUID target, UUID meeting) {
    }

    /** An agenda item's link to a place as stored. */
    record StoredAgendaLink(UUID id, PlaceId place, UUID meeting, UUID agendaItem) {
    }

    private final JdbcClient jdbc;

    MeasureLinkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The links of all measures of a place. */
    List<Stored> ofPlace(PartnershipId partnership, PlaceId place) {
        return jdbc.sql("""
                SELECT l.id, l.measure_id, l.kind, l.target, l.meeting_id FROM places_measure_link l
                JOIN places_measure m ON m.id = l.measure_id
                WHERE m.partnership_id = ? AND m.place_id = ? ORDER BY l.created_at""")
                .params(partnership.value(), place.value())
                .query((rs, n) -> new Stored(rs.getObject(1, UUID.class), new MeasureId(rs.getObject(2, UUID.class)),
                        MeasureLinkKind.valueOf(rs.getString(3)), rs.getObject(4, UUID.class),
                        rs.getObject(5, UUID.class)))
                .list();
    }

    /** Whether it was new. */
    boolean insert(Stored link, Instant now) {
        return jdbc.sql("""
                INSERT INTO places_measure_link (id, measure_id, kind, target, meeting_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(link.id(), link.measure().value(), link.kind().name(), link.target(), link.meeting(),
                        Timestamp.from(now))
                .update() == 1;
    }

    void delete(MeasureId measure, UUID link) {
        jdbc.sql("DELETE FROM places_measure_link WHERE measure_id = ? AND id = ?").params(measure.value(), link)
                .update();
    }

    List<StoredAgendaLink> agendaLinks(PartnershipId partnership, PlaceId place) {
        return jdbc.sql("""
                SELECT a.id, a.place_id, a.meeting_id, a.agenda_item FROM places_agenda_link a
                JOIN places_place p ON p.id = a.place_id
                WHERE p.partnership_id = ? AND a.place_id = ? ORDER BY a.created_at""")
                .params(partnership.value(), place.value())
                .query((rs, n) -> new StoredAgendaLink(rs.getObject(1, UUID.class),
                        new PlaceId(rs.getObject(2, UUID.class)), rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class)))
                .list();
    }

    boolean insertAgendaLink(StoredAgendaLink link, Instant now) {
        return jdbc.sql("""
                INSERT INTO places_agenda_link (id, place_id, meeting_id, agenda_item, created_at)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(link.id(), link.place().value(), link.meeting(), link.agendaItem(), Timestamp.from(now))
                .update() == 1;
    }

    void deleteAgendaLink(PlaceId place, UUID link) {
        jdbc.sql("DELETE FROM places_agenda_link WHERE place_id = ? AND id = ?").params(place.value(), link).update();
    }
}

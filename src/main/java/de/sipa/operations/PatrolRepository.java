package de.sipa.operations;

import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.sipa.partners.DistrictId;
import de.sipa.partners.PersonId;
import de.sipa.shared.OrganisationId;
import de.sipa.shared.PartnershipId;

@Repository
class PatrolRepository {

    private static final RowMapper<PatrolArea> AREA = (rs, n) -> {
        var district = rs.getObject("district_id", UUID.class);
        return new PatrolArea(new PatrolAreaId(rs.getObject("id", UUID.class)), rs.getString("name"),
                district == null ? null : new DistrictId(district), rs.getString("geometry"));
    };

    private static final RowMapper<Patrol> PATROL = (rs, n) -> new Patrol(new PatrolId(rs.getObject("id", UUID.class)),
            new PatrolPlanId(rs.getObject("plan_id", UUID.class)), rs.getDate("day").toLocalDate(),
            rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
            rs.getBoolean("cancelled"));

    private static final RowMapper<PatrolDuty> DUTY = (rs, n) -> new PatrolDuty(
            new PatrolId(rs.getObject("patrol_id", UUID.class)), new PersonId(rs.getObject("person_id", UUID.class)),
            new OrganisationId(rs.getObject("organisation_id", UUID.class)));

    private final JdbcClient jdbc;

    PatrolRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<PatrolArea> areas(PartnershipId partnership) {
        return jdbc.sql("SELECT * FROM operations_patrol_area WHERE partnership_id = ? ORDER BY name")
                .param(partnership.value()).query(AREA).list();
    }

    Optional<PatrolArea> area(PartnershipId partnership, PatrolAreaId id) {
        return jdbc.sql("SELECT * FROM operations_patrol_area WHERE partnership_id = ? AND id = ?")
                .params(partnership.value(), id.value()).query(AREA).optional();
    }

    void insertArea(PartnershipId partnership, PatrolArea area, Instant now) {
        jdbc.sql("""
                INSERT INTO operations_patrol_area (id, partnership_id, district_id, name, geometry, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(area.id().value(), partnership.value(), area.district() == null ? null : area.district().value(),
                        area.name(), area.geometry(), Timestamp.from(now))
                .update();
    }

    /** A renamed area changes the events of the patrols that walk it: a new revision of each. */
    void updateArea(PartnershipId partnership, PatrolArea area) {
        var renamed = jdbc.sql("SELECT name FROM operations_patrol_area WHERE partnership_id = ? AND id = ?")
                .params(partnership.value(), area.id().value()).query(String.class).optional()
                .filter(name -> !name.equals(area.name())).isPresent();
        if (renamed) {
            jdbc.sql("""
                    UPDATE operations_patrol SET sequence = sequence + 1, modified_at = now()
                    WHERE plan_id IN (SELECT plan_id FROM operations_patrol_plan_area WHERE area_id = ?)""")
                    .param(area.id().value()).update();
        }
        jdbc.sql("""
                UPDATE operations_patrol_area SET district_id = ?, name = ?, geometry = ?
                WHERE partnership_id = ? AND id = ?""")
                .params(area.district() == null ? null : area.district().value(), area.name(), area.geometry(),
                        partnership.value(), area.id().value())
                .update();
    }

    /** All plans with their areas and staffing, in three statements. */
    List<PatrolPlan> plans(PartnershipId partnership) {
        var areas = new HashMap<UUID, List<PatrolAreaId>>();
        jdbc.sql("""
                SELECT pa.plan_id, pa.area_id FROM operations_patrol_plan_area pa
                JOIN operations_patrol_plan p ON p.id = pa.plan_id WHERE p.partnership_id = ? ORDER BY pa.position""")
                .param(partnership.value()).query((rs, n) -> {
                    areas.computeIfAbsent(rs.getObject("plan_id", UUID.class), k -> new ArrayList<>())
                            .add(new PatrolAreaId(rs.getObject("area_id", UUID.class)));
                    return null;
                }).list();
        var staffing = new HashMap<UUID, List<Staffing>>();
        jdbc.sql("""
                SELECT s.* FROM operations_patrol_staffing s
                JOIN operations_patrol_plan p ON p.id = s.plan_id WHERE p.partnership_id = ?""")
                .param(partnership.value()).query((rs, n) -> {
                    staffing.computeIfAbsent(rs.getObject("plan_id", UUID.class), k -> new ArrayList<>())
                            .add(new Staffing(new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                                    rs.getInt("required")));
                    return null;
                }).list();
        return jdbc.sql("SELECT * FROM operations_patrol_plan WHERE partnership_id = ? ORDER BY valid_from DESC, name")
                .param(partnership.value()).query((rs, n) -> {
                    var id = rs.getObject("id", UUID.class);
                    var weekdays = Arrays.stream(rs.getString("weekdays").split(",")).map(Integer::parseInt)
                            .map(DayOfWeek::of).collect(Collectors.toSet());
                    var schedule = new PatrolSchedule(weekdays, rs.getTime("starts_at").toLocalTime(),
                            rs.getTime("ends_at").toLocalTime(), rs.getDate("valid_from").toLocalDate(),
                            rs.getDate("valid_until").toLocalDate(), rs.getBoolean("skip_holidays"));
                    return new PatrolPlan(new PatrolPlanId(id), rs.getString("name"), schedule,
                            areas.getOrDefault(id, List.of()), staffing.getOrDefault(id, List.of()));
                }).list();
    }

    void insertPlan(PartnershipId partnership, PatrolPlan plan, Instant now) {
        var schedule = plan.schedule();
        jdbc.sql("""
                INSERT INTO operations_patrol_plan (id, partnership_id, name, weekdays, starts_at, ends_at, valid_from,
                                                    valid_until, skip_holidays, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(plan.id().value(), partnership.value(), plan.name(), weekdays(schedule),
                        Time.valueOf(schedule.startsAt()), Time.valueOf(schedule.endsAt()),
                        Date.valueOf(schedule.validFrom()), Date.valueOf(schedule.validUntil()),
                        schedule.skipHolidays(), Timestamp.from(now))
                .update();
        insertAreasAndStaffing(plan);
    }

    /** Replaces the plan's name, schedule, areas and staffing (its patrols are the caller's business). */
    void updatePlan(PartnershipId partnership, PatrolPlan plan) {
        var schedule = plan.schedule();
        jdbc.sql("""
                UPDATE operations_patrol_plan SET name = ?, weekdays = ?, starts_at = ?, ends_at = ?, valid_from = ?,
                       valid_until = ?, skip_holidays = ?
                WHERE partnership_id = ? AND id = ?""")
                .params(plan.name(), weekdays(schedule), Time.valueOf(schedule.startsAt()),
                        Time.valueOf(schedule.endsAt()), Date.valueOf(schedule.validFrom()),
                        Date.valueOf(schedule.validUntil()), schedule.skipHolidays(), partnership.value(),
                        plan.id().value())
                .update();
        jdbc.sql("DELETE FROM operations_patrol_plan_area WHERE plan_id = ?").param(plan.id().value()).update();
        jdbc.sql("DELETE FROM operations_patrol_staffing WHERE plan_id = ?").param(plan.id().value()).update();
        insertAreasAndStaffing(plan);
    }

    private void insertAreasAndStaffing(PatrolPlan plan) {
        for (int i = 0; i < plan.areas().size(); i++) {
            jdbc.sql("INSERT INTO operations_patrol_plan_area (plan_id, area_id, position) VALUES (?, ?, ?)")
                    .params(plan.id().value(), plan.areas().get(i).value(), i).update();
        }
        for (var staffing : plan.staffing()) {
            jdbc.sql("INSERT INTO operations_patrol_staffing (plan_id, organisation_id, required) VALUES (?, ?, ?)")
                    .params(plan.id().value(), staffing.organisation().value(), staffing.required()).update();
        }
    }

    private static String weekdays(PatrolSchedule schedule) {
        return schedule.weekdays().stream().map(DayOfWeek::getValue).sorted().map(String::valueOf)
                .collect(Collectors.joining(","));
    }

    void insertPatrol(PartnershipId partnership, Patrol patrol) {
        jdbc.sql("""
                INSERT INTO operations_patrol (id, partnership_id, plan_id, day, starts_at, ends_at, cancelled)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(patrol.id().value(), partnership.value(), patrol.plan().value(), Date.valueOf(patrol.day()),
                        Timestamp.from(patrol.startsAt()), Timestamp.from(patrol.endsAt()), patrol.cancelled())
                .update();
    }

    Optional<Patrol> patrol(PartnershipId partnership, PatrolId id) {
        return jdbc.sql("SELECT * FROM operations_patrol WHERE partnership_id = ? AND id = ?")
                .params(partnership.value(), id.value()).query(PATROL).optional();
    }

    void cancel(PartnershipId partnership, PatrolId id) {
        jdbc.sql("""
                UPDATE operations_patrol SET cancelled = TRUE, sequence = sequence + 1, modified_at = now()
                WHERE partnership_id = ? AND id = ? AND NOT cancelled""")
                .params(partnership.value(), id.value()).update();
    }

    /** The plan's patrols from a day on that still take place, earliest first. */
    List<Patrol> patrolsOfPlan(PartnershipId partnership, PatrolPlanId plan, LocalDate from) {
        return jdbc.sql("""
                SELECT * FROM operations_patrol WHERE partnership_id = ? AND plan_id = ? AND day >= ? AND NOT cancelled
                ORDER BY starts_at""")
                .params(partnership.value(), plan.value(), Date.valueOf(from)).query(PATROL).list();
    }

    /** Moves a patrol to the plan that continues its own (its bookings go with it). */
    void movePatrol(PartnershipId partnership, PatrolId patrol, PatrolPlanId plan) {
        jdbc.sql("""
                UPDATE operations_patrol SET plan_id = ?, sequence = sequence + 1, modified_at = now()
                WHERE partnership_id = ? AND id = ?""")
                .params(plan.value(), partnership.value(), patrol.value()).update();
    }

    /** Deletes a patrol nobody has written anything about; false if someone has (it is kept). */
    boolean deleteUnrecorded(PartnershipId partnership, PatrolId patrol) {
        return jdbc.sql("""
                DELETE FROM operations_patrol p WHERE p.partnership_id = ? AND p.id = ?
                  AND NOT EXISTS (SELECT 1 FROM operations_patrol_observation o WHERE o.patrol_id = p.id)
                  AND NOT EXISTS (SELECT 1 FROM operations_patrol_report r WHERE r.patrol_id = p.id)""")
                .params(partnership.value(), patrol.value()).update() == 1;
    }

    /** The partnerships with patrols that start in [from, to): for SiPa's own jobs, which act for one at a time. */
    List<PartnershipId> partnershipsWithPatrols(Instant from, Instant to) {
        return jdbc.sql("""
                SELECT DISTINCT partnership_id FROM operations_patrol WHERE starts_at >= ? AND starts_at < ?
                  AND NOT cancelled""")
                .params(Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> new PartnershipId(rs.getObject(1, UUID.class))).list();
    }

    /** Patrols that start in [from, to), earliest first. */
    List<Patrol> patrols(PartnershipId partnership, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT * FROM operations_patrol WHERE partnership_id = ? AND starts_at >= ? AND starts_at < ?
                ORDER BY starts_at, id""")
                .params(partnership.value(), Timestamp.from(from), Timestamp.from(to)).query(PATROL).list();
    }

    /** The duties on the patrols that start in [from, to), by patrol. */
    Map<PatrolId, List<PatrolDuty>> duties(PartnershipId partnership, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT d.* FROM operations_patrol_duty d JOIN operations_patrol p ON p.id = d.patrol_id
                WHERE p.partnership_id = ? AND p.starts_at >= ? AND p.starts_at < ? ORDER BY d.assigned_at""")
                .params(partnership.value(), Timestamp.from(from), Timestamp.from(to)).query(DUTY).stream()
                .collect(Collectors.groupingBy(PatrolDuty::patrol));
    }

    Map<PatrolId, List<PatrolDuty>> duties(List<PatrolId> patrols) {
        return jdbc.sql("SELECT * FROM operations_patrol_duty WHERE patrol_id = ANY(?) ORDER BY assigned_at")
                .param(patrols.stream().map(PatrolId::value).toArray(UUID[]::new)).query(DUTY).stream()
                .collect(Collectors.groupingBy(PatrolDuty::patrol));
    }

    List<PatrolDuty> duties(PatrolId patrol) {
        return jdbc.sql("SELECT * FROM operations_patrol_duty WHERE patrol_id = ? ORDER BY assigned_at")
                .param(patrol.value()).query(DUTY).list();
    }

    /** The person's patrols (not cancelled) that overlap the period, except one. */
    List<Patrol> overlapping(PartnershipId partnership, PersonId person, Instant from, Instant to, PatrolId except) {
        return jdbc.sql("""
                SELECT p.* FROM operations_patrol p JOIN operations_patrol_duty d ON d.patrol_id = p.id
                WHERE p.partnership_id = ? AND d.person_id = ? AND p.id <> ? AND NOT p.cancelled
                  AND p.starts_at < ? AND p.ends_at > ? ORDER BY p.starts_at""")
                .params(partnership.value(), person.value(), except.value(), Timestamp.from(to), Timestamp.from(from))
                .query(PATROL).list();
    }

    /** Serialises bookings on one patrol, so that two people cannot both take its last slot. */
    void lockPatrol(PartnershipId partnership, PatrolId patrol) {
        jdbc.sql("SELECT id FROM operations_patrol WHERE partnership_id = ? AND id = ? FOR UPDATE")
                .params(partnership.value(), patrol.value()).query((rs, n) -> null).list();
    }

    /**
     * Serialises duty changes of one person (an advisory lock until the transaction ends), so that two organisations
     * booking the same person at the same moment cannot both pass the overlap check.
     */
    void lockPerson(PersonId person) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))").param(person.value().toString())
                .query((rs, n) -> null).list();
    }

    void insertDuty(PatrolDuty duty, String by, Instant now) {
        jdbc.sql("""
                INSERT INTO operations_patrol_duty (patrol_id, person_id, organisation_id, assigned_by, assigned_at)
                VALUES (?, ?, ?, ?, ?)""")
                .params(duty.patrol().value(), duty.person().value(), duty.organisation().value(), by,
                        Timestamp.from(now))
                .update();
        revised(duty.patrol());
    }

    void deleteDuty(PatrolId patrol, PersonId person) {
        if (jdbc.sql("DELETE FROM operations_patrol_duty WHERE patrol_id = ? AND person_id = ?")
                .params(patrol.value(), person.value()).update() > 0) {
            revised(patrol);
        }
    }

    /** The crew shown in the patrol's calendar event changed: a new revision (SEQUENCE, LAST-MODIFIED). */
    private void revised(PatrolId patrol) {
        jdbc.sql("UPDATE operations_patrol SET sequence = sequence + 1, modified_at = now() WHERE id = ?")
                .param(patrol.value()).update();
    }

    /** How often each patrol's calendar event changed and when last, by patrol. */
    Map<PatrolId, PatrolRevision> revisions(List<PatrolId> patrols) {
        var revisions = new HashMap<PatrolId, PatrolRevision>();
        jdbc.sql("SELECT id, sequence, modified_at FROM operations_patrol WHERE id = ANY(?)")
                .param(patrols.stream().map(PatrolId::value).toArray(UUID[]::new))
                .query(rs -> {
                    revisions.put(new PatrolId(rs.getObject(1, UUID.class)),
                            new PatrolRevision(rs.getInt(2), rs.getTimestamp(3).toInstant()));
                });
        return revisions;
    }

    /** Ends the secret link of the person's patrol calendar. */
    void forgetFeed(PersonId person) {
        jdbc.sql("DELETE FROM operations_patrol_feed WHERE person_id = ?").param(person.value()).update();
    }

    /** The person's patrols from the given moment on (cancelled ones too, so calendars drop them). */
    List<Patrol> patrolsOf(PartnershipId partnership, PersonId person, Instant since) {
        return jdbc.sql("""
                SELECT p.* FROM operations_patrol p JOIN operations_patrol_duty d ON d.patrol_id = p.id
                WHERE p.partnership_id = ? AND d.person_id = ? AND p.ends_at >= ? ORDER BY p.starts_at""")
                .params(partnership.value(), person.value(), Timestamp.from(since)).query(PATROL).list();
    }
}

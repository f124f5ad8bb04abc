package de.sipa.operations;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.sipa.operations.DeploymentPlan.Approval;
import de.sipa.operations.DeploymentPlan.ChecklistItem;
import de.sipa.operations.DeploymentPlan.Contact;
import de.sipa.operations.DeploymentPlan.Phase;
import de.sipa.operations.DeploymentPlan.Section;
import de.sipa.operations.DeploymentPlan.Task;
import de.sipa.operations.DeploymentPlan.Version;
import de.sipa.partners.PersonId;
import de.sipa.shared.OrganisationId;
import de.sipa.shared.PartnershipId;

@Repository
class DeploymentPlanRepository {

    private static final RowMapper<Version> VERSION = (rs, n) -> new Version(rs.getObject("id", UUID.class),
            new EventId(rs.getObject("event_id", UUID.class)), rs.getInt("number"),
            PlanStatus.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant(),
            rs.getString("created_by"), instant(rs.getTimestamp("submitted_at")),
            instant(rs.getTimestamp("approved_at")));

    private final JdbcClient jdbc;

    DeploymentPlanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Version> versions(PartnershipId partnership, EventId event) {
        return jdbc.sql("SELECT * FROM operations_plan_version WHERE partnership_id = ? AND event_id = ? ORDER BY number")
                .params(partnership.value(), event.value()).query(VERSION).list();
    }

    /** The organisations with a section or a task in the event's newest version. */
    Set<OrganisationId> involved(PartnershipId partnership, EventId event) {
        return new HashSet<>(jdbc.sql("""
                WITH latest AS (SELECT id FROM operations_plan_version WHERE partnership_id = ? AND event_id = ?
                                ORDER BY number DESC LIMIT 1)
                SELECT organisation_id FROM operations_plan_section WHERE version_id = (SELECT id FROM latest)
                UNION SELECT organisation_id FROM operations_plan_task WHERE version_id = (SELECT id FROM latest)""")
                .params(partnership.value(), event.value())
                .query((rs, n) -> new OrganisationId(rs.getObject(1, UUID.class))).list());
    }

    /**
     * The newest version, locked so that two edits of an approved plan do not both start a new version; the event's
     * row is locked first, so that neither do two first edits of an event without a plan.
     */
    Optional<Version> lockLatest(PartnershipId partnership, EventId event) {
        jdbc.sql("SELECT id FROM operations_event WHERE partnership_id = ? AND id = ? FOR UPDATE")
                .params(partnership.value(), event.value()).query(UUID.class).optional();
        return jdbc.sql("""
                SELECT * FROM operations_plan_version WHERE partnership_id = ? AND event_id = ?
                ORDER BY number DESC LIMIT 1 FOR UPDATE""")
                .params(partnership.value(), event.value()).query(VERSION).optional();
    }

    Version insertVersion(PartnershipId partnership, EventId event, int number, String author, Instant now) {
        var version = new Version(UUID.randomUUID(), event, number, PlanStatus.DRAFT, now, author, null, null);
        jdbc.sql("""
                INSERT INTO operations_plan_version (id, partnership_id, event_id, number, status, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(version.id(), partnership.value(), event.value(), number, version.status().name(),
                        Timestamp.from(now), author)
                .update();
        return version;
    }

    /** Copies all entries of one version into another; phases move by {@code shift} (zero within one event). */
    void copyEntries(UUID from, UUID to, Duration shift) {
        jdbc.sql("""
                INSERT INTO operations_plan_section (version_id, id, position, name, description, organisation_id, lead_id)
                SELECT ?, id, position, name, description, organisation_id, lead_id
                FROM operations_plan_section WHERE version_id = ?""").params(to, from).update();
        jdbc.sql("""
                INSERT INTO operations_plan_task (version_id, id, position, organisation_id, category, title, section)
                SELECT ?, id, position, organisation_id, category, title, section
                FROM operations_plan_task WHERE version_id = ?""").params(to, from).update();
        jdbc.sql("""
                INSERT INTO operations_plan_contact (version_id, id, position, organisation_id, name, function, phone,
                                                     radio_channel)
                SELECT ?, id, position, organisation_id, name, function, phone, radio_channel
                FROM operations_plan_contact WHERE version_id = ?""").params(to, from).update();
        jdbc.sql("""
                INSERT INTO operations_plan_phase (version_id, id, name, starts_at, ends_at, description)
                SELECT ?, id, name, starts_at + make_interval(secs => ?), ends_at + make_interval(secs => ?), description
                FROM operations_plan_phase WHERE version_id = ?""")
                .params(to, (double) shift.toSeconds(), (double) shift.toSeconds(), from).update();
    }

    void copyChecklist(UUID from, UUID to) {
        jdbc.sql("""
                INSERT INTO operations_plan_checklist (version_id, id, position, text, source, done)
                SELECT ?, id, position, text, source, done FROM operations_plan_checklist WHERE version_id = ?""")
                .params(to, from).update();
    }

    void setStatus(UUID version, PlanStatus status, Instant now) {
        var column = switch (status) {
            case SUBMITTED -> ", submitted_at = :now, approved_at = NULL";
            case APPROVED -> ", approved_at = :now";
            case DRAFT -> ", submitted_at = NULL, approved_at = NULL";
        };
        jdbc.sql("UPDATE operations_plan_version SET status = :status" + column + " WHERE id = :id")
                .param("status", status.name()).param("now", Timestamp.from(now)).param("id", version).update();
    }

    DeploymentPlan load(Version version) {
        var id = version.id();
        var sections = jdbc.sql("SELECT * FROM operations_plan_section WHERE version_id = ? ORDER BY position")
                .param(id).query((rs, n) -> {
                    var lead = rs.getObject("lead_id", UUID.class);
                    return new Section(rs.getObject("id", UUID.class), rs.getString("name"),
                            rs.getString("description"), organisation(rs.getObject("organisation_id", UUID.class)),
                            lead == null ? null : new PersonId(lead));
                }).list();
        var tasks = jdbc.sql("SELECT * FROM operations_plan_task WHERE version_id = ? ORDER BY position")
                .param(id).query((rs, n) -> new Task(rs.getObject("id", UUID.class),
                        organisation(rs.getObject("organisation_id", UUID.class)),
                        TaskCategory.valueOf(rs.getString("category")), rs.getString("title"), rs.getString("section")))
                .list();
        var contacts = jdbc.sql("SELECT * FROM operations_plan_contact WHERE version_id = ? ORDER BY position")
                .param(id).query((rs, n) -> new Contact(rs.getObject("id", UUID.class),
                        organisation(rs.getObject("organisation_id", UUID.class)), rs.getString("name"),
                        rs.getString("function"), rs.getString("phone"), rs.getString("radio_channel")))
                .list();
        var phases = jdbc.sql("SELECT * FROM operations_plan_phase WHERE version_id = ? ORDER BY starts_at, name")
                .param(id).query((rs, n) -> new Phase(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
                        rs.getString("description")))
                .list();
        var checklist = jdbc.sql("SELECT * FROM operations_plan_checklist WHERE version_id = ? ORDER BY position")
                .param(id).query((rs, n) -> new ChecklistItem(rs.getObject("id", UUID.class), rs.getString("text"),
                        rs.getString("source"), rs.getBoolean("done")))
                .list();
        var approvals = jdbc.sql("SELECT * FROM operations_plan_approval WHERE version_id = ? ORDER BY approved_at")
                .param(id).query((rs, n) -> new Approval(organisation(rs.getObject("organisation_id", UUID.class)),
                        rs.getString("approved_by"), rs.getTimestamp("approved_at").toInstant()))
                .list();
        return new DeploymentPlan(version, sections, tasks, contacts, phases, checklist, approvals);
    }

    void insertSection(UUID version, Section section) {
        jdbc.sql("""
                INSERT INTO operations_plan_section (version_id, id, position, name, description, organisation_id, lead_id)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(version, section.id(), nextPosition(PlanPart.SECTION, version), section.name(),
                        section.description(), section.organisation().value(),
                        section.lead() == null ? null : section.lead().value())
                .update();
    }

    void insertTask(UUID version, Task task) {
        jdbc.sql("""
                INSERT INTO operations_plan_task (version_id, id, position, organisation_id, category, title, section)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(version, task.id(), nextPosition(PlanPart.TASK, version), task.organisation().value(),
                        task.category().name(), task.title(), task.section())
                .update();
    }

    void insertContact(UUID version, Contact contact) {
        jdbc.sql("""
                INSERT INTO operations_plan_contact (version_id, id, position, organisation_id, name, function, phone,
                                                     radio_channel)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(version, contact.id(), nextPosition(PlanPart.CONTACT, version),
                        contact.organisation() == null ? null : contact.organisation().value(), contact.name(),
                        contact.function(), contact.phone(), contact.radioChannel())
                .update();
    }

    void insertPhase(UUID version, Phase phase) {
        jdbc.sql("""
                INSERT INTO operations_plan_phase (version_id, id, name, starts_at, ends_at, description)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(version, phase.id(), phase.name(), Timestamp.from(phase.startsAt()),
                        Timestamp.from(phase.endsAt()), phase.description())
                .update();
    }

    void insertChecklistItem(UUID version, String text, String source) {
        jdbc.sql("""
                INSERT INTO operations_plan_checklist (version_id, id, position, text, source)
                VALUES (?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM operations_plan_checklist WHERE version_id = ?),
                        ?, ?)""")
                .params(version, UUID.randomUUID(), version, text, source).update();
    }

    boolean remove(UUID version, PlanPart part, UUID id) {
        return jdbc.sql("DELETE FROM " + part.table + " WHERE version_id = ? AND id = ?").params(version, id)
                .update() > 0;
    }

    boolean checkOff(UUID version, UUID item, boolean done) {
        return jdbc.sql("UPDATE operations_plan_checklist SET done = ? WHERE version_id = ? AND id = ?")
                .params(done, version, item).update() > 0;
    }

    void approve(UUID version, OrganisationId organisation, String by, Instant now) {
        jdbc.sql("""
                INSERT INTO operations_plan_approval (version_id, organisation_id, approved_by, approved_at)
                VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(version, organisation.value(), by, Timestamp.from(now)).update();
    }

    void clearApprovals(UUID version) {
        jdbc.sql("DELETE FROM operations_plan_approval WHERE version_id = ?").param(version).update();
    }

    private int nextPosition(PlanPart part, UUID version) {
        return jdbc.sql("SELECT COALESCE(MAX(position), 0) + 1 FROM " + part.table + " WHERE version_id = ?")
                .param(version).query(Integer.class).single();
    }

    private static OrganisationId organisation(UUID id) {
        return id == null ? null : new OrganisationId(id);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

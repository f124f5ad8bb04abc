package de.sipa.operations;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.partners.DistrictId;
import de.sipa.partners.Organisations;
import de.sipa.partners.Partnerships;
import de.sipa.partners.People;
import de.sipa.partners.Person;
import de.sipa.partners.PersonId;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.OrganisationId;
import de.sipa.shared.RuleViolationException;

/**
 * Joint patrols: the areas, the recurring plans, the patrols they expand into, and the organisations filling their
 * slots with their own people.
 */
@Service
@Transactional
public class Patrols {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final PatrolRepository patrols;
    private final Partnerships partnerships;
    private final Organisations organisations;
    private final People people;
    private final AuditTrail auditTrail;
    private final Clock clock;

    Patrols(PatrolRepository patrols, Partnerships partnerships, Organisations organisations, People people,
            AuditTrail auditTrail, Clock clock) {
        this.patrols = patrols;
        this.partnerships = partnerships;
        this.organisations = organisations;
        this.people = people;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    @PreAuthorize(OperationPermissions.READ)
    @Transactional(readOnly = true)
    public List<PatrolArea> areas() {
        return patrols.areas(CurrentUser.partnership());
    }

    @PreAuthorize(OperationPermissions.READ)
    @Transactional(readOnly = true)
    public PatrolArea area(PatrolAreaId id) {
        return patrols.area(CurrentUser.partnership(), id).orElseThrow(() -> new NotFoundException("PatrolArea", id));
    }

    /** A new area from a drawn or pasted GeoJSON polygon or route. */
    @PreAuthorize(OperationPermissions.PLAN)
    public PatrolAreaId createArea(String name, DistrictId district, String geometry) {
        var area = checkedArea(PatrolAreaId.random(), name, district, geometry);
        patrols.insertArea(CurrentUser.partnership(), area, clock.instant());
        auditTrail.record(AuditAction.CREATED, "PatrolArea", area.id(), "Streifengebiet " + area.name());
        return area.id();
    }

    @PreAuthorize(OperationPermissions.PLAN)
    public void changeArea(PatrolAreaId id, String name, DistrictId district, String geometry) {
        area(id);
        var area = checkedArea(id, name, district, geometry);
        patrols.updateArea(CurrentUser.partnership(), area);
        auditTrail.record(AuditAction.CHANGED, "PatrolArea", id, "Streifengebiet " + area.name());
    }

    @PreAuthorize(OperationPermissions.READ)
    @Transactional(readOnly = true)
    public List<PatrolPlan> plans() {
        return patrols.plans(CurrentUser.partnership());
    }

    @PreAuthorize(OperationPermissions.READ)
    @Transactional(readOnly = true)
    public PatrolPlan plan(PatrolPlanId id) {
        return plans().stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("PatrolPlan", id));
    }

    /** Plans a joint patrol and creates its patrols, one per day of the schedule. */
    @PreAuthorize(OperationPermissions.PLAN)
    public PatrolPlanId planJointPatrol(String name, PatrolSchedule schedule, List<PatrolAreaId> areas,
            List<Staffing> staffing) {
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            throw new RuleViolationException("patrolPlan.name.invalid");
        }
        if (areas == null || areas.isEmpty()) {
            throw new RuleViolationException("patrolPlan.areas.required");
        }
        areas.forEach(this::area);
        var crews = staffing == null ? List.<Staffing>of() : staffing.stream().filter(s -> s.required() > 0).toList();
        if (crews.size() < 2) {
            throw new RuleViolationException("patrolPlan.staffing.joint");
        }
        crews.forEach(s -> organisations.get(s.organisation()));
        var partnership = CurrentUser.partnership();
        var plan = new PatrolPlan(PatrolPlanId.random(), name.strip(), schedule, areas.stream().distinct().toList(),
                crews);
        patrols.insertPlan(partnership, plan, clock.instant());
        var shifts = schedule.shifts(clock.getZone());
        for (var shift : shifts) {
            patrols.insertPatrol(partnership,
                    new Patrol(PatrolId.random(), plan.id(), shift.day(), shift.startsAt(), shift.endsAt(), false));
        }
        auditTrail.record(AuditAction.CREATED, "PatrolPlan", plan.id(),
                "Streifenplan " + plan.name() + " mit " + shifts.size() + " Streifen");
        return plan.id();
    }

    @PreAuthorize(OperationPermissions.READ)
    @Transactional(readOnly = true)
    public Patrol patrol(PatrolId id) {
        return patrols.patrol(CurrentUser.partnership(), id).orElseThrow(() -> new NotFoundException("Patrol", id));
    }

    /** The patrol as the roster shows it, with its crews. */
    @PreAuthorize(OperationPermissions.READ)
    @Transactional(readOnly = true)
    public PatrolRosterEntry entry(PatrolId id) {
        return entries(List.of(patrol(id))).get(0);
    }

    /** Several patrols as the roster shows them. */
    List<PatrolRosterEntry> entries(List<Patrol> list) {
        return entries(list, patrols.duties(list.stream().map(Patrol::id).toList()), null);
    }

    /** A patrol that will not take place (weather, a major event elsewhere); its people are free again. */
    @PreAuthorize(OperationPermissions.PLAN)
    public void cancel(PatrolId id) {
        var patrol = patrol(id);
        patrols.cancel(CurrentUser.partnership(), id);
        auditTrail.record(AuditAction.CHANGED, "Patrol", id, "Streife abgesagt: " + describe(patrol, planNames()));
    }

    /**
     * The roster: patrols starting in [from, to), optionally only those an organisation takes part in (and only its
     * crew). Eight statements, whatever the number of patrols.
     */
    @PreAuthorize(OperationPermissions.READ)
    @Transactional(readOnly = true)
    public List<PatrolRosterEntry> roster(Instant from, Instant to, OrganisationId organisation) {
        var partnership = CurrentUser.partnership();
        return entries(patrols.patrols(partnership, from, to), patrols.duties(partnership, from, to), organisation);
    }

    /** Patrols from now until {@code to} whose slots are not all filled, with what is missing. */
    @PreAuthorize(OperationPermissions.READ)
    @Transactional(readOnly = true)
    public List<PatrolRosterEntry> gaps(Instant to) {
        var now = clock.instant();
        return roster(now, to, null).stream().filter(PatrolRosterEntry::hasGap).toList();
    }

    /** Whether the current user fills the organisation's slots: its own staff and the coordination. */
    @PreAuthorize(OperationPermissions.READ)
    public boolean mayStaff(OrganisationId organisation) {
        return organisations.mayMaintain(organisation);
    }

    /**
     * Puts a person of a participating organisation on the patrol. Refused when the organisation's slots are full,
     * or when the person is already on a patrol at an overlapping time (that patrol is named).
     */
    @PreAuthorize(OperationPermissions.STAFF)
    public void assign(PatrolId id, PersonId personId) {
        var patrol = patrol(id);
        var person = people.get(personId);
        var plan = plan(patrol.plan());
        var staffing = plan.staffing().stream().filter(s -> s.organisation().equals(person.organisation()))
                .findFirst().orElseThrow(() -> new RuleViolationException("patrol.organisationNotInPlan"));
        if (!mayStaff(person.organisation())) {
            throw new AccessDeniedException("Only the organisation's own staff or the coordinator fill its slots");
        }
        if (patrol.cancelled()) {
            throw new RuleViolationException("patrol.cancelled.refused");
        }
        patrols.lockPerson(personId);
        var duties = patrols.duties(id);
        if (duties.stream().anyMatch(d -> d.person().equals(personId))) {
            throw new RuleViolationException("patrol.alreadyOnDuty", person.fullName());
        }
        if (duties.stream().filter(d -> d.organisation().equals(person.organisation())).count() >= staffing.required()) {
            throw new RuleViolationException("patrol.full", staffing.required());
        }
        var conflicts = patrols.overlapping(CurrentUser.partnership(), personId, patrol.startsAt(), patrol.endsAt(), id);
        if (!conflicts.isEmpty()) {
            throw new RuleViolationException("patrol.doubleBooked", person.fullName(),
                    describe(conflicts.get(0), planNames()));
        }
        patrols.insertDuty(new PatrolDuty(id, personId, person.organisation()), CurrentUser.get().username(),
                clock.instant());
        auditTrail.record(AuditAction.CHANGED, "Patrol", id,
                person.fullName() + " eingeteilt: " + describe(patrol, Map.of(plan.id(), plan.name())));
    }

    /** Takes a person off the patrol; the slot is open again. */
    @PreAuthorize(OperationPermissions.STAFF)
    public void release(PatrolId id, PersonId personId) {
        var patrol = patrol(id);
        var duty = patrols.duties(id).stream().filter(d -> d.person().equals(personId)).findFirst()
                .orElseThrow(() -> new NotFoundException("PatrolDuty", personId));
        if (!mayStaff(duty.organisation())) {
            throw new AccessDeniedException("Only the organisation's own staff or the coordinator fill its slots");
        }
        patrols.deleteDuty(id, personId);
        auditTrail.record(AuditAction.CHANGED, "Patrol", id,
                people.get(personId).fullName() + " ausgetragen: " + describe(patrol, planNames()));
    }

    /** "Palastgarten am 13.03.2026 20:00–02:00", in the city's zone. */
    String describe(Patrol patrol, Map<PatrolPlanId, String> planNames) {
        var zone = clock.getZone();
        return planNames.getOrDefault(patrol.plan(), "Streife") + " am " + DAY.format(patrol.day()) + " "
                + TIME.format(patrol.startsAt().atZone(zone)) + "–" + TIME.format(patrol.endsAt().atZone(zone));
    }

    private Map<PatrolPlanId, String> planNames() {
        return plans().stream().collect(Collectors.toMap(PatrolPlan::id, PatrolPlan::name));
    }

    private List<PatrolRosterEntry> entries(List<Patrol> list, Map<PatrolId, List<PatrolDuty>> duties,
            OrganisationId only) {
        var plans = plans().stream().collect(Collectors.toMap(PatrolPlan::id, Function.identity()));
        var areaNames = areas().stream().collect(Collectors.toMap(PatrolArea::id, PatrolArea::name));
        var organisationNames = new HashMap<OrganisationId, String>();
        organisations.all().forEach(o -> organisationNames.put(o.id(), o.name()));
        var personNames = people.all().stream().collect(Collectors.toMap(Person::id, Person::fullName));
        var entries = new ArrayList<PatrolRosterEntry>();
        for (var patrol : list) {
            var plan = plans.get(patrol.plan());
            if (only != null && plan.staffing().stream().noneMatch(s -> s.organisation().equals(only))) {
                continue;
            }
            var onDuty = duties.getOrDefault(patrol.id(), List.of());
            var crews = plan.staffing().stream().filter(s -> only == null || s.organisation().equals(only))
                    .map(s -> new PatrolCrew(s.organisation(), organisationNames.get(s.organisation()), s.required(),
                            onDuty.stream().filter(d -> d.organisation().equals(s.organisation()))
                                    .map(d -> new PatrolCrew.Member(d.person(), personNames.get(d.person())))
                                    .toList()))
                    .toList();
            entries.add(new PatrolRosterEntry(patrol, plan.name(),
                    plan.areas().stream().map(areaNames::get).toList(), crews));
        }
        return entries;
    }

    private PatrolArea checkedArea(PatrolAreaId id, String name, DistrictId district, String geometry) {
        var clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 120) {
            throw new RuleViolationException("patrolArea.name.invalid");
        }
        if (areas().stream().anyMatch(a -> !a.id().equals(id) && a.name().equalsIgnoreCase(clean))) {
            throw new RuleViolationException("patrolArea.name.taken", clean);
        }
        if (district != null) {
            partnerships.district(district);
        }
        return new PatrolArea(id, clean, district, PatrolAreaShape.validated(geometry));
    }
}

package de.sipa.operations;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.Accounts;
import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.notifications.MailTexts;
import de.sipa.notifications.Notifications;
import de.sipa.partners.DistrictId;
import de.sipa.partners.Organisations;
import de.sipa.partners.Partnerships;
import de.sipa.partners.People;
import de.sipa.partners.Person;
import de.sipa.partners.PersonId;
import de.sipa.shared.BaseUrl;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.OrganisationId;
import de.sipa.shared.PartnershipId;
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
    private final Accounts accounts;
    private final Notifications notifications;
    private final MailTexts mailTexts;
    private final Clock clock;
    private final String baseUrl;

    Patrols(PatrolRepository patrols, Partnerships partnerships, Organisations organisations, People people,
            AuditTrail auditTrail, Accounts accounts, Notifications notifications, MailTexts mailTexts, Clock clock,
            BaseUrl baseUrl) {
        this.patrols = patrols;
        this.partnerships = partnerships;
        this.organisations = organisations;
        this.people = people;
        this.auditTrail = auditTrail;
        this.accounts = accounts;
        this.notifications = notifications;
        this.mailTexts = mailTexts;
        this.clock = clock;
        this.baseUrl = baseUrl.value();
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
        var partnership = CurrentUser.partnership();
        var plan = checkedPlan(PatrolPlanId.random(), name, schedule, areas, staffing);
        patrols.insertPlan(partnership, plan, clock.instant());
        var shifts = schedule.shifts(clock.getZone(), partnerships.holidays(partnership));
        for (var shift : shifts) {
            patrols.insertPatrol(partnership,
                    new Patrol(PatrolId.random(), plan.id(), shift.day(), shift.startsAt(), shift.endsAt(), false));
        }
        auditTrail.record(AuditAction.CREATED, "PatrolPlan", plan.id(),
                "Streifenplan " + plan.name() + " mit " + shifts.size() + " Streifen");
        return plan.id();
    }

    /**
     * Changes a plan from a day on (tomorrow at the earliest); today's and past patrols, their bookings and reports
     * stay as they are. If weekdays, time, holidays, areas or staffing change while the plan has already begun, the
     * plan ends the day before and a new plan of the same name continues it, so that the past keeps the areas and
     * crews it had. From that day on: a patrol whose day and time stay keeps its bookings (people of an organisation
     * no longer taking part are taken off); one that no longer fits is removed if nobody is booked, otherwise cancelled
     * and its organisations are told by e-mail; the new schedule's missing patrols are created, open for booking.
     */
    @PreAuthorize(OperationPermissions.PLAN)
    public PatrolPlanRevision changePlan(PatrolPlanId id, LocalDate from, String name, PatrolSchedule schedule,
            List<PatrolAreaId> areas, List<Staffing> staffing) {
        var old = plan(id);
        if (from == null || !from.isAfter(LocalDate.now(clock))) {
            throw new RuleViolationException("patrolPlan.change.tooEarly");
        }
        if (!schedule.validFrom().equals(old.schedule().validFrom())) {
            throw new RuleViolationException("patrolPlan.change.validFromFixed");
        }
        if (schedule.validUntil().isBefore(from.minusDays(1))) {
            throw new RuleViolationException("patrolPlan.change.tooEarly");
        }
        var changed = checkedPlan(id, name, schedule, areas, staffing);
        var partnership = CurrentUser.partnership();
        PatrolPlan target;
        if (from.isAfter(schedule.validFrom()) && !sameShape(old, changed)) {
            if (schedule.validUntil().isBefore(from)) {
                throw new RuleViolationException("patrolPlan.change.afterEnd");
            }
            var before = old.schedule();
            var until = before.validUntil().isBefore(from) ? before.validUntil() : from.minusDays(1);
            patrols.updatePlan(partnership, new PatrolPlan(id, old.name(), new PatrolSchedule(before.weekdays(),
                    before.startsAt(), before.endsAt(), before.validFrom(), until, before.skipHolidays()),
                    old.areas(), old.staffing()));
            target = new PatrolPlan(PatrolPlanId.random(), changed.name(), new PatrolSchedule(schedule.weekdays(),
                    schedule.startsAt(), schedule.endsAt(), from, schedule.validUntil(), schedule.skipHolidays()),
                    changed.areas(), changed.staffing());
            patrols.insertPlan(partnership, target, clock.instant());
            auditTrail.record(AuditAction.CREATED, "PatrolPlan", target.id(), "Streifenplan " + target.name()
                    + " ab " + DAY.format(from) + ", Fortsetzung des bis " + DAY.format(until) + " geltenden Plans");
        } else {
            patrols.updatePlan(partnership, changed);
            target = changed;
        }
        var revision = reschedule(old, target, from);
        auditTrail.record(AuditAction.CHANGED, "PatrolPlan", id, "Streifenplan " + old.name() + " ab "
                + DAY.format(from) + " geändert: " + revision.created() + " Streifen neu, " + revision.removed()
                + " entfallen, " + revision.cancelled() + " mit Einteilungen abgesagt");
        return revision;
    }

    /** Ends a plan after its last day (today at the earliest): a change of its validity, with the same rules. */
    @PreAuthorize(OperationPermissions.PLAN)
    public PatrolPlanRevision endPlan(PatrolPlanId id, LocalDate lastDay) {
        var plan = plan(id);
        var s = plan.schedule();
        if (lastDay == null || !lastDay.isBefore(s.validUntil())) {
            throw new RuleViolationException("patrolPlan.end.notEarlier", DAY.format(s.validUntil()));
        }
        if (lastDay.isBefore(s.validFrom())) {
            throw new RuleViolationException("patrolPlan.end.beforeStart", DAY.format(s.validFrom()));
        }
        return changePlan(id, lastDay.plusDays(1), plan.name(), new PatrolSchedule(s.weekdays(), s.startsAt(),
                s.endsAt(), s.validFrom(), lastDay, s.skipHolidays()), plan.areas(), plan.staffing());
    }

    /** Brings the old plan's patrols from a day on in line with the target plan's schedule (see changePlan). */
    private PatrolPlanRevision reschedule(PatrolPlan old, PatrolPlan target, LocalDate from) {
        var partnership = CurrentUser.partnership();
        var existing = patrols.patrolsOfPlan(partnership, old.id(), from);
        var onDuty = patrols.duties(existing.stream().map(Patrol::id).toList());
        var shifts = target.schedule().shifts(clock.getZone(), partnerships.holidays(partnership)).stream()
                .filter(s -> !s.day().isBefore(from))
                .collect(Collectors.toMap(PatrolSchedule.Shift::day, Function.identity()));
        var taking = target.staffing().stream().map(Staffing::organisation).collect(Collectors.toSet());
        var names = Map.of(old.id(), old.name());
        var zone = clock.getZone();
        var told = new LinkedHashMap<OrganisationId, List<String>>();
        int removed = 0;
        int cancelled = 0;
        for (var patrol : existing) {
            var shift = shifts.get(patrol.day());
            var duties = onDuty.getOrDefault(patrol.id(), List.of());
            if (shift != null && shift.startsAt().equals(patrol.startsAt()) && shift.endsAt().equals(patrol.endsAt())) {
                shifts.remove(patrol.day());
                if (!target.id().equals(old.id())) {
                    patrols.movePatrol(partnership, patrol.id(), target.id());
                }
                for (var duty : duties) {
                    if (!taking.contains(duty.organisation())) {
                        patrols.deleteDuty(patrol.id(), duty.person());
                        tell(told, duty, describe(patrol, names) + ": Ihre Organisation ist nicht mehr beteiligt");
                        auditTrail.record(AuditAction.CHANGED, "Patrol", patrol.id(), people.get(duty.person())
                                .fullName() + " ausgetragen (Organisation nicht mehr im Plan): " + describe(patrol, names));
                    }
                }
            } else if (duties.isEmpty() && patrols.deleteUnrecorded(partnership, patrol.id())) {
                removed++;
            } else {
                patrols.cancel(partnership, patrol.id());
                cancelled++;
                var instead = shift == null ? "entfällt"
                        : "neu " + TIME.format(shift.startsAt().atZone(zone)) + "–"
                                + TIME.format(shift.endsAt().atZone(zone)) + ", bitte neu einteilen";
                duties.forEach(duty -> tell(told, duty, describe(patrol, names) + " " + instead));
                auditTrail.record(AuditAction.CHANGED, "Patrol", patrol.id(),
                        "Streife abgesagt (Planänderung): " + describe(patrol, names));
            }
        }
        var now = clock.instant();
        var created = shifts.values().stream().filter(s -> s.startsAt().isAfter(now))
                .sorted(Comparator.comparing(PatrolSchedule.Shift::startsAt)).toList();
        created.forEach(s -> patrols.insertPatrol(partnership,
                new Patrol(PatrolId.random(), target.id(), s.day(), s.startsAt(), s.endsAt(), false)));
        told.forEach((organisation, lines) -> inform(partnership, organisation, old, target, from, lines));
        return new PatrolPlanRevision(target.id(), created.size(), removed, cancelled, told.size());
    }

    private void tell(Map<OrganisationId, List<String>> told, PatrolDuty duty, String what) {
        told.computeIfAbsent(duty.organisation(), o -> new ArrayList<>())
                .add(what + " (" + people.get(duty.person()).fullName() + ")");
    }

    private void inform(PartnershipId partnership, OrganisationId organisation, PatrolPlan old, PatrolPlan target,
            LocalDate from, List<String> lines) {
        for (var email : accounts.emailsOf(partnership, organisation)) {
            notifications.send(mailTexts.mail(partnership, email, "mail.patrolPlan.changed", old.name(),
                    DAY.format(from), String.join("\n- ", lines), baseUrl + "/patrols/plans/" + target.id()));
        }
    }

    private static boolean sameShape(PatrolPlan a, PatrolPlan b) {
        var s = a.schedule();
        var t = b.schedule();
        return s.weekdays().equals(t.weekdays()) && s.startsAt().equals(t.startsAt()) && s.endsAt().equals(t.endsAt())
                && s.skipHolidays() == t.skipHolidays() && a.areas().equals(b.areas())
                && Set.copyOf(a.staffing()).equals(Set.copyOf(b.staffing()));
    }

    private PatrolPlan checkedPlan(PatrolPlanId id, String name, PatrolSchedule schedule, List<PatrolAreaId> areas,
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
        return new PatrolPlan(id, name.strip(), schedule, areas.stream().distinct().toList(), crews);
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
        return gaps(to, null);
    }

    /** Patrols from now until {@code to} where the organisation's own slots are not all filled ({@code null}: any). */
    @PreAuthorize(OperationPermissions.READ)
    @Transactional(readOnly = true)
    public List<PatrolRosterEntry> gaps(Instant to, OrganisationId organisation) {
        var now = clock.instant();
        return roster(now, to, organisation).stream().filter(PatrolRosterEntry::hasGap).toList();
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
        // The patrol first, then the person: the same order everywhere, so two bookings cannot wait on each other.
        patrols.lockPatrol(CurrentUser.partnership(), id);
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

package de.sipa.partners;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.OrganisationId;
import de.sipa.shared.PartnershipId;
import de.sipa.shared.RuleViolationException;

/** Bodies (Gremien) and who sits in them. */
@Service
@Transactional
public class Bodies {

    private final BodyRepository bodies;
    private final PersonRepository people;
    private final OrganisationRepository organisations;
    private final AuditTrail auditTrail;
    private final Clock clock;

    Bodies(BodyRepository bodies, PersonRepository people, OrganisationRepository organisations,
            AuditTrail auditTrail, Clock clock) {
        this.bodies = bodies;
        this.people = people;
        this.organisations = organisations;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    @PreAuthorize(PartnerPermissions.READ)
    @Transactional(readOnly = true)
    public List<Body> all() {
        return bodies.all(CurrentUser.partnership());
    }

    @PreAuthorize(PartnerPermissions.READ)
    @Transactional(readOnly = true)
    public Body get(BodyId id) {
        return bodies.find(CurrentUser.partnership(), id).orElseThrow(() -> new NotFoundException("Body", id));
    }

    @PreAuthorize(PartnerPermissions.MANAGE)
    public BodyId create(BodyDetails details) {
        var id = BodyId.random();
        if (bodies.nameTaken(CurrentUser.partnership(), details.name(), id)) {
            throw new RuleViolationException("body.name.taken", details.name());
        }
        bodies.insert(CurrentUser.partnership(), id, details);
        auditTrail.record(AuditAction.CREATED, "Body", id, "Gremium " + details.name() + " angelegt");
        return id;
    }

    @PreAuthorize(PartnerPermissions.MANAGE)
    public void update(BodyId id, BodyDetails details) {
        var current = get(id);
        if (bodies.nameTaken(CurrentUser.partnership(), details.name(), id)) {
            throw new RuleViolationException("body.name.taken", details.name());
        }
        bodies.update(CurrentUser.partnership(), id, details);
        auditTrail.record(AuditAction.CHANGED, "Body", id,
                "Gremium " + current.name() + " geändert" + Changes.describe(current.details(), details));
    }

    @PreAuthorize(PartnerPermissions.MANAGE)
    public void delete(BodyId id) {
        var current = get(id);
        bodies.delete(CurrentUser.partnership(), id);
        auditTrail.record(AuditAction.DELETED, "Body", id, "Gremium " + current.name() + " gelöscht");
    }

    /** For the public OParl API, which names the partnership in the URL: hence no login needed. */
    @Transactional(readOnly = true)
    public PublicRoster publicRoster(PartnershipId partnership) {
        return bodies.publicRoster(partnership);
    }

    /** The bodies as the partnership's public website names them, with the organisation of each current chair. */
    @Transactional(readOnly = true)
    public List<PublicBody> publicBodies(PartnershipId partnership) {
        return bodies.publicBodies(partnership, LocalDate.now(clock));
    }

    /** Everyone who sits or sat in the body, chairs first, current members before former ones. */
    @PreAuthorize(PartnerPermissions.READ)
    @Transactional(readOnly = true)
    public List<Member> members(BodyId id) {
        get(id);
        var partnership = CurrentUser.partnership();
        var today = LocalDate.now(clock);
        var organisationNames = organisations.all(partnership).stream()
                .collect(java.util.stream.Collectors.toMap(Organisation::id, Organisation::name));
        return bodies.memberships(partnership, id).stream()
                .map(m -> {
                    var person = people.find(partnership, m.person()).orElseThrow();
                    return new Member(m, person, organisationNames.get(person.organisation()));
                })
                .sorted(Comparator.<Member, Boolean>comparing(m -> !m.membership().isCurrentOn(today))
                        .thenComparing(m -> m.membership().role())
                        .thenComparing(m -> m.person().lastName().toLowerCase()))
                .toList();
    }

    /** Whether someone of the organisation holds a seat in the body on that day. */
    @PreAuthorize(PartnerPermissions.READ)
    @Transactional(readOnly = true)
    public boolean seats(BodyId body, OrganisationId organisation, LocalDate day) {
        return bodies.seats(CurrentUser.partnership(), body, organisation, day);
    }

    @PreAuthorize(PartnerPermissions.READ)
    @Transactional(readOnly = true)
    public List<Membership> membershipsOf(PersonId person) {
        return bodies.membershipsOf(CurrentUser.partnership(), person);
    }

    @PreAuthorize(PartnerPermissions.MANAGE)
    public MembershipId join(BodyId bodyId, MembershipDetails details) {
        var body = get(bodyId);
        var partnership = CurrentUser.partnership();
        var person = people.find(partnership, new PersonId(details.personId()))
                .orElseThrow(() -> new RuleViolationException("membership.person.unknown"));
        if (details.endsOn() != null && details.endsOn().isBefore(details.startsOn())) {
            throw new RuleViolationException("membership.period.invalid");
        }
        var overlapping = bodies.memberships(partnership, bodyId).stream()
                .filter(m -> m.person().equals(person.id()))
                .anyMatch(m -> overlaps(m, details.startsOn(), details.endsOn()));
        if (overlapping) {
            throw new RuleViolationException("membership.overlapping", person.fullName(), body.name());
        }
        var membership = new Membership(MembershipId.random(), bodyId, person.id(), details.role(),
                details.startsOn(), details.endsOn());
        bodies.insertMembership(partnership, membership);
        auditTrail.record(AuditAction.CREATED, "Membership", membership.id(),
                person.fullName() + " in " + body.name() + " aufgenommen ("
                        + auditTrail.label("membership.role.", details.role()) + ")");
        return membership.id();
    }

    @PreAuthorize(PartnerPermissions.MANAGE)
    public void endMembership(MembershipId id, LocalDate endsOn) {
        var membership = bodies.membership(CurrentUser.partnership(), id)
                .orElseThrow(() -> new NotFoundException("Membership", id));
        if (endsOn.isBefore(membership.startsOn())) {
            throw new RuleViolationException("membership.period.invalid");
        }
        bodies.endMembership(CurrentUser.partnership(), id, endsOn);
        auditTrail.record(AuditAction.CHANGED, "Membership", id, "Mitgliedschaft beendet zum " + endsOn);
    }

    @PreAuthorize(PartnerPermissions.MANAGE)
    public void removeMembership(MembershipId id) {
        var membership = bodies.membership(CurrentUser.partnership(), id)
                .orElseThrow(() -> new NotFoundException("Membership", id));
        bodies.deleteMembership(CurrentUser.partnership(), id);
        auditTrail.record(AuditAction.DELETED, "Membership", membership.id(), "Mitgliedschaft entfernt");
    }

    private static boolean overlaps(Membership existing, LocalDate startsOn, LocalDate endsOn) {
        var existingEnd = existing.endsOn() == null ? LocalDate.MAX : existing.endsOn();
        var end = endsOn == null ? LocalDate.MAX : endsOn;
        return !existing.startsOn().isAfter(end) && !startsOn.isAfter(existingEnd);
    }
}

package de.sipa.partners;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
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

/** The people of the partner organisations. */
@Service
@Transactional
public class People {

    private final PersonRepository people;
    private final OrganisationRepository organisations;
    private final PartnershipRepository partnerships;
    private final AuditTrail auditTrail;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    People(PersonRepository people, OrganisationRepository organisations, PartnershipRepository partnerships,
            AuditTrail auditTrail, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.people = people;
        this.organisations = organisations;
        this.partnerships = partnerships;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    @PreAuthorize(PartnerPermissions.READ)
    @Transactional(readOnly = true)
    public Person get(PersonId id) {
        return people.find(CurrentUser.partnership(), id).orElseThrow(() -> new NotFoundException("Person", id));
    }

    @PreAuthorize(PartnerPermissions.READ)
    @Transactional(readOnly = true)
    public List<Person> ofOrganisation(OrganisationId organisation) {
        return people.ofOrganisation(CurrentUser.partnership(), organisation);
    }

    /** Everyone, also the archived: the names that history (patrols, minutes, attendance) shows. */
    @PreAuthorize(PartnerPermissions.READ)
    @Transactional(readOnly = true)
    public List<Person> all() {
        return people.all(CurrentUser.partnership());
    }

    /** The people who still work here: those to choose for new work. */
    @PreAuthorize(PartnerPermissions.READ)
    @Transactional(readOnly = true)
    public List<Person> active() {
        return all().stream().filter(p -> !p.archived()).toList();
    }

    @PreAuthorize(PartnerPermissions.MAINTAIN)
    public PersonId create(PersonDetails details) {
        var partnership = CurrentUser.partnership();
        var organisation = checkedOrganisation(partnership, details);
        PartnerAccess.requireMaintain(organisation);
        var id = PersonId.random();
        people.insert(partnership, id, details);
        auditTrail.record(AuditAction.CREATED, "Person", id,
                "Person " + details.firstName() + " " + details.lastName() + " angelegt");
        return id;
    }

    @PreAuthorize(PartnerPermissions.MAINTAIN)
    public void update(PersonId id, PersonDetails details) {
        var current = get(id);
        PartnerAccess.requireMaintain(current.organisation());
        if (current.archived()) {
            throw new RuleViolationException("person.archived", current.fullName());
        }
        var partnership = CurrentUser.partnership();
        PartnerAccess.requireMaintain(checkedOrganisation(partnership, details));
        people.update(partnership, id, details);
        auditTrail.record(AuditAction.CHANGED, "Person", id,
                "Person " + current.fullName() + " geändert" + Changes.describe(current.details(), details));
    }

    /**
     * A person who left is archived, not deleted: their patrol duties, attendance and past memberships stay; their
     * seats in bodies end today, and the patrols they were booked for learn of it through {@link PersonArchived}.
     */
    @PreAuthorize(PartnerPermissions.MAINTAIN)
    public void archive(PersonId id) {
        var current = get(id);
        PartnerAccess.requireMaintain(current.organisation());
        if (current.archived()) {
            return;
        }
        var partnership = CurrentUser.partnership();
        var now = clock.instant();
        people.archive(partnership, id, now, LocalDate.now(clock));
        auditTrail.record(AuditAction.CHANGED, "Person", id, auditTrail.summary("audit.person.archived",
                current.fullName()));
        events.publishEvent(new PersonArchived(partnership, id, now));
    }

    @PreAuthorize(PartnerPermissions.READ)
    @Transactional(readOnly = true)
    public List<Affiliation> affiliationsOf(PersonId person) {
        return people.affiliationsOf(CurrentUser.partnership(), person);
    }

    /** The people of other organisations who also work for this one. */
    @PreAuthorize(PartnerPermissions.READ)
    @Transactional(readOnly = true)
    public List<Affiliation> affiliatedWith(OrganisationId organisation) {
        return people.affiliatedWith(CurrentUser.partnership(), organisation);
    }

    /**
     * Records that a person also works for a second organisation from today. Their own organisation (or the
     * coordination) records it, as it maintains the person.
     */
    @PreAuthorize(PartnerPermissions.MAINTAIN)
    public void affiliate(PersonId id, AffiliationDetails details) {
        var person = get(id);
        PartnerAccess.requireMaintain(person.organisation());
        var partnership = CurrentUser.partnership();
        var organisation = organisations.find(partnership, new OrganisationId(details.organisationId()))
                .orElseThrow(() -> new RuleViolationException("person.organisation.unknown"));
        if (organisation.id().equals(person.organisation())) {
            throw new RuleViolationException("affiliation.ownOrganisation", organisation.name());
        }
        if (!people.affiliate(partnership, id, organisation.id(), details.function(), LocalDate.now(clock))) {
            throw new RuleViolationException("affiliation.exists", person.fullName(), organisation.name());
        }
        auditTrail.record(AuditAction.CHANGED, "Person", id, auditTrail.summary("audit.person.affiliated",
                person.fullName(), organisation.name()));
    }

    @PreAuthorize(PartnerPermissions.MAINTAIN)
    public void endAffiliation(PersonId id, OrganisationId organisation) {
        var person = get(id);
        PartnerAccess.requireMaintain(person.organisation());
        if (people.endAffiliation(CurrentUser.partnership(), id, organisation)) {
            auditTrail.record(AuditAction.CHANGED, "Person", id, auditTrail.summary("audit.person.affiliationEnded",
                    person.fullName(), organisations.find(CurrentUser.partnership(), organisation)
                            .map(Organisation::name).orElse("?")));
        }
    }

    @PreAuthorize(PartnerPermissions.READ)
    @Transactional(readOnly = true)
    public long count() {
        return people.count(CurrentUser.partnership());
    }

    /** The organisation and districts named must be the partnership's own: ids from elsewhere are refused. */
    private OrganisationId checkedOrganisation(PartnershipId partnership, PersonDetails details) {
        var organisation = new OrganisationId(details.organisationId());
        organisations.find(partnership, organisation)
                .orElseThrow(() -> new RuleViolationException("person.organisation.unknown"));
        var known = partnerships.districts(partnership).stream().map(d -> d.id().value()).toList();
        if (!known.containsAll(details.districts())) {
            throw new RuleViolationException("person.district.unknown");
        }
        return organisation;
    }
}

package de.sipa.volunteers;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.notifications.MailTexts;
import de.sipa.notifications.Notifications;
import de.sipa.partners.Partnerships;
import de.sipa.partners.People;
import de.sipa.prevention.PreventionProjects;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.PlainText;
import de.sipa.shared.RuleViolationException;

/**
 * The partnership's volunteer offers and their volunteers: written by the coordination and the partners' staff;
 * the volunteers are accepted, assigned, thanked and their hours recorded by the coordination or the contact
 * person's organisation.
 */
@Service
@Transactional
public class VolunteerOffers {

    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_LINE = 300;
    static final int MAX_PEOPLE = 1000;
    /** How far the end of an engagement may lie from today, either way. */
    static final int MAX_YEARS = 10;
    static final BigDecimal MAX_HOURS = new BigDecimal("100000");

    private final OfferRepository offers;
    private final VolunteerRepository volunteers;
    private final People people;
    private final Partnerships partnerships;
    private final PreventionProjects projects;
    private final VolunteerAccess access;
    private final AuditTrail auditTrail;
    private final Notifications notifications;
    private final MailTexts mailTexts;
    private final Clock clock;

    VolunteerOffers(OfferRepository offers, VolunteerRepository volunteers, People people, Partnerships partnerships,
            PreventionProjects projects, VolunteerAccess access, AuditTrail auditTrail, Notifications notifications, MailTexts mailTexts,
            Clock clock) {
        this.offers = offers;
        this.volunteers = volunteers;
        this.people = people;
        this.partnerships = partnerships;
        this.projects = projects;
        this.access = access;
        this.auditTrail = auditTrail;
        this.notifications = notifications;
        this.mailTexts = mailTexts;
        this.clock = clock;
    }

    @PreAuthorize(VolunteerPermissions.READ)
    @Transactional(readOnly = true)
    public List<VolunteerOffer> offers() {
        return offers.all(CurrentUser.partnership());
    }

    @PreAuthorize(VolunteerPermissions.READ)
    @Transactional(readOnly = true)
    public VolunteerOffer offer(VolunteerOfferId id) {
        return offers.find(CurrentUser.partnership(), id).orElseThrow(() -> new NotFoundException("VolunteerOffer", id));
    }

    /** The anonymous figures of the partnership's offers (an offer without sign-ups has none). */
    @PreAuthorize(VolunteerPermissions.READ)
    @Transactional(readOnly = true)
    public Map<VolunteerOfferId, OfferFigures> figures() {
        return offers.figures(CurrentUser.partnership());
    }

    /** The confirmed volunteers of the offer, with their data: for the coordination and the contact's staff. */
    @PreAuthorize(VolunteerPermissions.EDIT)
    @Transactional(readOnly = true)
    public List<Volunteer> volunteers(VolunteerOfferId id) {
        managed(id);
        return volunteers.confirmedOf(CurrentUser.partnership(), id);
    }

    /** A new offer, as a draft. */
    @PreAuthorize(VolunteerPermissions.EDIT)
    public VolunteerOfferId create(OfferDraft draft) {
        var offer = checked(VolunteerOfferId.random(), draft, OfferStatus.DRAFT);
        offers.insert(CurrentUser.partnership(), offer, clock.instant());
        auditTrail.record(AuditAction.CREATED, "VolunteerOffer", offer.id(),
                auditTrail.summary("audit.volunteerOffer.created", offer.title()));
        return offer.id();
    }

    @PreAuthorize(VolunteerPermissions.EDIT)
    public void change(VolunteerOfferId id, OfferDraft draft) {
        var old = offer(id);
        var offer = checked(id, draft, old.status());
        if (!offer.contactPerson().equals(old.contactPerson()) && !access.mayManage(old)) {
            // otherwise anyone could hand the volunteers' data to their own organisation
            throw new RuleViolationException("volunteerOffer.contactPerson.notYours");
        }
        offers.update(CurrentUser.partnership(), offer, clock.instant());
        auditTrail.record(AuditAction.CHANGED, "VolunteerOffer", id,
                auditTrail.summary("audit.volunteerOffer.changed", offer.title()));
    }

    /** Publishes the offer to the citizens, closes it, or takes it back to a draft. */
    @PreAuthorize(VolunteerPermissions.EDIT)
    public void changeStatus(VolunteerOfferId id, OfferStatus status) {
        var old = offer(id);
        if (old.status() == status) {
            return;
        }
        if (status == OfferStatus.PUBLISHED && old.engagementEnds().isBefore(LocalDate.now(clock))) {
            throw new RuleViolationException("volunteerOffer.publish.ended");
        }
        offers.update(CurrentUser.partnership(), withStatus(old, status), clock.instant());
        auditTrail.record(AuditAction.CHANGED, "VolunteerOffer", id, auditTrail.summary("audit.volunteerOffer.status",
                old.title(), auditTrail.summary("volunteerOffer.status." + status.name())));
    }

    @PreAuthorize(VolunteerPermissions.EDIT)
    public void accept(VolunteerOfferId offer, VolunteerId id) {
        var volunteer = volunteer(offer, id);
        if (volunteer.status() != VolunteerStatus.CONFIRMED && volunteer.status() != VolunteerStatus.DECLINED) {
            throw new RuleViolationException("volunteer.accept.notNew");
        }
        volunteers.changeStatus(CurrentUser.partnership(), id, VolunteerStatus.ACCEPTED, null);
        audit(volunteer, "audit.volunteer.accepted");
    }

    @PreAuthorize(VolunteerPermissions.EDIT)
    public void decline(VolunteerOfferId offer, VolunteerId id) {
        var volunteer = volunteer(offer, id);
        if (volunteer.status() == VolunteerStatus.DECLINED) {
            return;
        }
        volunteers.changeStatus(CurrentUser.partnership(), id, VolunteerStatus.DECLINED, null);
        audit(volunteer, "audit.volunteer.declined");
    }

    /** Assigns an accepted volunteer to a task, a place or a time, in words. */
    @PreAuthorize(VolunteerPermissions.EDIT)
    public void assign(VolunteerOfferId offer, VolunteerId id, String assignment) {
        var volunteer = volunteer(offer, id);
        if (!volunteer.status().takenOn()) {
            throw new RuleViolationException("volunteer.notTakenOn");
        }
        var text = line(assignment);
        if (text == null) {
            throw new RuleViolationException("volunteer.assignment.required");
        }
        if (text.length() > MAX_LINE) {
            throw new RuleViolationException("volunteer.assignment.tooLong", MAX_LINE);
        }
        volunteers.changeStatus(CurrentUser.partnership(), id, VolunteerStatus.ASSIGNED, text);
        audit(volunteer, "audit.volunteer.assigned");
    }

    /** The hours the volunteer has given in all, in steps of a tenth. */
    @PreAuthorize(VolunteerPermissions.EDIT)
    public void recordHours(VolunteerOfferId offer, VolunteerId id, BigDecimal hours) {
        var volunteer = volunteer(offer, id);
        if (!volunteer.status().takenOn()) {
            throw new RuleViolationException("volunteer.notTakenOn");
        }
        if (hours == null || hours.signum() < 0 || hours.compareTo(MAX_HOURS) >= 0
                || hours.stripTrailingZeros().scale() > 1) {
            throw new RuleViolationException("volunteer.hours.invalid");
        }
        volunteers.recordHours(CurrentUser.partnership(), id, hours);
        audit(volunteer, "audit.volunteer.hours");
    }

    /** Sends the volunteer a thank-you mail, once. */
    @PreAuthorize(VolunteerPermissions.EDIT)
    public void thank(VolunteerOfferId offerId, VolunteerId id) {
        var volunteer = volunteer(offerId, id);
        if (!volunteer.status().takenOn()) {
            throw new RuleViolationException("volunteer.notTakenOn");
        }
        if (volunteer.thankedAt() != null) {
            throw new RuleViolationException("volunteer.thanked.already");
        }
        if (volunteer.anonymised()) {
            throw new RuleViolationException("volunteer.anonymised");
        }
        var offer = offer(offerId);
        var partnership = partnerships.find(CurrentUser.partnership()).orElseThrow();
        var contact = people.get(offer.contactPerson());
        notifications.send(mailTexts.mail(partnership.id(), volunteer.email(), "mail.volunteer.thanks",
                volunteer.name(), offer.title(), hours(volunteer.hours()), partnership.name(), contact.fullName())
                .once("volunteer-thanks:" + id));
        volunteers.thanked(CurrentUser.partnership(), id, clock.instant());
        audit(volunteer, "audit.volunteer.thanked");
    }

    /** Hours as Germans write them: "12" or "2,5". */
    static String hours(BigDecimal hours) {
        var plain = hours.stripTrailingZeros();
        return (plain.scale() < 0 ? plain.setScale(0) : plain).toPlainString().replace('.', ',');
    }

    private void audit(Volunteer volunteer, String key) {
        var offer = offer(volunteer.offer());
        auditTrail.record(AuditAction.CHANGED, "Volunteer", volunteer.id(), auditTrail.summary(key, offer.title()));
    }

    /** The offer, if the user handles its volunteers; refused otherwise. */
    private VolunteerOffer managed(VolunteerOfferId id) {
        var offer = offer(id);
        if (!access.mayManage(offer)) {
            throw new org.springframework.security.access.AccessDeniedException("not the contact's organisation");
        }
        return offer;
    }

    private Volunteer volunteer(VolunteerOfferId offer, VolunteerId id) {
        managed(offer);
        return volunteers.find(CurrentUser.partnership(), id)
                .filter(v -> v.offer().equals(offer) && v.status() != VolunteerStatus.UNCONFIRMED)
                .orElseThrow(() -> new NotFoundException("Volunteer", id));
    }

    private static VolunteerOffer withStatus(VolunteerOffer old, OfferStatus status) {
        return new VolunteerOffer(old.id(), old.title(), old.description(), old.schedule(), old.location(),
                old.timeCommitment(), old.peopleWanted(), old.contactPerson(), old.project(), status,
                old.engagementEnds(), old.createdAt());
    }

    private VolunteerOffer checked(VolunteerOfferId id, OfferDraft draft, OfferStatus status) {
        var title = required(draft.title(), "title", MAX_TITLE);
        var description = required(draft.description(), "description", MAX_DESCRIPTION);
        var schedule = required(draft.schedule(), "schedule", MAX_LINE);
        var location = required(draft.location(), "location", MAX_LINE);
        var time = required(draft.timeCommitment(), "timeCommitment", MAX_LINE);
        if (draft.peopleWanted() == null || draft.peopleWanted() < 1 || draft.peopleWanted() > MAX_PEOPLE) {
            throw new RuleViolationException("volunteerOffer.peopleWanted.invalid", MAX_PEOPLE);
        }
        if (draft.contactPerson() == null) {
            throw new RuleViolationException("volunteerOffer.contactPerson.required");
        }
        var contact = people.get(draft.contactPerson()); // refuses another partnership's person
        if (contact.archived()) {
            throw new RuleViolationException("volunteerOffer.contactPerson.archived", contact.fullName());
        }
        if (draft.project() != null) {
            try {
                projects.project(draft.project());
            } catch (NotFoundException e) {
                // gone, or another partnership's: refused like a wrong choice
                throw new RuleViolationException("volunteerOffer.project.unknown");
            }
        }
        if (draft.engagementEnds() == null) {
            throw new RuleViolationException("volunteerOffer.engagementEnds.required");
        }
        var today = LocalDate.now(clock);
        if (draft.engagementEnds().isBefore(today.minusYears(MAX_YEARS))
                || draft.engagementEnds().isAfter(today.plusYears(MAX_YEARS))) {
            throw new RuleViolationException("volunteerOffer.engagementEnds.outOfRange", MAX_YEARS);
        }
        return new VolunteerOffer(id, title, description, schedule, location, time, draft.peopleWanted(),
                contact.id(), draft.project(), status, draft.engagementEnds(), clock.instant());
    }

    private static String required(String value, String field, int max) {
        var text = line(value);
        if (text == null) {
            throw new RuleViolationException("volunteerOffer." + field + ".required");
        }
        if (text.length() > max) {
            throw new RuleViolationException("volunteerOffer." + field + ".tooLong", max);
        }
        return text;
    }

    /** The text without control characters and outer blanks; {@code null} when nothing is left. */
    static String line(String value) {
        var clean = PlainText.clean(value);
        return clean == null || clean.isBlank() ? null : clean.strip();
    }
}

package de.sipa.operations;

import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.Accounts;
import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.notifications.MailTexts;
import de.sipa.notifications.Notifications;
import de.sipa.operations.DeploymentPlan.Contact;
import de.sipa.operations.DeploymentPlan.Phase;
import de.sipa.operations.DeploymentPlan.Section;
import de.sipa.operations.DeploymentPlan.Task;
import de.sipa.operations.DeploymentPlan.Version;
import de.sipa.operations.PlanEntries.ContactForm;
import de.sipa.operations.PlanEntries.PhaseForm;
import de.sipa.operations.PlanEntries.SectionForm;
import de.sipa.operations.PlanEntries.TaskForm;
import de.sipa.partners.Organisation;
import de.sipa.partners.Organisations;
import de.sipa.partners.Partnerships;
import de.sipa.partners.People;
import de.sipa.partners.PersonId;
import de.sipa.shared.BaseUrl;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.OrganisationId;
import de.sipa.shared.RuleViolationException;

/**
 * The Einsatzplan of an event, in versions: the coordination writes a draft and submits it, every involved
 * organisation approves it for itself, and once all have, the version is approved and stays as it is; the next edit
 * starts a new version as a copy.
 */
@Service
@Transactional
public class DeploymentPlans {

    private final DeploymentPlanRepository plans;
    private final DebriefRepository debriefs;
    private final Events events;
    private final Organisations organisations;
    private final People people;
    private final Partnerships partnerships;
    private final AuditTrail auditTrail;
    private final Accounts accounts;
    private final Notifications notifications;
    private final MailTexts mailTexts;
    private final MessageSource messages;
    private final Clock clock;
    private final String baseUrl;

    DeploymentPlans(DeploymentPlanRepository plans, DebriefRepository debriefs, Events events,
            Organisations organisations, People people, Partnerships partnerships, AuditTrail auditTrail,
            Accounts accounts, Notifications notifications, MailTexts mailTexts, MessageSource messages, Clock clock,
            BaseUrl baseUrl) {
        this.accounts = accounts;
        this.notifications = notifications;
        this.mailTexts = mailTexts;
        this.messages = messages;
        this.baseUrl = baseUrl.value();
        this.plans = plans;
        this.debriefs = debriefs;
        this.events = events;
        this.organisations = organisations;
        this.people = people;
        this.partnerships = partnerships;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /** The newest version, whatever its status. */
    @PreAuthorize(OperationPermissions.READ)
    @Transactional(readOnly = true)
    public Optional<DeploymentPlan> current(EventId event) {
        var versions = versions(event);
        return versions.isEmpty() ? Optional.empty() : Optional.of(plans.load(versions.get(versions.size() - 1)));
    }

    @PreAuthorize(OperationPermissions.READ)
    @Transactional(readOnly = true)
    public DeploymentPlan version(EventId event, int number) {
        return versions(event).stream().filter(v -> v.number() == number).findFirst().map(plans::load)
                .orElseThrow(() -> new NotFoundException("DeploymentPlan", event + "/" + number));
    }

    @PreAuthorize(OperationPermissions.READ)
    @Transactional(readOnly = true)
    public List<Version> versions(EventId event) {
        return plans.versions(CurrentUser.partnership(), events.get(event).id());
    }

    /** The organisations taking part in the event: those the newest plan version gives a section or a task. */
    @PreAuthorize(OperationPermissions.READ)
    @Transactional(readOnly = true)
    public Set<OrganisationId> involved(EventId event) {
        return plans.involved(CurrentUser.partnership(), events.get(event).id());
    }

    @PreAuthorize(OperationPermissions.PLAN)
    public UUID addSection(EventId event, SectionForm form) {
        var name = required(form.name(), 200, "plan.section.nameRequired");
        var description = optional(form.description(), 2000);
        var organisation = organisation(form.organisation());
        PersonId lead = null;
        if (form.lead() != null) {
            var person = people.get(new PersonId(form.lead()));
            if (!organisation.id().equals(person.organisation())) {
                throw new RuleViolationException("plan.section.leadNotOfOrganisation", person.fullName(),
                        organisation.name());
            }
            lead = person.id();
        }
        var section = new Section(UUID.randomUUID(), name, description, organisation.id(), lead);
        edit(event, version -> plans.insertSection(version, section));
        return section.id();
    }

    @PreAuthorize(OperationPermissions.PLAN)
    public UUID addTask(EventId event, TaskForm form) {
        var title = required(form.title(), 500, "plan.task.titleRequired");
        var section = optional(form.section(), 200);
        var organisation = organisation(form.organisation());
        var task = new Task(UUID.randomUUID(), organisation.id(),
                form.category() == null ? TaskCategory.OTHER : form.category(), title, section);
        edit(event, version -> plans.insertTask(version, task));
        return task.id();
    }

    @PreAuthorize(OperationPermissions.PLAN)
    public UUID addContact(EventId event, ContactForm form) {
        var name = required(form.name(), 200, "plan.contact.nameRequired");
        var function = optional(form.function(), 200);
        var phone = optional(form.phone(), 50);
        var radioChannel = optional(form.radioChannel(), 50);
        if (phone == null && radioChannel == null) {
            throw new RuleViolationException("plan.contact.reachabilityRequired");
        }
        var organisation = form.organisation() == null ? null : organisation(form.organisation()).id();
        var contact = new Contact(UUID.randomUUID(), organisation, name, function, phone, radioChannel);
        edit(event, version -> plans.insertContact(version, contact));
        return contact.id();
    }

    @PreAuthorize(OperationPermissions.PLAN)
    public UUID addPhase(EventId event, PhaseForm form) {
        var name = required(form.name(), 200, "plan.phase.nameRequired");
        var description = optional(form.description(), 2000);
        if (form.startsAt() == null || form.endsAt() == null) {
            throw new RuleViolationException("plan.phase.periodRequired");
        }
        var startsAt = form.startsAt().atZone(clock.getZone()).toInstant();
        var endsAt = form.endsAt().atZone(clock.getZone()).toInstant();
        if (!endsAt.isAfter(startsAt)) {
            throw new RuleViolationException("event.period.invalid");
        }
        var phase = new Phase(UUID.randomUUID(), name, startsAt, endsAt, description);
        edit(event, version -> plans.insertPhase(version, phase));
        return phase.id();
    }

    @PreAuthorize(OperationPermissions.PLAN)
    public void remove(EventId event, PlanPart part, UUID entry) {
        edit(event, version -> {
            if (!plans.remove(version, part, entry)) {
                throw new NotFoundException("PlanEntry", entry);
            }
        });
    }

    @PreAuthorize(OperationPermissions.PLAN)
    public void checkOff(EventId event, UUID item, boolean done) {
        edit(event, version -> {
            if (!plans.checkOff(version, item, done)) {
                throw new NotFoundException("ChecklistItem", item);
            }
        });
    }

    /** Asks the involved organisations to approve the current draft; their staff get an e-mail. */
    @PreAuthorize(OperationPermissions.PLAN)
    public void submit(EventId event) {
        var version = latest(event);
        if (version.status() != PlanStatus.DRAFT) {
            throw new RuleViolationException("plan.notDraft");
        }
        if (plans.load(version).involved().isEmpty()) {
            throw new RuleViolationException("plan.nobodyInvolved");
        }
        plans.setStatus(version.id(), PlanStatus.SUBMITTED, clock.instant());
        var name = events.get(event).name();
        var partnership = CurrentUser.partnership();
        for (var organisation : plans.load(version).involved()) {
            for (var email : accounts.emailsOf(partnership, organisation)) {
                notifications.send(mailTexts.mail(partnership, email, "mail.deploymentPlan.submitted", name,
                        version.number(), baseUrl + "/events/" + event + "/plan"));
            }
        }
        auditTrail.record(AuditAction.CHANGED, "DeploymentPlan", version.id(),
                "Einsatzplan " + name + ", Fassung " + version.number() + " zur Freigabe vorgelegt");
    }

    /** A partner approves the submitted version for its own organisation; the last approval approves the plan. */
    @PreAuthorize(OperationPermissions.STAFF)
    public void approve(EventId event) {
        var version = latest(event);
        if (version.status() != PlanStatus.SUBMITTED) {
            throw new RuleViolationException("plan.notSubmitted");
        }
        var user = CurrentUser.get();
        var plan = plans.load(version);
        if (user.organisation() == null || !plan.involved().contains(user.organisation())) {
            throw new RuleViolationException("plan.notInvolved");
        }
        var now = clock.instant();
        plans.approve(version.id(), user.organisation(), user.displayName(), now);
        if (plans.load(version).missingApprovals().isEmpty()) {
            plans.setStatus(version.id(), PlanStatus.APPROVED, now);
        }
        auditTrail.record(AuditAction.CHANGED, "DeploymentPlan", version.id(), "Einsatzplan " + events.get(event).name()
                + ", Fassung " + version.number() + " freigegeben für " + organisations.get(user.organisation()).name());
    }

    /**
     * A new event from a past one ("Volksfest 2025" → "Volksfest 2026"): its plan (the approved version, else the
     * newest) as the first draft with the phases moved to the new dates, and the lessons of its debrief as a
     * checklist.
     */
    @PreAuthorize(OperationPermissions.PLAN)
    public EventId planFromTemplate(EventId template, EventDetails details) {
        var source = events.get(template);
        var id = events.plan(details);
        var created = events.get(id);
        var partnership = CurrentUser.partnership();
        var version = plans.insertVersion(partnership, id, 1, CurrentUser.get().displayName(), clock.instant());
        var sourceVersions = plans.versions(partnership, template);
        sourceVersions.stream().filter(v -> v.status() == PlanStatus.APPROVED).reduce((a, b) -> b)
                .or(() -> sourceVersions.stream().reduce((a, b) -> b))
                .ifPresent(from -> plans.copyEntries(from.id(), version.id(),
                        Duration.between(source.startsAt(), created.startsAt())));
        for (var lesson : debriefs.lessons(template)) {
            plans.insertChecklistItem(version.id(), lesson.text(), source.name());
        }
        auditTrail.record(AuditAction.CREATED, "DeploymentPlan", version.id(),
                "Einsatzplan " + created.name() + " aus der Vorlage " + source.name());
        return id;
    }

    /** The version as an A4 document to print, with the approvals it has. */
    @PreAuthorize(OperationPermissions.READ)
    public void writePdf(EventId event, int number, OutputStream out) {
        var plan = version(event, number);
        DeploymentPlanDocument.write(partnerships.letterhead(), events.get(event), plan, organisations.byId(),
                people.all(), this::germanLabel, clock.getZone(), out);
        auditTrail.record(AuditAction.EXPORTED, "DeploymentPlan", plan.version().id(),
                "Einsatzplan als PDF: " + events.get(event).name() + ", Fassung " + number);
    }

    /**
     * Applies a change to the version being written: a draft as it is, a submitted one goes back to draft (the
     * approvals given were for another text), an approved one stays and the change goes into a new version.
     */
    private void edit(EventId event, Consumer<UUID> change) {
        var partnership = CurrentUser.partnership();
        var current = plans.lockLatest(partnership, events.get(event).id()).orElse(null);
        var author = CurrentUser.get().displayName();
        var now = clock.instant();
        UUID version;
        if (current == null) {
            version = plans.insertVersion(partnership, event, 1, author, now).id();
        } else if (current.status() == PlanStatus.APPROVED) {
            version = plans.insertVersion(partnership, event, current.number() + 1, author, now).id();
            plans.copyEntries(current.id(), version, Duration.ZERO);
            plans.copyChecklist(current.id(), version);
            auditTrail.record(AuditAction.CREATED, "DeploymentPlan", version, "Einsatzplan "
                    + events.get(event).name() + ": Fassung " + (current.number() + 1) + " nach der freigegebenen");
        } else {
            version = current.id();
            if (current.status() == PlanStatus.SUBMITTED) {
                plans.clearApprovals(version);
                plans.setStatus(version, PlanStatus.DRAFT, now);
            }
        }
        change.accept(version);
    }

    private Version latest(EventId event) {
        return plans.lockLatest(CurrentUser.partnership(), events.get(event).id())
                .orElseThrow(() -> new RuleViolationException("plan.nobodyInvolved"));
    }

    private Organisation organisation(UUID id) {
        if (id == null) {
            throw new RuleViolationException("plan.organisationRequired");
        }
        return organisations.get(new OrganisationId(id));
    }

    /** The German label of a status, category or risk level, as on the German pages. */
    private String germanLabel(Object value) {
        var key = value instanceof PlanStatus ? "plan.status." : value instanceof RiskLevel ? "event.risk."
                : "plan.task.category.";
        return messages.getMessage(key + value, null, Locale.GERMANY);
    }

    private static String required(String value, int maxLength, String messageKey) {
        var text = optional(value, maxLength);
        if (text == null) {
            throw new RuleViolationException(messageKey);
        }
        return text;
    }

    /** The text without surrounding blanks, null if blank; refused if longer than its column. */
    private static String optional(String value, int maxLength) {
        var text = Events.blankToNull(value);
        if (text != null && text.length() > maxLength) {
            throw new RuleViolationException("plan.entry.tooLong", maxLength);
        }
        return text;
    }
}

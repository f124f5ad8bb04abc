package de.sipa.prevention;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.notifications.MailTexts;
import de.sipa.notifications.Notifications;
import de.sipa.partners.Partnership;
import de.sipa.partners.Partnerships;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.RuleViolationException;

/**
 * Project ideas of citizens (the public form, without login) and partners, and their moderation by the coordination:
 * in review, turned into a project (a draft prefilled from the idea, linked both ways) or declined with a reason.
 * A citizen who left an e-mail with consent gets the answer by mail.
 */
@Service
@Transactional
public class ProjectIdeas {

    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_ANSWER = 2000;
    static final int MAX_EMAIL = 254;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final IdeaRepository ideas;
    private final PreventionProjects projects;
    private final Partnerships partnerships;
    private final Notifications notifications;
    private final MailTexts mailTexts;
    private final AuditTrail auditTrail;
    private final Clock clock;

    ProjectIdeas(IdeaRepository ideas, PreventionProjects projects, Partnerships partnerships,
            Notifications notifications, MailTexts mailTexts, AuditTrail auditTrail, Clock clock) {
        this.ideas = ideas;
        this.projects = projects;
        this.partnerships = partnerships;
        this.notifications = notifications;
        this.mailTexts = mailTexts;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /**
     * A citizen's idea from the public form. Bad input is refused with the field's message key
     * ({@code idea.<field>.…}) and nothing is stored; an e-mail without consent is refused too.
     */
    public IdeaId submitPublic(Partnership partnership, IdeaInput input) {
        var problems = problems(input, partnership.id(), true);
        if (!problems.isEmpty()) {
            throw problems.get(0);
        }
        var email = line(input.email());
        var idea = new ProjectIdea(IdeaId.random(), line(input.title()), text(input.description()), input.field(),
                input.district(), IdeaOrigin.CITIZEN, null, email, IdeaStatus.NEW, "", null, clock.instant(), null);
        ideas.insert(partnership.id(), idea);
        return idea.id();
    }

    /** A partner's idea, proposed inside SiPa under the partner's name. */
    @PreAuthorize(PreventionPermissions.EDIT)
    public IdeaId submit(IdeaInput input) {
        var partnership = CurrentUser.partnership();
        var problems = problems(new IdeaInput(input.title(), input.description(), input.field(), input.district(),
                null, false), partnership, false);
        if (!problems.isEmpty()) {
            throw problems.get(0);
        }
        var idea = new ProjectIdea(IdeaId.random(), line(input.title()), text(input.description()), input.field(),
                input.district(), IdeaOrigin.PARTNER, CurrentUser.get().displayName(), null, IdeaStatus.NEW, "", null,
                clock.instant(), null);
        ideas.insert(partnership, idea);
        auditTrail.record(AuditAction.CREATED, "ProjectIdea", idea.id(),
                auditTrail.summary("audit.idea.submitted", idea.title()));
        return idea.id();
    }

    @PreAuthorize(PreventionPermissions.READ)
    @Transactional(readOnly = true)
    public List<ProjectIdea> ideas() {
        return ideas.all(CurrentUser.partnership());
    }

    /** The idea a project was made of, if any. */
    @PreAuthorize(PreventionPermissions.READ)
    @Transactional(readOnly = true)
    public Optional<ProjectIdea> ideaOf(ProjectId project) {
        return ideas.ofProject(CurrentUser.partnership(), project);
    }

    /** The coordination looks into the idea. */
    @PreAuthorize(PreventionPermissions.REVIEW)
    public void review(IdeaId id) {
        var idea = open(id);
        ideas.decide(CurrentUser.partnership(), id, IdeaStatus.IN_REVIEW, idea.answer(), null, clock.instant());
        auditTrail.record(AuditAction.CHANGED, "ProjectIdea", id, auditTrail.summary("audit.idea.review", idea.title()));
    }

    /** Declines the idea with a reason, which a citizen who left an e-mail gets by mail. */
    @PreAuthorize(PreventionPermissions.REVIEW)
    public void decline(IdeaId id, String reason) {
        var idea = open(id);
        var answer = text(reason);
        if (answer.isEmpty()) {
            throw new RuleViolationException("idea.answer.required");
        }
        if (answer.length() > MAX_ANSWER) {
            throw new RuleViolationException("idea.answer.tooLong", MAX_ANSWER);
        }
        ideas.decide(CurrentUser.partnership(), id, IdeaStatus.DECLINED, answer, null, clock.instant());
        auditTrail.record(AuditAction.CHANGED, "ProjectIdea", id,
                auditTrail.summary("audit.idea.declined", idea.title()));
        if (idea.contactEmail() != null) {
            notifications.send(mailTexts.mail(CurrentUser.partnership(), idea.contactEmail(), "mail.idea.declined",
                    idea.title(), answer, partnershipName()));
        }
    }

    /**
     * Turns the idea into a project: a draft (status idea) with the idea's title, field, district and description,
     * the idea's text as step 1's problem description; the idea keeps the link to the project.
     */
    @PreAuthorize(PreventionPermissions.REVIEW)
    public ProjectId turnIntoProject(IdeaId id) {
        var idea = open(id);
        var draft = new ProjectDraft(idea.title(), null, List.of(),
                idea.field() == null ? PreventionField.OTHER : idea.field(), new LinkedHashSet<>(),
                idea.description(),
                idea.district() == null ? List.of() : List.of(idea.district()), List.of(), null, null, List.of(), "",
                Evidence.none());
        var project = projects.create(draft);
        projects.writeStep(project, BeccariaStep.PROBLEM, java.util.Map.of("problem", idea.description()));
        ideas.decide(CurrentUser.partnership(), id, IdeaStatus.PROJECT, idea.answer(), project, clock.instant());
        auditTrail.record(AuditAction.CHANGED, "ProjectIdea", id,
                auditTrail.summary("audit.idea.project", idea.title()));
        if (idea.contactEmail() != null) {
            notifications.send(mailTexts.mail(CurrentUser.partnership(), idea.contactEmail(), "mail.idea.project",
                    idea.title(), partnershipName()));
        }
        return project;
    }

    private ProjectIdea open(IdeaId id) {
        var idea = ideas.find(CurrentUser.partnership(), id).orElseThrow(() -> new NotFoundException("ProjectIdea", id));
        if (idea.status().decided()) {
            throw new RuleViolationException("idea.decided");
        }
        return idea;
    }

    private String partnershipName() {
        return partnerships.mine().name();
    }

    /** Every problem with the input, each with its field's message key ({@code idea.<field>.…}). */
    List<RuleViolationException> problems(IdeaInput input, de.sipa.shared.PartnershipId partnership,
            boolean citizen) {
        var problems = new ArrayList<RuleViolationException>();
        var title = line(input.title());
        if (title == null) {
            problems.add(new RuleViolationException("idea.title.required"));
        } else if (title.length() > MAX_TITLE) {
            problems.add(new RuleViolationException("idea.title.tooLong", MAX_TITLE));
        }
        var description = text(input.description());
        if (description.isEmpty()) {
            problems.add(new RuleViolationException("idea.description.required"));
        } else if (description.length() > MAX_DESCRIPTION) {
            problems.add(new RuleViolationException("idea.description.tooLong", MAX_DESCRIPTION));
        }
        if (input.district() != null && partnerships.districtsOf(partnership).stream()
                .noneMatch(d -> d.id().equals(input.district()))) {
            problems.add(new RuleViolationException("idea.district.unknown"));
        }
        if (citizen) {
            var email = line(input.email());
            if (email != null && (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches())) {
                problems.add(new RuleViolationException("idea.email.invalid"));
            }
            if (email != null && !input.consent()) {
                problems.add(new RuleViolationException("idea.consent.required"));
            }
        }
        return problems;
    }

    static String line(String value) {
        if (value == null) {
            return null;
        }
        var stripped = value.strip().replaceAll("\\s+", " ");
        return stripped.isEmpty() ? null : stripped;
    }

    static String text(String value) {
        return value == null ? "" : value.strip().replace("\r\n", "\n");
    }
}

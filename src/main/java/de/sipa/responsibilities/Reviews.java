package de.sipa.responsibilities;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.Accounts;
import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.notifications.MailTexts;
import de.sipa.notifications.Notifications;
import de.sipa.partners.DistrictId;
import de.sipa.shared.BaseUrl;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.OrganisationId;
import de.sipa.shared.PartnershipId;
import de.sipa.shared.RuleViolationException;

/**
 * The recorded review of responsibilities (Aufgabenkritik): the coordinator opens it, each organisation answers
 * for its entries, the coordinator consolidates proposals, the steering group decides each, and the approved
 * ones change the matrix in one step that names the review.
 */
@Service
@Transactional
public class Reviews {

    /** Reminders go out on each of the last days before the deadline. */
    static final int REMIND_DAYS_BEFORE = 3;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final ReviewRepository reviews;
    private final Responsibilities responsibilities;
    private final Accounts accounts;
    private final Notifications notifications;
    private final MailTexts mailTexts;
    private final AuditTrail auditTrail;
    private final Clock clock;
    private final String baseUrl;

    Reviews(ReviewRepository reviews, Responsibilities responsibilities, Accounts accounts,
            Notifications notifications, MailTexts mailTexts, AuditTrail auditTrail, Clock clock,
            BaseUrl baseUrl) {
        this.reviews = reviews;
        this.responsibilities = responsibilities;
        this.accounts = accounts;
        this.notifications = notifications;
        this.mailTexts = mailTexts;
        this.auditTrail = auditTrail;
        this.clock = clock;
        this.baseUrl = baseUrl.value();
    }

    @PreAuthorize(ResponsibilityPermissions.READ)
    @Transactional(readOnly = true)
    public List<Review> all() {
        return reviews.all(CurrentUser.partnership());
    }

    /** The rounds in one status ({@code null}: those not closed yet), as the list of rounds filters them. */
    @PreAuthorize(ResponsibilityPermissions.READ)
    @Transactional(readOnly = true)
    public List<Review> inStatus(ReviewStatus status) {
        return all().stream().filter(review -> status == null ? review.status() != ReviewStatus.CLOSED
                : review.status() == status).toList();
    }

    /**
     * Per open round, how many of the entries an organisation leads still wait for its answer; rounds without such
     * entries are left out.
     */
    @PreAuthorize(ResponsibilityPermissions.READ)
    @Transactional(readOnly = true)
    public Map<Review, Long> unansweredLeads(OrganisationId organisation) {
        var waiting = new java.util.LinkedHashMap<Review, Long>();
        for (var review : inStatus(ReviewStatus.OPEN)) {
            long count = items(review.id()).stream().filter(item -> organisation.equals(item.organisation())
                    && item.entry().responsibility() == Responsibility.LEAD && !item.answered()).count();
            if (count > 0) {
                waiting.put(review, count);
            }
        }
        return waiting;
    }

    /** How many proposals of the rounds submitted to the steering group wait for its decision. */
    @PreAuthorize(ResponsibilityPermissions.READ)
    @Transactional(readOnly = true)
    public long undecidedProposals() {
        return inStatus(ReviewStatus.SUBMITTED).stream()
                .mapToLong(review -> proposals(review.id()).stream().filter(p -> !p.decided()).count()).sum();
    }

    @PreAuthorize(ResponsibilityPermissions.READ)
    @Transactional(readOnly = true)
    public Review get(ReviewId id) {
        return reviews.find(CurrentUser.partnership(), id).orElseThrow(() -> new NotFoundException("Review", id));
    }

    @PreAuthorize(ResponsibilityPermissions.READ)
    @Transactional(readOnly = true)
    public List<ReviewItem> items(ReviewId id) {
        return reviews.items(get(id).id());
    }

    @PreAuthorize(ResponsibilityPermissions.READ)
    @Transactional(readOnly = true)
    public List<Proposal> proposals(ReviewId id) {
        return reviews.proposals(get(id).id());
    }

    /** Answered and open items per involved organisation. */
    @PreAuthorize(ResponsibilityPermissions.READ)
    @Transactional(readOnly = true)
    public List<ReviewProgress> progress(ReviewId id) {
        Map<OrganisationId, int[]> counts = new LinkedHashMap<>();
        for (var item : items(id)) {
            var count = counts.computeIfAbsent(item.organisation(), o -> new int[2]);
            count[0]++;
            if (item.answered()) {
                count[1]++;
            }
        }
        return counts.entrySet().stream().map(e -> new ReviewProgress(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .toList();
    }

    /** Whether the current user may answer for the item: its organisation's staff, or the coordinator. */
    @PreAuthorize(ResponsibilityPermissions.READ)
    public boolean mayAnswer(ReviewItem item) {
        var user = CurrentUser.get();
        return user.coordinates() || user.belongsTo(item.organisation());
    }

    @PreAuthorize(ResponsibilityPermissions.MANAGE)
    public ReviewId open(ReviewForm form) {
        var partnership = CurrentUser.partnership();
        var topics = form.topicIds().stream().map(TopicId::new).collect(Collectors.toSet());
        var districts = form.districtIds().stream().map(DistrictId::new).collect(Collectors.toSet());
        var matrix = responsibilities.matrix();
        var knownTopics = matrix.topics().stream().map(Topic::id).collect(Collectors.toSet());
        var knownDistricts = matrix.districts().stream().map(d -> d.id()).collect(Collectors.toSet());
        if (!knownTopics.containsAll(topics) || !knownDistricts.containsAll(districts)) {
            throw new RuleViolationException("review.scope.unknown");
        }
        var review = new Review(ReviewId.random(), form.title().strip(), form.deadline(), ReviewStatus.OPEN, topics,
                districts, CurrentUser.get().username(), clock.instant(), null, null, null);
        var covered = matrix.entries().stream().filter(review::covers).toList();
        if (covered.isEmpty()) {
            throw new RuleViolationException("review.scope.empty");
        }
        reviews.insert(partnership, review);
        covered.forEach(entry -> reviews.insertItem(review.id(), entry));
        covered.stream().map(MatrixEntry::organisation).distinct()
                .forEach(organisation -> invite(partnership, review, organisation,
                        (int) covered.stream().filter(e -> e.organisation().equals(organisation)).count()));
        auditTrail.record(AuditAction.CREATED, "ResponsibilityReview", review.id(),
                "Aufgabenkritik „" + review.title() + "“ eröffnet (" + covered.size() + " Einträge, Frist "
                        + review.deadline().format(DATE) + ")");
        return review.id();
    }

    /** An organisation answers for one of its entries; it may change its answer while the review is open. */
    @PreAuthorize(ResponsibilityPermissions.READ)
    public void answer(ReviewId id, UUID itemId, AnswerForm form) {
        var review = lockOpen(id);
        var item = reviews.item(review.id(), itemId).orElseThrow(() -> new NotFoundException("ReviewItem", itemId));
        if (!mayAnswer(item)) {
            throw new AccessDeniedException("Only the organisation's own staff answer for its entries");
        }
        OrganisationId proposedOrganisation = null;
        Responsibility proposedResponsibility = null;
        List<Resource> proposedResources = null;
        var reason = form.reason() == null ? "" : form.reason().strip();
        if (form.answer() != ReviewAnswer.CONFIRMED && reason.isEmpty()) {
            throw new RuleViolationException("review.answer.reasonRequired");
        }
        if (form.answer() == ReviewAnswer.CHANGE_PROPOSED) {
            if (form.proposedOrganisationId() == null || form.proposedResponsibility() == null) {
                throw new RuleViolationException("review.answer.changeIncomplete");
            }
            proposedOrganisation = new OrganisationId(form.proposedOrganisationId());
            responsibilities.requireOrganisation(proposedOrganisation);
            proposedResponsibility = form.proposedResponsibility();
            proposedResources = Resource.parseAll(form.proposedResources());
        }
        reviews.answer(item.id(), form.answer(), proposedOrganisation, proposedResponsibility, proposedResources,
                reason.isEmpty() ? null : reason, CurrentUser.get().username(), clock.instant());
    }

    /** Turns an organisation's answer into a proposal: a proposed change as such, "not ours" as removal. */
    @PreAuthorize(ResponsibilityPermissions.MANAGE)
    public void adopt(ReviewId id, UUID itemId) {
        var review = lockOpen(id);
        var item = reviews.item(review.id(), itemId).orElseThrow(() -> new NotFoundException("ReviewItem", itemId));
        if (item.answer() == null || item.answer() == ReviewAnswer.CONFIRMED) {
            throw new RuleViolationException("review.adopt.nothingToAdopt");
        }
        if (reviews.proposals(review.id()).stream().anyMatch(p -> itemId.equals(p.item()))) {
            throw new RuleViolationException("review.adopt.already");
        }
        var entry = item.entry();
        if (item.answer() == ReviewAnswer.NOT_OURS) {
            reviews.insertProposal(review.id(), ProposalKind.REMOVE, entry, item.id(), item.reason());
        } else {
            var target = new MatrixEntry(entry.id(), entry.topic(), entry.district(), entry.timeWindow(),
                    item.proposedOrganisation(), item.proposedResponsibility(), item.proposedResources(), null);
            reviews.insertProposal(review.id(), ProposalKind.CHANGE, target, item.id(), item.reason());
        }
    }

    /** A new entry the coordinator proposes, e.g. a lead for a gap nobody answered for. */
    @PreAuthorize(ResponsibilityPermissions.MANAGE)
    public void propose(ReviewId id, ProposalForm form) {
        var review = lockOpen(id);
        var target = responsibilities.checked(EntryId.random(), new EntryDetails(form.topicId(), form.districtId(),
                form.timeWindowId(), form.organisationId(), form.responsibility(), form.resources(), null,
                form.rationale()));
        reviews.insertProposal(review.id(), ProposalKind.ASSIGN, target, null, form.rationale().strip());
    }

    @PreAuthorize(ResponsibilityPermissions.MANAGE)
    public void withdraw(ReviewId id, UUID proposal) {
        var review = lockOpen(id);
        reviews.deleteProposal(review.id(), proposal);
    }

    /** Hands the proposals to the steering group; answers are closed from now on. */
    @PreAuthorize(ResponsibilityPermissions.MANAGE)
    public void submit(ReviewId id) {
        var review = lockOpen(id);
        reviews.submitted(review.id(), clock.instant());
        auditTrail.record(AuditAction.CHANGED, "ResponsibilityReview", review.id(), "Aufgabenkritik „" + review.title()
                + "“ der Lenkungsgruppe vorgelegt (" + reviews.proposals(review.id()).size() + " Vorschläge)");
    }

    /** The steering group approves or rejects one proposal. */
    @PreAuthorize(ResponsibilityPermissions.DECIDE)
    public void decide(ReviewId id, UUID proposal, boolean approved, String note) {
        var review = lock(id);
        if (review.status() != ReviewStatus.SUBMITTED) {
            throw new RuleViolationException("review.decide.notSubmitted");
        }
        if (reviews.proposals(review.id()).stream().noneMatch(p -> p.id().equals(proposal))) {
            throw new NotFoundException("Proposal", proposal);
        }
        reviews.decide(review.id(), proposal, approved ? Decision.APPROVED : Decision.REJECTED,
                CurrentUser.get().username(), clock.instant(), note == null || note.isBlank() ? null : note.strip());
        auditTrail.record(AuditAction.CHANGED, "ResponsibilityReview", review.id(),
                "Vorschlag der Aufgabenkritik „" + review.title() + "“ " + (approved ? "beschlossen" : "abgelehnt"));
    }

    /**
     * Applies all approved proposals in one versioned change of the matrix and closes the review. Refused while a
     * proposal is undecided, or if an entry it changes was changed in the meantime.
     */
    @PreAuthorize(ResponsibilityPermissions.MANAGE)
    public Long apply(ReviewId id) {
        var review = lock(id);
        if (review.status() != ReviewStatus.SUBMITTED) {
            throw new RuleViolationException("review.apply.notSubmitted");
        }
        var proposals = reviews.proposals(review.id());
        if (proposals.stream().anyMatch(p -> !p.decided())) {
            throw new RuleViolationException("review.apply.undecided");
        }
        var approved = proposals.stream().filter(p -> p.decision() == Decision.APPROVED).toList();
        var current = responsibilities.matrix();
        var items = reviews.items(review.id()).stream().collect(Collectors.toMap(i -> i.entry().id(), i -> i.entry()));
        for (var proposal : approved) {
            if (proposal.kind() != ProposalKind.ASSIGN) {
                var now = current.entry(proposal.target().id());
                var then = items.get(proposal.target().id());
                if (now.isEmpty() || (then != null && !now.get().assignment().equals(then.assignment()))) {
                    throw new RuleViolationException("review.apply.conflict", topicName(current, proposal));
                }
            }
        }
        Long change = approved.isEmpty() ? null : responsibilities.apply(
                approved.stream().map(Proposal::toEdit).toList(), "Aufgabenkritik „" + review.title() + "“: "
                        + approved.size() + " beschlossene Änderung(en)", review.id().value());
        reviews.closed(review.id(), clock.instant(), change);
        auditTrail.record(AuditAction.CHANGED, "ResponsibilityReview", review.id(), "Aufgabenkritik „" + review.title()
                + "“ abgeschlossen: " + approved.size() + " von " + proposals.size() + " Vorschlägen übernommen");
        return change;
    }

    /** Daily: reminds organisations with open items of reviews whose deadline is near. */
    @Scheduled(cron = "${sipa.reviews.reminder-cron:0 0 7 * * *}", zone = "${sipa.time-zone:Europe/Berlin}")
    @SchedulerLock(name = "responsibilities.review-reminders", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5M")
    void remindDaily() {
        remindBefore(LocalDate.now(clock));
    }

    /** Sends the reminders due on the given day; returns how many mails were queued. */
    int remindBefore(LocalDate today) {
        int queued = 0;
        for (var partnership : reviews.partnershipsWithOpenReviewsDueBetween(today, today.plusDays(REMIND_DAYS_BEFORE))) {
            queued += CurrentUser.runAs(SipaUser.system(partnership), () -> remind(partnership, today));
        }
        return queued;
    }

    private int remind(PartnershipId partnership, LocalDate today) {
        int queued = 0;
        for (var review : reviews.all(partnership)) {
            if (!review.isOpen() || review.deadline().isBefore(today)
                    || review.deadline().isAfter(today.plusDays(REMIND_DAYS_BEFORE))) {
                continue;
            }
            for (var progress : progress(review.id())) {
                if (progress.complete()) {
                    continue;
                }
                for (var email : accounts.emailsOf(partnership, progress.organisation())) {
                    var mail = mailTexts.mail(partnership, email, "mail.review.reminder", review.title(),
                            review.deadline().format(DATE), progress.items() - progress.answered(), progress.items(),
                            baseUrl + "/reviews/" + review.id())
                            .once("review-reminder:" + review.id() + ":" + progress.organisation() + ":" + email + ":" + today);
                    if (notifications.send(mail)) {
                        queued++;
                    }
                }
            }
        }
        return queued;
    }

    /** Tells an involved organisation that its list is waiting. */
    private void invite(PartnershipId partnership, Review review, OrganisationId organisation, int items) {
        for (var email : accounts.emailsOf(partnership, organisation)) {
            notifications.send(mailTexts.mail(partnership, email, "mail.review.invitation", review.title(),
                    review.deadline().format(DATE), items, baseUrl + "/reviews/" + review.id()));
        }
    }

    private Review lock(ReviewId id) {
        return reviews.lock(CurrentUser.partnership(), id).orElseThrow(() -> new NotFoundException("Review", id));
    }

    private Review lockOpen(ReviewId id) {
        var review = lock(id);
        if (!review.isOpen()) {
            throw new RuleViolationException("review.notOpen");
        }
        return review;
    }

    private static String topicName(Matrix matrix, Proposal proposal) {
        return matrix.topics().stream().filter(t -> t.id().equals(proposal.target().topic())).map(Topic::name)
                .findFirst().orElse("?");
    }
}

package de.sipa.website;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.partners.Organisations;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.OrganisationId;
import de.sipa.shared.PartnershipId;
import de.sipa.shared.PlainText;
import de.sipa.shared.RuleViolationException;

/**
 * The news of the partnership's website. The coordination writes a post and gives it to the partners it names in a
 * joint statement; the staff of each named organisation approve it (or decline it with a note) for their
 * organisation only; the post goes public once every named partner approved, at once if it names none. Changing the
 * text asks every partner again; the coordination can withdraw a post from the website.
 */
@Service
@Transactional
public class NewsPosts {

    static final int MAX_TITLE = 200;
    static final int MAX_TEASER = 500;
    static final int MAX_TEXT = 40_000;
    static final int MAX_NOTE = 1000;
    static final int MAX_PARTNERS = 20;

    private final NewsPostRepository repository;
    private final Organisations organisations;
    private final AuditTrail auditTrail;
    private final Clock clock;

    NewsPosts(NewsPostRepository repository, Organisations organisations, AuditTrail auditTrail, Clock clock) {
        this.repository = repository;
        this.organisations = organisations;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    @PreAuthorize(WebsitePermissions.READ)
    @Transactional(readOnly = true)
    public List<NewsPost> posts() {
        return repository.all(CurrentUser.partnership());
    }

    @PreAuthorize(WebsitePermissions.READ)
    @Transactional(readOnly = true)
    public NewsPost post(NewsPostId id) {
        return repository.find(CurrentUser.partnership(), id).orElseThrow(() -> new NotFoundException("NewsPost", id));
    }

    /** Whether the current user answers for an organisation named in the post that has not approved it yet. */
    public static boolean mayAnswer(NewsPost post) {
        var user = CurrentUser.find().orElse(null);
        return user != null && user.organisation() != null && post.status() == PostStatus.AWAITING_APPROVAL
                && post.approvalOf(user.organisation()).filter(a -> a.decision() != Decision.APPROVED).isPresent();
    }

    @PreAuthorize(WebsitePermissions.WRITE)
    public NewsPostId write(PostDraft draft) {
        var now = clock.instant();
        var post = new NewsPost(NewsPostId.random(), title(draft), teaser(draft), text(draft), PostStatus.DRAFT,
                CurrentUser.get().displayName(), now, now, null, named(draft.partners()));
        repository.insert(CurrentUser.partnership(), post);
        auditTrail.record(AuditAction.CREATED, "NewsPost", post.id(), auditTrail.summary("audit.newsPost.written",
                post.title()));
        return post.id();
    }

    /** A changed post is a draft again, and every named partner is asked anew. */
    @PreAuthorize(WebsitePermissions.WRITE)
    public void change(NewsPostId id, PostDraft draft) {
        var old = post(id);
        if (old.status() == PostStatus.PUBLISHED) {
            throw new RuleViolationException("newsPost.published.withdrawFirst");
        }
        var post = new NewsPost(id, title(draft), teaser(draft), text(draft), PostStatus.DRAFT, old.writtenBy(),
                old.createdAt(), clock.instant(), old.publishedAt(), named(draft.partners()));
        repository.update(CurrentUser.partnership(), post);
        auditTrail.record(AuditAction.CHANGED, "NewsPost", id, auditTrail.summary("audit.newsPost.changed",
                post.title()));
    }

    /** Gives the post to the named partners, or publishes it when it names none (or all approved it already). */
    @PreAuthorize(WebsitePermissions.WRITE)
    public PostStatus submit(NewsPostId id) {
        var post = post(id);
        if (post.status() != PostStatus.DRAFT && post.status() != PostStatus.WITHDRAWN) {
            throw new RuleViolationException("newsPost.submit.notDraft");
        }
        var status = post.approvedByAll() ? PostStatus.PUBLISHED : PostStatus.AWAITING_APPROVAL;
        save(post, status);
        auditTrail.record(AuditAction.CHANGED, "NewsPost", id, auditTrail.summary(status == PostStatus.PUBLISHED
                ? "audit.newsPost.published" : "audit.newsPost.submitted", post.title(),
                String.join(", ", post.partnerNames())));
        return status;
    }

    /**
     * The current user approves the post for their own organisation, which the post must name; the last approval
     * publishes it. Nobody approves for another organisation: the organisation is the user's, never chosen.
     */
    @PreAuthorize(WebsitePermissions.ANSWER)
    public PostStatus approve(NewsPostId id) {
        return answer(id, Decision.APPROVED, null);
    }

    /** The current user declines the post for their own organisation, saying why; it stays off the website. */
    @PreAuthorize(WebsitePermissions.ANSWER)
    public void decline(NewsPostId id, String note) {
        var clean = PlainText.clean(note == null ? "" : note).strip();
        if (clean.isEmpty()) {
            throw new RuleViolationException("newsPost.decline.noteRequired");
        }
        if (clean.length() > MAX_NOTE) {
            throw new RuleViolationException("newsPost.decline.noteTooLong", MAX_NOTE);
        }
        answer(id, Decision.DECLINED, clean);
    }

    /** Takes a published or waiting post off the website. */
    @PreAuthorize(WebsitePermissions.WRITE)
    public void withdraw(NewsPostId id) {
        var post = post(id);
        if (post.status() != PostStatus.PUBLISHED && post.status() != PostStatus.AWAITING_APPROVAL) {
            throw new RuleViolationException("newsPost.withdraw.notPublic");
        }
        save(post, PostStatus.WITHDRAWN);
        auditTrail.record(AuditAction.CHANGED, "NewsPost", id, auditTrail.summary("audit.newsPost.withdrawn",
                post.title()));
    }

    /** One page of the partnership's published news, for the public website (no login). */
    @Transactional(readOnly = true)
    public PublicNews published(PartnershipId partnership, int page, int size) {
        var total = repository.countPublished(partnership);
        var pages = (int) Math.max(1, (total + size - 1) / size);
        var shown = Math.max(0, Math.min(page, pages - 1));
        return new PublicNews(repository.published(partnership, shown * size, size), shown, pages, total);
    }

    /** A published post for its public page; unpublished, withdrawn and unapproved posts are not found. */
    @Transactional(readOnly = true)
    public Optional<NewsPost> published(PartnershipId partnership, NewsPostId id) {
        return repository.findPublished(partnership, id);
    }

    private PostStatus answer(NewsPostId id, Decision decision, String note) {
        var post = post(id);
        var user = CurrentUser.get();
        var organisation = user.organisation();
        var named = organisation == null ? Optional.<Approval>empty() : post.approvalOf(organisation);
        if (named.isEmpty()) {
            throw new AccessDeniedException("Only the staff of a named partner answer for it");
        }
        if (post.status() != PostStatus.AWAITING_APPROVAL) {
            throw new RuleViolationException("newsPost.answer.notAwaiting");
        }
        var now = clock.instant();
        var approvals = new ArrayList<Approval>();
        for (var a : post.approvals()) {
            approvals.add(a.organisation().equals(organisation)
                    ? new Approval(organisation, a.organisationName(), decision, note, user.displayName(), now) : a);
        }
        var answered = new NewsPost(post.id(), post.title(), post.teaser(), post.body(), post.status(),
                post.writtenBy(), post.createdAt(), post.changedAt(), post.publishedAt(), List.copyOf(approvals));
        var status = answered.approvedByAll() ? PostStatus.PUBLISHED : PostStatus.AWAITING_APPROVAL;
        save(answered, status);
        auditTrail.record(AuditAction.CHANGED, "NewsPost", id, auditTrail.summary(decision == Decision.APPROVED
                ? "audit.newsPost.approved" : "audit.newsPost.declined", post.title(), named.get().organisationName(),
                note == null ? "" : note));
        if (status == PostStatus.PUBLISHED) {
            auditTrail.record(AuditAction.CHANGED, "NewsPost", id, auditTrail.summary("audit.newsPost.published",
                    post.title(), String.join(", ", post.partnerNames())));
        }
        return status;
    }

    private void save(NewsPost post, PostStatus status) {
        var now = clock.instant();
        var publishedAt = status == PostStatus.PUBLISHED ? now : post.publishedAt();
        repository.update(CurrentUser.partnership(), new NewsPost(post.id(), post.title(), post.teaser(), post.body(),
                status, post.writtenBy(), post.createdAt(), post.changedAt(), publishedAt, post.approvals()));
    }

    private List<Approval> named(List<UUID> partners) {
        var ids = new LinkedHashSet<>(partners);
        if (ids.size() > MAX_PARTNERS) {
            throw new RuleViolationException("newsPost.partners.tooMany", MAX_PARTNERS);
        }
        return ids.stream().map(OrganisationId::new).map(organisations::get)
                .map(o -> new Approval(o.id(), o.name(), Decision.PENDING, null, null, null)).toList();
    }

    private static String title(PostDraft draft) {
        return required(draft.title(), "newsPost.title.required", MAX_TITLE, "newsPost.title.tooLong");
    }

    private static String teaser(PostDraft draft) {
        return required(draft.teaser(), "newsPost.teaser.required", MAX_TEASER, "newsPost.teaser.tooLong");
    }

    private static String text(PostDraft draft) {
        var html = NewsText.sanitise(draft.text());
        if (NewsText.visible(html).isBlank()) {
            throw new RuleViolationException("newsPost.text.required");
        }
        if (html.length() > MAX_TEXT) {
            throw new RuleViolationException("newsPost.text.tooLong", MAX_TEXT);
        }
        return html;
    }

    private static String required(String typed, String missing, int max, String tooLong) {
        var clean = PlainText.clean(typed == null ? "" : typed).strip().replaceAll("\\s+", " ");
        if (clean.isEmpty()) {
            throw new RuleViolationException(missing);
        }
        if (clean.length() > max) {
            throw new RuleViolationException(tooLong, max);
        }
        return clean;
    }
}

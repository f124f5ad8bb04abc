package de.sipa.website;

import java.time.Instant;
import java.util.List;

import de.sipa.shared.OrganisationId;

/**
 * A news post of the coordination.
 *
 * @param body sanitised HTML, shown as it is stored
 * @param approvals the partners named in a joint statement; empty for the coordination's own news
 * @param publishedAt when it went public; {@code null} while it never was
 */
public record NewsPost(NewsPostId id, String title, String teaser, String body, PostStatus status, String writtenBy,
        Instant createdAt, Instant changedAt, Instant publishedAt, List<Approval> approvals) {

    public boolean jointStatement() {
        return !approvals.isEmpty();
    }

    public boolean approvedByAll() {
        return approvals.stream().allMatch(a -> a.decision() == Decision.APPROVED);
    }

    public List<String> partnerNames() {
        return approvals.stream().map(Approval::organisationName).toList();
    }

    public java.util.Optional<Approval> approvalOf(OrganisationId organisation) {
        return approvals.stream().filter(a -> a.organisation().equals(organisation)).findFirst();
    }

    /** The time shown and fed: when it went public, else when it was last changed. */
    public Instant shownAt() {
        return publishedAt != null ? publishedAt : changedAt;
    }
}

package de.sipa.website;

/** Where a news post stands: only {@link #PUBLISHED} is shown on the public website. */
public enum PostStatus {
    /** Written, not yet given to the named partners (or changed since). */
    DRAFT,
    /** Waiting for every named partner's approval. */
    AWAITING_APPROVAL,
    PUBLISHED,
    /** Taken off the website by the coordination. */
    WITHDRAWN
}

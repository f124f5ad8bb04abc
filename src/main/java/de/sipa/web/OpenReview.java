package de.sipa.web;

import de.sipa.responsibilities.Review;

/**
 * An open review and how many of its entries still wait for an answer from the user's organisation. Public only
 * for the template engine.
 */
public record OpenReview(Review review, long waitingForMe) {
}

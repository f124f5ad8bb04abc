package de.sipa.volunteers;

/** Draft (only the staff see it), published (citizens see it and sign up), closed (no more sign-ups). */
public enum OfferStatus {
    DRAFT, PUBLISHED, CLOSED
}

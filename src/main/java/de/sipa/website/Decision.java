package de.sipa.website;

/** A named partner's answer to a joint statement. */
public enum Decision {
    PENDING, APPROVED, DECLINED
}

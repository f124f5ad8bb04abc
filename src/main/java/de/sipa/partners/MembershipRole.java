package de.sipa.partners;

/** Ordered as a body lists its members: chairs first. */
public enum MembershipRole {
    CHAIR, DEPUTY_CHAIR, STANDING_MEMBER, GUEST
}

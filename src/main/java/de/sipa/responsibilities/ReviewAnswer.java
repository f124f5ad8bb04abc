package de.sipa.responsibilities;

/** An organisation's answer to one of its entries under review. */
public enum ReviewAnswer {
    CONFIRMED, CHANGE_PROPOSED, NOT_OURS
}

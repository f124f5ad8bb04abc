package de.sipa.prevention;

/**
 * How well the programme a project follows is proven to work, in the levels of the Grüne Liste Prävention (or the
 * nearest level of another registry); labels in messages ({@code prevention.evidence.*}).
 */
public enum EvidenceLevel {
    /** No listed programme, or not yet looked up. */
    NONE,
    /** Effektivität theoretisch gut begründet. */
    THEORETICAL,
    /** Effektivität wahrscheinlich. */
    PROBABLE,
    /** Effektivität nachgewiesen. */
    PROVEN
}

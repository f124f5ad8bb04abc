package de.sipa.responsibilities;

public enum FindingKind {
    /** Nobody leads the topic there and then. */
    GAP,
    /** More than one organisation leads the topic there and then. */
    OVERLAP,
    /** An entry names an organisation that is no longer active. */
    ORPHANED,
    /** A lead without any resources attached. */
    LEAD_WITHOUT_RESOURCES
}

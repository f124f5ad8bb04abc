package de.sipa.responsibilities;

/** What an organisation's part in a task is. */
public enum Responsibility {
    /** Leads: concerns on the topic go to it. */
    LEAD,
    /** Supports the lead. */
    SUPPORT,
    /** Is kept informed. */
    INFORMED
}

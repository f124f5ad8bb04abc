package de.sipa.meetings;

/** Draft → circulated for comments → approved; an approved version stays as it is. */
public enum MinutesStatus {
    DRAFT, CIRCULATED, APPROVED
}

package de.sipa.partners;

/** What a CSV import brings in; the columns follow the directory's own CSV export. */
public enum ImportKind {
    ORGANISATIONS, PEOPLE
}

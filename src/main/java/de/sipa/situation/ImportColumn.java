package de.sipa.situation;

/**
 * A column an import of the situation picture needs from an uploaded CSV file ({@link PksColumn},
 * {@link IncidentColumn}), with the header the police's exports usually give it and the other headers that mean it.
 */
interface ImportColumn {

    String name();

    /** The header of the sample the import page shows. */
    String header();

    /** Other (lower-cased) headers that mean this column. */
    java.util.List<String> synonyms();

    /** Whether a file's (lower-cased) header names this column. */
    default boolean names(String column) {
        return column.equals(CrimeFigures.normalised(header())) || synonyms().contains(column);
    }
}

package de.sipa.situation;

/** The figures of one year. */
public record YearFigures(int year, Figures figures) {
}

package de.sipa.places;

import java.time.LocalDate;

/**
 * What a place's evaluation compares, kept per place so that it gives the same figures tomorrow.
 *
 * @param start the day the measures began: the window after starts here, the window before ends the day before
 * @param windowMonths the length of each window
 * @param bufferMetres the width of the ring around the place watched for displacement
 * @param comparisonArea GeoJSON polygon of the comparison area in WGS84, {@code null} until one is drawn
 */
public record PlaceEffectSettings(LocalDate start, int windowMonths, int bufferMetres, String comparisonArea) {

    public static final int DEFAULT_WINDOW_MONTHS = 12;
    public static final int DEFAULT_BUFFER_METRES = 200;
    static final int MAX_WINDOW_MONTHS = 24;
    static final int MIN_BUFFER_METRES = 25;
    static final int MAX_BUFFER_METRES = 1_000;
}

package de.sipa.places;

import java.time.YearMonth;

/** The citizens' ratings of a place in one month: how many, and their mean (1 very unsafe … 5 very safe). */
public record RatingMonth(YearMonth month, int count, double mean) {

    /** The mean as a share of the scale's width, for a bar. */
    public int percent() {
        return (int) Math.round((mean - 1) * 25);
    }
}

package de.sipa.situation;

import java.time.LocalDate;

/**
 * What the near-repeat analysis looks at: the reports of one category (by its Open311 code) submitted in a period
 * (both days included) from some sources, paired by distance bands of {@code distanceBand} metres and time bands of
 * {@code dayBand} days.
 */
public record NearRepeatQuery(LocalDate from, LocalDate to, String category, HotspotSource source, int distanceBand,
        int distanceBands, int dayBand, int dayBands) {

    public static final int DEFAULT_DISTANCE_BAND = 100;
    public static final int MIN_DISTANCE_BAND = 25;
    public static final int MAX_DISTANCE_BAND = 1000;
    public static final int DEFAULT_BANDS = 4;
    public static final int MAX_BANDS = 6;
    public static final int DEFAULT_DAY_BAND = 7;
    public static final int MAX_DAY_BAND = 60;
    /** The permutations of the times; 99 gives p-values down to 0.01. */
    public static final int PERMUTATIONS = 99;
    /** Fixed so that the same query shows the same table. */
    public static final long SEED = 20_260_101L;
    /** The most events compared pairwise; more: a shorter period, please. */
    public static final int MAX_EVENTS = 20_000;

    public NearRepeatQuery {
        category = category == null || category.isBlank() ? null : category.strip();
        source = source == null ? HotspotSource.ALL : source;
        if (source.incidents()) {
            throw new de.sipa.shared.RuleViolationException("nearRepeats.source.incidents");
        }
    }
}

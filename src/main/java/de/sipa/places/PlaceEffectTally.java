package de.sipa.places;

import java.time.Instant;

/**
 * Counts report positions into the place, the buffer ring and the comparison area, in the window before and the
 * window after: the exact containment test after the database selected candidates by bounding box.
 */
final class PlaceEffectTally {

    private final PlaceArea place;
    private final PlaceArea buffer;
    private final PlaceArea comparison;
    private final long beforeFrom;
    private final long start;
    private final long afterEnd;
    private final long[] counts = new long[6];

    /** Windows as [beforeFrom, start) and [start, afterEnd); {@code comparison} may be {@code null}. */
    PlaceEffectTally(PlaceArea place, PlaceArea buffer, PlaceArea comparison, Instant beforeFrom, Instant start,
            Instant afterEnd) {
        this.place = place;
        this.buffer = buffer;
        this.comparison = comparison;
        this.beforeFrom = beforeFrom.getEpochSecond();
        this.start = start.getEpochSecond();
        this.afterEnd = afterEnd.getEpochSecond();
    }

    /** A position found in the box around place and buffer. */
    void nearPlace(double latitude, double longitude, long epochSecond) {
        int window = window(epochSecond);
        if (window < 0) {
            return;
        }
        if (place.contains(latitude, longitude)) {
            counts[window]++;
        } else if (buffer.contains(latitude, longitude)) {
            counts[2 + window]++;
        }
    }

    /** A position found in the box around the comparison area. */
    void nearComparison(double latitude, double longitude, long epochSecond) {
        int window = window(epochSecond);
        if (window >= 0 && comparison != null && comparison.contains(latitude, longitude)) {
            counts[4 + window]++;
        }
    }

    private int window(long epochSecond) {
        if (epochSecond < beforeFrom || epochSecond >= afterEnd) {
            return -1;
        }
        return epochSecond < start ? 0 : 1;
    }

    AreaCounts place() {
        return new AreaCounts(counts[0], counts[1]);
    }

    AreaCounts buffer() {
        return new AreaCounts(counts[2], counts[3]);
    }

    AreaCounts comparison() {
        return comparison == null ? null : new AreaCounts(counts[4], counts[5]);
    }
}

package de.sipa.places;

/** How many reports lay in one area in the window before the start date and in the window of the same length after. */
public record AreaCounts(long before, long after) {

    public AreaCounts {
        if (before < 0 || after < 0) {
            throw new IllegalArgumentException("counts are never negative");
        }
    }

    public long total() {
        return before + after;
    }

    /** After minus before. */
    public long change() {
        return after - before;
    }
}

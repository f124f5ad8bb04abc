package de.sipa.places;

/**
 * The change at the place against the change in the comparison area over the same windows: in counts (the place's
 * change minus the comparison area's) and as a ratio of ratios, (A_after / A_before) / (C_after / C_before), which
 * says by what factor the place changed beyond what the comparison area suggests (0.6: 40 % fewer than expected).
 *
 * @param ratio the ratio of ratios; {@code null} when a count it divides by is zero
 */
public record DifferenceInDifferences(long placeChange, long comparisonChange, long difference, Double ratio) {

    public static DifferenceInDifferences of(AreaCounts place, AreaCounts comparison) {
        Double ratio = place.before() == 0 || comparison.before() == 0 || comparison.after() == 0 ? null
                : (place.after() / (double) place.before()) / (comparison.after() / (double) comparison.before());
        return new DifferenceInDifferences(place.change(), comparison.change(), place.change() - comparison.change(),
                ratio);
    }

    /** The ratio of ratios minus one, e.g. −0.4 for 40 % fewer reports than the comparison area suggests. */
    public Double relativeEffect() {
        return ratio == null ? null : ratio - 1;
    }
}

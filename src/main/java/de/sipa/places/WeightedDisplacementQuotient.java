package de.sipa.places;

/**
 * Whether problems moved from the place to the buffer around it (displacement) or the buffer gained too (diffusion of
 * benefits), after Bowers &amp; Johnson (2003), both measured against the comparison area:
 * <pre>
 *   success measure       SM  = A_a / C_a − A_b / C_b        (negative: the place improved against the comparison)
 *   displacement measure  DM  = B_a / C_a − B_b / C_b
 *   WDQ                       = DM / SM
 *   total net effect      TNE = (A_b · C_a / C_b − A_a) + (B_b · C_a / C_b − B_a)
 * </pre>
 * with A the place, B the buffer, C the comparison area, b the window before and a the window after. The total net
 * effect is the number of reports fewer (positive) or more (negative) in place and buffer together than the comparison
 * area's trend predicts. Checked against the formulas and readings as R. T. Guerette, "Analyzing Crime Displacement and
 * Diffusion" (Problem-Solving Tool Guide No. 10, Center for Problem-Oriented Policing, 2009), Appendices B and C,
 * gives them after Bowers &amp; Johnson; a worked example is in {@code PlaceEffectMethodTests}.
 *
 * @param value {@code null} when it cannot be computed (a count it divides by is zero)
 */
public record WeightedDisplacementQuotient(Double successMeasure, Double displacementMeasure, Double value,
        Double totalNetEffect, Reading reading) {

    /** What the quotient says, in the reading of Bowers &amp; Johnson. */
    public enum Reading {
        /** The comparison area had no reports in a window, or the place's change equals the comparison's. */
        NOT_COMPUTABLE,
        /** The place did not improve against the comparison area: there is no effect to measure displacement by. */
        NO_EFFECT_AT_PLACE,
        /** WDQ &gt; 1: the buffer improved even more than the place. */
        DIFFUSION_GREATER_THAN_EFFECT,
        /** 0 &lt; WDQ ≤ 1: the buffer improved too, less than the place (diffusion of benefits). */
        DIFFUSION,
        /** WDQ = 0: the buffer did not change against the comparison area. */
        NO_CHANGE,
        /** −1 ≤ WDQ &lt; 0: some problems moved to the buffer, fewer than the place gained (net benefit). */
        DISPLACEMENT,
        /** WDQ &lt; −1: more moved to the buffer than the place gained. */
        DISPLACEMENT_GREATER_THAN_EFFECT
    }

    private static final double EPSILON = 1e-9;

    public static WeightedDisplacementQuotient of(AreaCounts place, AreaCounts buffer, AreaCounts comparison) {
        if (comparison.before() == 0 || comparison.after() == 0) {
            return new WeightedDisplacementQuotient(null, null, null, null, Reading.NOT_COMPUTABLE);
        }
        double cb = comparison.before();
        double ca = comparison.after();
        double success = place.after() / ca - place.before() / cb;
        double displacement = buffer.after() / ca - buffer.before() / cb;
        double trend = ca / cb;
        double totalNetEffect = (place.before() * trend - place.after()) + (buffer.before() * trend - buffer.after());
        if (Math.abs(success) < EPSILON) {
            return new WeightedDisplacementQuotient(success, displacement, null, totalNetEffect,
                    Reading.NOT_COMPUTABLE);
        }
        double value = displacement / success;
        return new WeightedDisplacementQuotient(success, displacement, value, totalNetEffect,
                success > 0 ? Reading.NO_EFFECT_AT_PLACE : reading(value));
    }

    private static Reading reading(double value) {
        if (Math.abs(value) < EPSILON) {
            return Reading.NO_CHANGE;
        }
        if (value > 1) {
            return Reading.DIFFUSION_GREATER_THAN_EFFECT;
        }
        if (value > 0) {
            return Reading.DIFFUSION;
        }
        return value >= -1 - EPSILON ? Reading.DISPLACEMENT : Reading.DISPLACEMENT_GREATER_THAN_EFFECT;
    }
}

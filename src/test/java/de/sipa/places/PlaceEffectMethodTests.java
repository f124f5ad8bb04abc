package de.sipa.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import de.sipa.places.WeightedDisplacementQuotient.Reading;

/**
 * Difference in differences and the Weighted Displacement Quotient on constructed counts with known answers.
 * WDQ = (B_a/C_a − B_b/C_b) / (A_a/C_a − A_b/C_b), Bowers &amp; Johnson (2003), J. Quant. Criminol. 19(3), 275–301;
 * readings as there (> 1 diffusion greater than the effect, 0..1 diffusion, 0 none, −1..0 displacement smaller than
 * the effect, < −1 greater). Total net effect as Guerette &amp; Bowers (2009): (A_b·C_a/C_b − A_a) + (B_b·C_a/C_b − B_a).
 */
class PlaceEffectMethodTests {

    /**
     * The hand-computed example of the R package streetlamp (blackthrive/streetlamp, tests/testthat/test-spillover.R,
     * "the weighted displacement quotient reproduces a hand-computed value"): A 100 → 50, B 100 → 150, C 100 → 100;
     * success −0.5, buffer +0.5, WDQ −1: complete displacement, so nothing is gained in total.
     */
    @Test
    void problemsThatMovedCompletelyToTheBufferGiveMinusOneAndNoNetEffect() {
        var wdq = WeightedDisplacementQuotient.of(new AreaCounts(100, 50), new AreaCounts(100, 150),
                new AreaCounts(100, 100));

        assertThat(wdq.successMeasure()).isCloseTo(-0.5, within(1e-12));
        assertThat(wdq.displacementMeasure()).isCloseTo(0.5, within(1e-12));
        assertThat(wdq.value()).isCloseTo(-1.0, within(1e-12));
        assertThat(wdq.totalNetEffect()).isCloseTo(0.0, within(1e-12));
        assertThat(wdq.reading()).isEqualTo(Reading.DISPLACEMENT);
    }

    /**
     * A worked example checked against the published formulas, as the Center for Problem-Oriented Policing reprints
     * them from Bowers &amp; Johnson (2003): R. T. Guerette, "Analyzing Crime Displacement and Diffusion", Problem-Solving
     * Tool Guide No. 10 (2009), Appendix B (https://popcenter.asu.edu/tools/displacement/10), equations (3) and (4):
     * <pre>
     *   WDQ = (Da/Ca − Db/Cb) / (Ra/Ca − Rb/Cb)        TNE = [Rb·(Ca/Cb) − Ra] + [Db·(Ca/Cb) − Da]
     * </pre>
     * and read as in its Appendix C. Response area R 100 → 60, buffer D 80 → 70, comparison C 200 → 220, so Ca/Cb = 1.1:
     * <ul>
     * <li>success measure Ra/Ca − Rb/Cb = 60/220 − 100/200 = −5/22 ≈ −0.22727 (negative: the response worked);</li>
     * <li>buffer displacement measure Da/Ca − Db/Cb = 70/220 − 80/200 = −9/110 ≈ −0.08182 (negative: diffusion);</li>
     * <li>WDQ = (−9/110) / (−5/22) = 198/550 = 0.36: between 0 and 1, a diffusion of benefits;</li>
     * <li>TNE = (100·1.1 − 60) + (80·1.1 − 70) = 50 + 18 = 68 reports fewer than the comparison area's trend predicts.</li>
     * </ul>
     * With the buffer rising instead, D 80 → 100: DM = 100/220 − 0.4 = 3/55, WDQ = (3/55)/(−5/22) = −0.24 (displacement,
     * less than gained) and TNE = 50 + (88 − 100) = 38.
     */
    @Test
    void aWorkedExampleAfterTheFormulasOfBowersAndJohnsonAsPublishedByThePopCenter() {
        var response = new AreaCounts(100, 60);
        var comparison = new AreaCounts(200, 220);

        var diffusion = WeightedDisplacementQuotient.of(response, new AreaCounts(80, 70), comparison);
        assertThat(diffusion.successMeasure()).isCloseTo(-5 / 22.0, within(1e-12));
        assertThat(diffusion.displacementMeasure()).isCloseTo(-9 / 110.0, within(1e-12));
        assertThat(diffusion.value()).isCloseTo(0.36, within(1e-12));
        assertThat(diffusion.totalNetEffect()).isCloseTo(68.0, within(1e-9));
        assertThat(diffusion.reading()).isEqualTo(Reading.DIFFUSION);

        var displacement = WeightedDisplacementQuotient.of(response, new AreaCounts(80, 100), comparison);
        assertThat(displacement.displacementMeasure()).isCloseTo(3 / 55.0, within(1e-12));
        assertThat(displacement.value()).isCloseTo(-0.24, within(1e-12));
        assertThat(displacement.totalNetEffect()).isCloseTo(38.0, within(1e-9));
        assertThat(displacement.reading()).isEqualTo(Reading.DISPLACEMENT);
    }

    /** A 200 → 100, B 100 → 80, C 400 → 400: SM = −0.25, DM = −0.05, WDQ = 0.2, TNE = 100 + 20 = 120. */
    @Test
    void aBufferThatImprovedLessThanThePlaceIsADiffusionOfBenefits() {
        var wdq = WeightedDisplacementQuotient.of(new AreaCounts(200, 100), new AreaCounts(100, 80),
                new AreaCounts(400, 400));

        assertThat(wdq.value()).isCloseTo(0.2, within(1e-12));
        assertThat(wdq.totalNetEffect()).isCloseTo(120.0, within(1e-9));
        assertThat(wdq.reading()).isEqualTo(Reading.DIFFUSION);
    }

    /**
     * With a rising comparison area: A 60 → 30, B 40 → 50, C 100 → 120. SM = 30/120 − 60/100 = −0.35,
     * DM = 50/120 − 40/100 = 1/60, WDQ = −(1/60)/0.35 = −0.047619…, TNE = (72 − 30) + (48 − 50) = 40.
     * Difference in differences: −30 − (+20) = −50; ratio (30/60)/(120/100) = 0.41667, 58.3 % fewer than expected.
     */
    @Test
    void theComparisonAreasTrendIsTakenOutOfBothMeasures() {
        var place = new AreaCounts(60, 30);
        var comparison = new AreaCounts(100, 120);
        var wdq = WeightedDisplacementQuotient.of(place, new AreaCounts(40, 50), comparison);
        var did = DifferenceInDifferences.of(place, comparison);

        assertThat(wdq.successMeasure()).isCloseTo(-0.35, within(1e-12));
        assertThat(wdq.displacementMeasure()).isCloseTo(1 / 60.0, within(1e-12));
        assertThat(wdq.value()).isCloseTo(-0.047619, within(1e-6));
        assertThat(wdq.totalNetEffect()).isCloseTo(40.0, within(1e-9));
        assertThat(wdq.reading()).isEqualTo(Reading.DISPLACEMENT);
        assertThat(did.placeChange()).isEqualTo(-30);
        assertThat(did.comparisonChange()).isEqualTo(20);
        assertThat(did.difference()).isEqualTo(-50);
        assertThat(did.ratio()).isCloseTo(0.416667, within(1e-6));
        assertThat(did.relativeEffect()).isCloseTo(-0.583333, within(1e-6));
    }

    /** A 100 → 50, B 100 → 200, C 100 → 100: WDQ = 1 / −0.5 = −2, TNE = 50 − 100 = −50. */
    @Test
    void moreMovedToTheBufferThanThePlaceGainedIsDisplacementGreaterThanTheEffect() {
        var wdq = WeightedDisplacementQuotient.of(new AreaCounts(100, 50), new AreaCounts(100, 200),
                new AreaCounts(100, 100));

        assertThat(wdq.value()).isCloseTo(-2.0, within(1e-12));
        assertThat(wdq.totalNetEffect()).isCloseTo(-50.0, within(1e-12));
        assertThat(wdq.reading()).isEqualTo(Reading.DISPLACEMENT_GREATER_THAN_EFFECT);
    }

    /** A 100 → 50, B 100 → 20, C 100 → 100: WDQ = −0.8 / −0.5 = 1.6. */
    @Test
    void aBufferThatImprovedMoreThanThePlaceIsDiffusionGreaterThanTheEffect() {
        var wdq = WeightedDisplacementQuotient.of(new AreaCounts(100, 50), new AreaCounts(100, 20),
                new AreaCounts(100, 100));

        assertThat(wdq.value()).isCloseTo(1.6, within(1e-12));
        assertThat(wdq.reading()).isEqualTo(Reading.DIFFUSION_GREATER_THAN_EFFECT);
    }

    @Test
    void anUnchangedBufferReadsAsNoChange() {
        var wdq = WeightedDisplacementQuotient.of(new AreaCounts(80, 40), new AreaCounts(30, 30),
                new AreaCounts(50, 50));

        assertThat(wdq.value()).isCloseTo(0.0, within(1e-12));
        assertThat(wdq.reading()).isEqualTo(Reading.NO_CHANGE);
    }

    @Test
    void aPlaceThatDidNotImproveHasNoEffectToMeasureDisplacementBy() {
        var wdq = WeightedDisplacementQuotient.of(new AreaCounts(40, 60), new AreaCounts(30, 20),
                new AreaCounts(50, 50));

        assertThat(wdq.reading()).isEqualTo(Reading.NO_EFFECT_AT_PLACE);
    }

    @Test
    void aComparisonAreaWithoutReportsInAWindowGivesNoQuotientAndNoRatio() {
        var place = new AreaCounts(40, 20);
        var empty = new AreaCounts(0, 12);

        assertThat(WeightedDisplacementQuotient.of(place, new AreaCounts(5, 5), empty).reading())
                .isEqualTo(Reading.NOT_COMPUTABLE);
        assertThat(WeightedDisplacementQuotient.of(place, new AreaCounts(5, 5), empty).value()).isNull();
        assertThat(DifferenceInDifferences.of(place, empty).ratio()).isNull();
        assertThat(DifferenceInDifferences.of(place, empty).difference()).isEqualTo(-20 - 12);
        assertThat(DifferenceInDifferences.of(new AreaCounts(0, 5), new AreaCounts(10, 10)).ratio()).isNull();
    }

    @Test
    void aPlaceChangingExactlyAsTheComparisonAreaGivesNoQuotient() {
        var wdq = WeightedDisplacementQuotient.of(new AreaCounts(50, 60), new AreaCounts(10, 30),
                new AreaCounts(100, 120));

        assertThat(wdq.value()).isNull();
        assertThat(wdq.reading()).isEqualTo(Reading.NOT_COMPUTABLE);
    }
}

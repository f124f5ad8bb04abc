package de.sipa.surveys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class SurveyStatisticsTests {

    private static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final UUID C = UUID.fromString("00000000-0000-0000-0000-00000000000c");

    /**
     * Newcombe, R. G. (1998): Two-sided confidence intervals for the single proportion: comparison of seven methods.
     * Statistics in Medicine 17, 857–872, Table II, method 3 (Wilson score interval without continuity correction):
     * 81/263 → 0.2553–0.3662, 15/148 → 0.0624–0.1605, 0/20 → 0.0000–0.1611, 1/29 → 0.0061–0.1718.
     */
    @Test
    void wilsonIntervalsAgreeWithNewcombesTable() {
        assertInterval(81, 263, 0.2553, 0.3662);
        assertInterval(15, 148, 0.0624, 0.1605);
        assertInterval(0, 20, 0.0000, 0.1611);
        assertInterval(1, 29, 0.0061, 0.1718);
    }

    private static void assertInterval(int k, int n, double lower, double upper) {
        var interval = SurveyStatistics.wilson((double) k / n, n);
        assertThat(interval[0]).isCloseTo(lower, within(0.00005));
        assertThat(interval[1]).isCloseTo(upper, within(0.00005));
    }

    /**
     * The raking example of B. Klemens' Apophenia documentation: a survey table [[7, 9], [12, 7]] raked to census
     * margins rows 5 and 15, columns 10 and 10. IPF keeps the seed's cross-product ratio (Bishop, Fienberg and Holland
     * 1975, Discrete Multivariate Analysis, 3.5), so the fit is the table with these margins and odds ratio 49/108:
     * x11 solves 59 x² + 1275 x − 2450 = 0, x11 = 1.7756656, x12 = 3.2243344, x21 = 8.2243344, x22 = 6.7756656; the
     * same figures come out of 200 rounds of row and column scaling in R 4 (base R, independent of this code).
     */
    @Test
    void iterativeProportionalFittingReachesTheMarginsWithTheSeedsOddsRatio() {
        var fitted = SurveyStatistics.fit(new double[][] {{7, 9}, {12, 7}}, new double[] {5, 15},
                new double[] {10, 10});

        assertThat(fitted[0][0]).isCloseTo(1.7756656, within(1e-6));
        assertThat(fitted[0][1]).isCloseTo(3.2243344, within(1e-6));
        assertThat(fitted[1][0]).isCloseTo(8.2243344, within(1e-6));
        assertThat(fitted[1][1]).isCloseTo(6.7756656, within(1e-6));
    }

    /**
     * A constructed sample of 100: districts A, B, C with 50, 40 and 10 responses, young and old respondents, and who
     * feels unsafe (6/30, 8/20 in A; 2/10, 15/30 in B; 1/5, 3/5 in C). Population: A 5,000, B 3,000, C 2,000
     * inhabitants; 4,000 young and 6,000 old. Expected weights and shares computed with R's survey package 4.1.1:
     * {@code rake(svydesign(ids=~1, weights=~1), list(~district, ~ag), list(pd, pa), control=list(epsilon=1e-10))}
     * and {@code postStratify(d, ~district, pd)}, weights divided by their mean: raked share unsafe 0.3675409855,
     * weights A young 0.8627377167, A old 1.2058934250, B young 0.5776722518, B old 0.8074425827, C young 1.6682291963,
     * C old 2.3317708037, Kish's n 86.64779; by district 0.3475 with weights 1, 0.75, 2 and Kish's n 88.88889;
     * unweighted 0.35.
     */
    @Test
    void rakingAndCellWeightingGiveTheWeightsOfRsSurveyPackage() {
        var sample = new HashMap<RespondentCell, Long>();
        sample.put(cell(A, "16_24"), 30L);
        sample.put(cell(A, "65_74"), 20L);
        sample.put(cell(B, "16_24"), 10L);
        sample.put(cell(B, "65_74"), 30L);
        sample.put(cell(C, "16_24"), 5L);
        sample.put(cell(C, "65_74"), 5L);
        var unsafe = Map.of(cell(A, "16_24"), 6L, cell(A, "65_74"), 8L, cell(B, "16_24"), 2L, cell(B, "65_74"), 15L,
                cell(C, "16_24"), 1L, cell(C, "65_74"), 3L);
        var population = new Population(Map.of(A, 5000L, B, 3000L, C, 2000L),
                Map.of(new Population.AgeGender("16_24", "FEMALE"), 4000L,
                        new Population.AgeGender("65_74", "FEMALE"), 6000L));

        var raked = CellWeights.of(Weighting.RAKING, sample, population);
        assertThat(raked.get(cell(A, "16_24"))).isCloseTo(0.8627377167, within(1e-8));
        assertThat(raked.get(cell(A, "65_74"))).isCloseTo(1.2058934250, within(1e-8));
        assertThat(raked.get(cell(B, "16_24"))).isCloseTo(0.5776722518, within(1e-8));
        assertThat(raked.get(cell(B, "65_74"))).isCloseTo(0.8074425827, within(1e-8));
        assertThat(raked.get(cell(C, "16_24"))).isCloseTo(1.6682291963, within(1e-8));
        assertThat(raked.get(cell(C, "65_74"))).isCloseTo(2.3317708037, within(1e-8));
        assertThat(share(raked, sample, unsafe)).isCloseTo(0.3675409855, within(1e-8));
        assertThat(kish(raked, sample)).isCloseTo(86.64779, within(1e-4));

        var byDistrict = CellWeights.of(Weighting.DISTRICT, sample, population);
        assertThat(byDistrict.get(cell(A, "65_74"))).isCloseTo(1.0, within(1e-12));
        assertThat(byDistrict.get(cell(B, "16_24"))).isCloseTo(0.75, within(1e-12));
        assertThat(byDistrict.get(cell(C, "16_24"))).isCloseTo(2.0, within(1e-12));
        assertThat(share(byDistrict, sample, unsafe)).isCloseTo(0.3475, within(1e-12));
        assertThat(kish(byDistrict, sample)).isCloseTo(88.88889, within(1e-5));

        var none = CellWeights.of(Weighting.NONE, sample, population);
        assertThat(share(none, sample, unsafe)).isCloseTo(0.35, within(1e-12));
        assertThat(kish(none, sample)).isCloseTo(100, within(1e-12));
    }

    @Test
    void responsesWithoutAKnownDistrictKeepTheirWeightAndTheOthersAreFitted() {
        var sample = Map.of(cell(A, "16_24"), 10L, cell(B, "16_24"), 30L, cell(null, "16_24"), 7L);
        var weights = CellWeights.of(Weighting.DISTRICT, sample, new Population(Map.of(A, 1L, B, 1L), Map.of()));

        assertThat(weights.get(cell(null, "16_24"))).isEqualTo(1.0);
        assertThat(weights.get(cell(A, "16_24"))).isCloseTo(2.0, within(1e-12));
        assertThat(weights.get(cell(B, "16_24"))).isCloseTo(2.0 / 3, within(1e-12));
    }

    private static RespondentCell cell(UUID district, String age) {
        return new RespondentCell(district, age, "FEMALE");
    }

    private static double share(Map<RespondentCell, Double> weights, Map<RespondentCell, Long> sample,
            Map<RespondentCell, Long> hits) {
        double all = 0;
        double chosen = 0;
        for (var cell : sample.keySet()) {
            all += weights.get(cell) * sample.get(cell);
            chosen += weights.get(cell) * hits.get(cell);
        }
        return chosen / all;
    }

    private static double kish(Map<RespondentCell, Double> weights, Map<RespondentCell, Long> sample) {
        double sum = 0;
        double squares = 0;
        for (var cell : sample.keySet()) {
            sum += weights.get(cell) * sample.get(cell);
            squares += weights.get(cell) * weights.get(cell) * sample.get(cell);
        }
        return SurveyStatistics.effectiveSize(sum, squares);
    }
}

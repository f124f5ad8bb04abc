package de.sipa.situation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The Knox test on constructed data. The expectations follow Knox (1964), "The detection of space-time interactions",
 * J. Royal Statistical Society C 13(1): the expected count of a cell is (pairs in its distance band) × (pairs in its
 * time band) ÷ (all pairs); the permutation p-value as in Ratcliffe's Near Repeat Calculator (manual v1.3, 2009):
 * (1 + permutations with at least the observed count) ÷ (1 + permutations).
 */
class KnoxTestTests {

    // A at the origin on day 0, B 50 m east on day 2, C 150 m north on day 10, D 1 km east on day 1.
    static final double[] X = {0, 50, 0, 1000};
    static final double[] Y = {0, 0, 150, 0};
    static final double[] DAYS = {0, 2, 10, 1};

    /**
     * By hand, with 100 m and 7-day bands, two each: AB 50 m/2 d (0,0); AC 150 m/10 d (1,1); BC 158 m/8 d (1,1); AD,
     * BD, CD farther than 200 m. Distance bands hold 1 and 2 pairs, time bands 3 (AB, AD, BD) and 3 (AC, BC, CD), of
     * 6 pairs: expected 1·3/6 = 0.5 in row 0 and 2·3/6 = 1 in row 1.
     */
    @Test
    void countsThePairsOfASmallExampleAsByHand() {
        var result = KnoxTest.run(X, Y, DAYS, 4, 100, 2, 7, 2, 0, 1);
        assertThat(result.pairs()).isEqualTo(6);
        assertThat(result.observed()).isEqualTo(new long[][] {{1, 0}, {0, 2}});
        assertThat(result.exact()).isEqualTo(new double[][] {{0.5, 0.5}, {1, 1}});
    }

    /**
     * The 24 ways to hand the four times to the four events, counted one by one: the Monte Carlo mean approaches
     * their mean (which is the exact expectation) and its p-value their share at least as high as observed.
     */
    @Test
    void thePermutationsAgreeWithAllTwentyFourOrdersCountedOneByOne() {
        var result = KnoxTest.run(X, Y, DAYS, 4, 100, 2, 7, 2, 20_000, 7);
        double[][] sum = new double[2][2];
        int[][] atLeast = new int[2][2];
        int orders = 0;
        for (var order : permutations(new int[] {0, 1, 2, 3}, 0)) {
            var days = new double[4];
            for (int i = 0; i < 4; i++) {
                days[i] = DAYS[order[i]];
            }
            var counts = KnoxTest.run(X, Y, days, 4, 100, 2, 7, 2, 0, 1).observed();
            for (int k = 0; k < 2; k++) {
                for (int l = 0; l < 2; l++) {
                    sum[k][l] += counts[k][l];
                    atLeast[k][l] += counts[k][l] >= result.observed()[k][l] ? 1 : 0;
                }
            }
            orders++;
        }
        assertThat(orders).isEqualTo(24);
        for (int k = 0; k < 2; k++) {
            for (int l = 0; l < 2; l++) {
                assertThat(sum[k][l] / 24).isCloseTo(result.exact()[k][l], within(1e-12));
                assertThat(result.expected()[k][l]).isCloseTo(result.exact()[k][l], within(0.02));
                assertThat(result.p()[k][l]).isCloseTo(atLeast[k][l] / 24.0, within(0.01));
            }
        }
    }

    @Test
    void repeatsPlantedInUniformNoiseStandOutAndNoiseAloneDoesNot() {
        var random = new SplittableRandom(42);
        int noise = 400;
        int planted = 40;
        var x = new double[noise + planted];
        var y = new double[noise + planted];
        var days = new double[noise + planted];
        for (int i = 0; i < noise; i++) {
            x[i] = random.nextDouble(3000);
            y[i] = random.nextDouble(3000);
            days[i] = random.nextDouble(365);
        }
        var alone = KnoxTest.run(x, y, days, noise, 100, 4, 7, 4, 99, 1);
        for (int k = 0; k < 4; k++) {
            for (int l = 0; l < 4; l++) {
                assertThat(alone.p()[k][l]).as("noise, band %d/%d", k, l).isGreaterThan(0.01);
            }
        }
        // Forty times, an event is followed within 30 m and two days by another.
        for (int i = 0; i < planted; i++) {
            int original = random.nextInt(noise);
            x[noise + i] = x[original] + random.nextDouble(-20, 20);
            y[noise + i] = y[original] + random.nextDouble(-20, 20);
            days[noise + i] = days[original] + random.nextDouble(2);
        }
        var repeated = KnoxTest.run(x, y, days, noise + planted, 100, 4, 7, 4, 99, 1);
        assertThat(repeated.p()[0][0]).isEqualTo(0.01);
        assertThat(repeated.ratio(0, 0)).isGreaterThan(3);
        assertThat(repeated.observed()[0][0]).isGreaterThanOrEqualTo(planted);
        assertThat(repeated.p()[3][3]).as("far and late: nothing special").isGreaterThan(0.05);
    }

    private static java.util.List<int[]> permutations(int[] items, int from) {
        var all = new java.util.ArrayList<int[]>();
        if (from == items.length) {
            all.add(items.clone());
            return all;
        }
        for (int i = from; i < items.length; i++) {
            swap(items, from, i);
            all.addAll(permutations(items, from + 1));
            swap(items, from, i);
        }
        return all;
    }

    private static void swap(int[] items, int i, int j) {
        int t = items[i];
        items[i] = items[j];
        items[j] = t;
    }
}

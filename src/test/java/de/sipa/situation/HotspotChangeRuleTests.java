package de.sipa.situation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import de.sipa.shared.UtmProjection;

/**
 * The classification of hotspot change from constructed sub-period outcomes. The rules and thresholds are R
 * sfhotspot's {@code hotspot_classify()} (github.com/mpjashby/sfhotspot, R/hotspot_classify.R, commit 6b3caf7) with
 * the defaults of {@code hotspot_classify_params()}: hotspot_prop 0.1, persistent_prop 0.8, recent_prop 0.2; the
 * earlier period's sub-periods are its non-recent, the later period's its recent periods. Intensifying and
 * diminishing are our own split of "persistent" by R's {@code poisson.test} at p &lt; 0.05.
 */
class HotspotChangeRuleTests {

    private static final boolean T = true;
    private static final boolean F = false;

    @Test
    void hotInAtLeastEightyPercentOfAllSubPeriodsIsPersistent() {
        // prop_h = 7/8 = 0.875 >= persistent_prop 0.8; 20 and 22 reports in 182 and 183 days: no rate change.
        assertThat(classify(new boolean[] {T, T, T, T}, new boolean[] {T, T, T, F}, 20, 22))
                .isEqualTo(HotspotChangeClass.PERSISTENT);
        // Persistent comes first even when the earlier period starts cold (sfhotspot's first ifelse): 9/10.
        assertThat(HotspotChangeRule.classify(new boolean[] {F, T, T, T, T}, new boolean[] {T, T, T, T, T}, 30, 150,
                30, 150)).isEqualTo(HotspotChangeClass.PERSISTENT);
    }

    @Test
    void aPersistentHotspotWithSignificantlyMoreReportsPerDayLaterIsIntensifying() {
        assertThat(classify(new boolean[] {T, T, T, T}, new boolean[] {T, T, T, T}, 10, 40))
                .isEqualTo(HotspotChangeClass.INTENSIFYING);
    }

    @Test
    void aPersistentHotspotWithSignificantlyFewerReportsPerDayLaterIsDiminishing() {
        assertThat(classify(new boolean[] {T, T, T, T}, new boolean[] {T, T, T, T}, 40, 10))
                .isEqualTo(HotspotChangeClass.DIMINISHING);
    }

    @Test
    void notHotEarlierButHotInAtLeastTwentyPercentOfTheLaterSubPeriodsIsEmerging() {
        // older_h = 0 < hotspot_prop 0.1, recent_h = 2/4 >= recent_prop 0.2.
        assertThat(classify(new boolean[] {F, F, F, F}, new boolean[] {F, F, T, T}, 1, 25))
                .isEqualTo(HotspotChangeClass.EMERGING);
        // recent_h = 1/4 = 0.25 is enough.
        assertThat(classify(new boolean[] {F, F, F, F}, new boolean[] {F, F, F, T}, 1, 9))
                .isEqualTo(HotspotChangeClass.EMERGING);
    }

    @Test
    void hotOnceInSixLaterSubPeriodsIsTooLittleForEmergingAndForAnyPattern() {
        // recent_h = 1/6 < recent_prop 0.2, prop_h = 1/12 < hotspot_prop 0.1: "no pattern".
        assertThat(HotspotChangeRule.classify(new boolean[6], new boolean[] {F, F, F, F, F, T}, 0, 180, 5, 180))
                .isEqualTo(HotspotChangeClass.NONE);
    }

    @Test
    void hotEarlierButNotInTheLaterSubPeriodsIsFormer() {
        // older_h = 2/4 >= hotspot_prop 0.1, recent_h = 0 < hotspot_prop 0.1.
        assertThat(classify(new boolean[] {T, T, F, F}, new boolean[] {F, F, F, F}, 25, 2))
                .isEqualTo(HotspotChangeClass.FORMER);
    }

    @Test
    void hotNowAndThenInBothPeriodsIsIntermittent() {
        // prop_h = 2/8 >= hotspot_prop 0.1, not persistent, older_h and recent_h both 0.25: not emerging, not former.
        assertThat(classify(new boolean[] {T, F, F, F}, new boolean[] {F, T, F, F}, 8, 8))
                .isEqualTo(HotspotChangeClass.INTERMITTENT);
        // Hot in 6 of 8 (0.75 < 0.8) is intermittent, not persistent.
        assertThat(classify(new boolean[] {T, T, T, F}, new boolean[] {T, F, T, T}, 30, 30))
                .isEqualTo(HotspotChangeClass.INTERMITTENT);
    }

    @Test
    void neverHotIsNoPattern() {
        assertThat(classify(new boolean[] {F, F, F, F}, new boolean[] {F, F, F, F}, 3, 4))
                .isEqualTo(HotspotChangeClass.NONE);
    }

    @Test
    void withOneSubPeriodEachItIsAPlainBeforeAndAfterComparison() {
        assertThat(HotspotChangeRule.classify(new boolean[] {F}, new boolean[] {T}, 1, 365, 30, 365))
                .isEqualTo(HotspotChangeClass.EMERGING);
        assertThat(HotspotChangeRule.classify(new boolean[] {T}, new boolean[] {F}, 30, 365, 1, 365))
                .isEqualTo(HotspotChangeClass.FORMER);
        assertThat(HotspotChangeRule.classify(new boolean[] {T}, new boolean[] {T}, 30, 365, 31, 365))
                .isEqualTo(HotspotChangeClass.PERSISTENT);
    }

    @Test
    void theRateTestGivesRsPoissonTestPValues() {
        // Expected: SciPy 1.17 scipy.stats.binomtest(x, n, q).pvalue, the same two-sided rule as R's binom.test,
        // which R's poisson.test(c(x, n - x), c(laterDays, earlierDays)) calls with q = laterDays / (sum of days).
        assertThat(HotspotChangeRule.rateChangeP(2, 1, 10, 1)).isCloseTo(0.03857421875, within(1e-12));
        assertThat(HotspotChangeRule.rateChangeP(10, 1, 30, 1)).isCloseTo(0.0022214337732293643, within(1e-12));
        assertThat(HotspotChangeRule.rateChangeP(15, 2, 45, 1)).isCloseTo(7.617217371024785e-11, within(1e-18));
        assertThat(HotspotChangeRule.rateChangeP(25, 1, 5, 1)).isCloseTo(0.0003249142318964005, within(1e-14));
        assertThat(HotspotChangeRule.rateChangeP(10, 183, 20, 182)).isCloseTo(0.0700193702248848, within(1e-10));
        assertThat(HotspotChangeRule.rateChangeP(10, 1, 0, 1)).isCloseTo(0.001953125, within(1e-12));
        assertThat(HotspotChangeRule.rateChangeP(0, 10, 0, 10)).isEqualTo(1);
        assertThat(HotspotChangeRule.rateChangeP(7, 10, 7, 10)).isEqualTo(1);
    }

    @Test
    void aPeriodIsSplitIntoSubPeriodsOfNearlyEqualLengthWithoutGapsOrOverlaps() {
        var parts = HotspotChangeQuery.split(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 10), 3);
        assertThat(parts).hasSize(3);
        assertThat(parts.get(0)).containsExactly(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 3));
        assertThat(parts.get(1)).containsExactly(LocalDate.of(2025, 1, 4), LocalDate.of(2025, 1, 6));
        assertThat(parts.get(2)).containsExactly(LocalDate.of(2025, 1, 7), LocalDate.of(2025, 1, 10));
    }

    @Test
    void onAGridAClusterOnlyInTheLaterSubPeriodsEmergesAndOneInAllIsPersistent() {
        var grid = HotspotGrid.rectangle(UtmProjection.zone(32), 500_000, 5_400_000, 100, 30, 30);
        var random = new Random(12);
        int old = grid.indexOf(500_550, 5_400_550);
        int fresh = grid.indexOf(502_450, 5_402_450);
        var earlier = List.of(counts(grid, random, old, fresh, false), counts(grid, random, old, fresh, false));
        var later = List.of(counts(grid, random, old, fresh, true), counts(grid, random, old, fresh, true));
        var query = new HotspotChangeQuery(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 30),
                LocalDate.of(2025, 7, 1), LocalDate.of(2025, 12, 31), List.of(), null, 100, 2);

        var map = HotspotAnalysis.change(grid, earlier, later, 0, query);

        assertThat(map.cells().get(old).changeClass()).isEqualTo(HotspotChangeClass.PERSISTENT);
        assertThat(map.cells().get(old).pattern()).isEqualTo("11|11");
        assertThat(map.cells().get(fresh).changeClass()).isEqualTo(HotspotChangeClass.EMERGING);
        assertThat(map.cells().get(fresh).earlierCount()).isZero();
        assertThat(map.cells().get(fresh).laterCount()).isEqualTo(60);
        assertThat(map.changedCells()).first().isEqualTo(map.cells().get(old));
        assertThat(map.changedCells()).allSatisfy(c -> assertThat(c.changeClass())
                .isNotEqualTo(HotspotChangeClass.NONE));
        assertThat(map.classCounts().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(900);
    }

    /** Uniform noise of about one report per cell, 30 more in {@code cluster}, and 30 or none in {@code second}. */
    private static double[] counts(HotspotGrid grid, Random random, int cluster, int second, boolean secondOn) {
        var counts = new double[grid.size()];
        for (int k = 0; k < 900; k++) {
            counts[random.nextInt(grid.size())]++;
        }
        counts[cluster] += 30;
        counts[second] = secondOn ? 30 : 0;
        return counts;
    }

    private static HotspotChangeClass classify(boolean[] earlier, boolean[] later, int earlierCount, int laterCount) {
        return HotspotChangeRule.classify(earlier, later, earlierCount, 182, laterCount, 183);
    }
}

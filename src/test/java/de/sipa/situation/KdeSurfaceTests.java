package de.sipa.situation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import de.sipa.shared.UtmProjection;

class KdeSurfaceTests {

    @Test
    void theDensityIntegratesToTheNumberOfPoints() {
        var random = new Random(7);
        int n = 2_000;
        var x = new double[n];
        var y = new double[n];
        for (int k = 0; k < n; k++) { // a clustered half and a uniform half, well inside the grid
            x[k] = k % 2 == 0 ? 2_000 + random.nextGaussian() * 150 : 1_000 + random.nextDouble() * 2_000;
            y[k] = k % 2 == 0 ? 2_500 + random.nextGaussian() * 150 : 1_000 + random.nextDouble() * 2_000;
        }
        var grid = HotspotGrid.rectangle(UtmProjection.zone(32), 0, 0, 100, 40, 40);
        for (double bandwidth : new double[] {200, 300, 500, 1_000}) {
            var density = KdeSurface.evaluate(grid, x, y, n, bandwidth);
            double integral = Arrays.stream(density).sum() * 100 * 100;
            assertThat(integral).as("bandwidth %s", bandwidth).isCloseTo(n, within(n * 0.01));
        }
    }

    @Test
    void oneInteriorPointGivesTheQuarticKernelAtEachCentre() {
        var grid = HotspotGrid.rectangle(UtmProjection.zone(32), 0, 0, 100, 10, 10);
        double h = 250;
        var density = KdeSurface.evaluate(grid, new double[] {450}, new double[] {450}, 1, h);
        // The centre of the cell (4, 4) is the point itself; (5, 4) is 100 m away; (7, 4) is 300 m > h away.
        assertThat(density[4 * 10 + 4]).isCloseTo(3 / (Math.PI * h * h), within(1e-15));
        assertThat(density[4 * 10 + 5]).isCloseTo(3 / (Math.PI * h * h) * Math.pow(1 - 100.0 * 100 / (h * h), 2),
                within(1e-15));
        assertThat(density[4 * 10 + 7]).isZero();
    }

    @Test
    void theDefaultBandwidthFollowsTheRuleOfThumb() {
        // Four corners of a 2 km square: standard distance = median distance = √2 km, so
        // h = 0.9 · √2 km · 4^−0.2 = 964.6 m.
        double[] x = {0, 2_000, 0, 2_000};
        double[] y = {0, 0, 2_000, 2_000};
        assertThat(KdeSurface.defaultBandwidth(x, y, 4, 50)).isEqualTo(965);
        // Never below one cell, and three cells when there is nothing to spread.
        assertThat(KdeSurface.defaultBandwidth(x, y, 4, 1_000)).isEqualTo(1_000);
        assertThat(KdeSurface.defaultBandwidth(new double[] {5}, new double[] {5}, 1, 100)).isEqualTo(300);
    }
}

package de.sipa.situation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import de.sipa.shared.UtmProjection;

/**
 * Gi* with known answers. The expected numbers come from
 * {@code src/test/resources/de/sipa/situation/gistar_expected.py}, which runs PySAL's own {@code esda.G_Local}
 * (star=True, transform='B', queen lattice weights; pysal/esda 11450be, pysal/libpysal 300dc173) and checks it
 * against the formula written out in numpy (they agree to 4e-16); p two-sided from scipy.stats.norm,
 * p_fdr from scipy.stats.false_discovery_control (Benjamini–Hochberg). Command:
 * {@code python3 src/test/resources/de/sipa/situation/gistar_expected.py /dir/with/esda-and-libpysal-sources}.
 */
class GetisOrdTests {

    /** Row 0 is the southern row, as the grid numbers its positions. */
    private static final double[][] COUNTS = {
        {0, 1, 0, 2, 0},
        {1, 0, 3, 1, 0},
        {0, 2, 9, 7, 1},
        {0, 1, 6, 8, 2},
        {1, 0, 1, 2, 0}};

    @Test
    void zPAndFdrOfAFiveByFiveGridAreThoseOfPysal() {
        var grid = HotspotGrid.rectangle(UtmProjection.zone(32), 0, 0, 100, 5, 5);
        var result = GetisOrd.giStar(grid, flatten(COUNTS, null));

        assertThat(result.z()).containsExactly(new double[] {
            -1.1648347742, -1.1477592584, -0.7956858662, -0.9717225623, -0.9597582294, -1.3237959544,
            -0.2004861418, 1.2091820426, 0.8959224461, -0.0915390820, -1.3237959544, 0.7392926478, 3.0887396217,
            3.0887396217, 1.3167544866, -1.3237959544, 0.4260330513, 2.9321098235, 2.9321098235, 1.4927911827,
            -1.1648347742, -0.4436124741, 1.1407177905, 1.3167544866, 0.8859306733}, within(1e-9));
        assertRelativelyClose(result.p(), new double[] {
            2.4408587990e-01, 2.5106796055e-01, 4.2621464391e-01, 3.3118858916e-01, 3.3717690945e-01,
            1.8557082010e-01, 8.4110039524e-01, 2.2659291510e-01, 3.7029418510e-01, 9.2706425367e-01,
            1.8557082010e-01, 4.5972931280e-01, 2.0100752214e-03, 2.0100752214e-03, 1.8792093331e-01,
            1.8557082010e-01, 6.7008376259e-01, 3.3666766877e-03, 3.3666766877e-03, 1.3549185607e-01,
            2.4408587990e-01, 6.5732278552e-01, 2.5398738075e-01, 1.8792093331e-01, 3.7565488611e-01});
        assertRelativelyClose(result.pFdr(), new double[] {
            4.2331230125e-01, 4.2331230125e-01, 5.3276830489e-01, 4.9428274488e-01, 4.9428274488e-01,
            4.2331230125e-01, 8.7614624504e-01, 4.2331230125e-01, 4.9428274488e-01, 9.2706425367e-01,
            4.2331230125e-01, 5.4729680095e-01, 2.1041729298e-02, 2.1041729298e-02, 4.2331230125e-01,
            4.2331230125e-01, 7.2835191586e-01, 2.1041729298e-02, 2.1041729298e-02, 4.2331230125e-01,
            4.2331230125e-01, 7.2835191586e-01, 4.2331230125e-01, 4.2331230125e-01, 4.9428274488e-01});
        // The four cells around the 9, 7, 6, 8 are hot spots at 95 % after the correction, nothing else is.
        assertThat(result.classOf(12)).isEqualTo(GiClass.HOT_95);
        assertThat(result.classOf(18)).isEqualTo(GiClass.HOT_95);
        assertThat(result.classOf(0)).isEqualTo(GiClass.NONE);
    }

    @Test
    void cellsOutsideTheAreaAreNeitherCountedNorNeighbours() {
        boolean[][] mask = {
            {true, true, true, true, true},
            {true, true, true, true, true},
            {true, true, true, false, false},
            {true, true, true, false, false},
            {true, true, true, false, false}};
        var analysed = new boolean[25];
        for (int row = 0; row < 5; row++) {
            for (int column = 0; column < 5; column++) {
                analysed[row * 5 + column] = mask[row][column];
            }
        }
        var grid = new HotspotGrid(UtmProjection.zone(32), 0, 0, 100, 5, 5, analysed);
        assertThat(grid.size()).isEqualTo(19);
        var result = GetisOrd.giStar(grid, flatten(COUNTS, mask));

        assertThat(result.z()).containsExactly(new double[] {
            -0.9357846781, -0.8096464096, -0.3881866347, -0.5989165221, -0.6955156391, -1.0203762970,
            0.5369105336, 1.2321412770, 0.9511964026, -0.6955156391, -1.0203762970, 1.7139836265, 2.3726472066,
            -1.0203762970, 1.3216259289, 2.1405720143, -0.9357846781, 0.0332731401, 0.5058295557}, within(1e-9));
        assertRelativelyClose(result.pFdr(), new double[] {
            6.0348156136e-01, 6.6056514726e-01, 7.3664891888e-01, 6.8509116799e-01, 6.6056514726e-01,
            6.0348156136e-01, 6.8509116799e-01, 6.0348156136e-01, 6.0348156136e-01, 6.6056514726e-01,
            6.0348156136e-01, 5.4803430898e-01, 3.0693139249e-01, 6.0348156136e-01, 6.0348156136e-01,
            3.0693139249e-01, 6.0348156136e-01, 9.7345677298e-01, 6.8509116799e-01});
    }

    /**
     * The published example of esda's G_Local docstring: six points, neighbours within distance 15, binary, star:
     * {@code lg_star.Zs == [-1.39727626, -0.28917762, 0.65064964, -0.28917762, 1.23452088, 2.02424331]}.
     */
    @Test
    void theWorkedExampleOfEsdasDocumentationComesOut() {
        double[] y = {2, 3, 3.2, 5, 8, 7};
        int[][] neighbours = {{1, 3}, {0, 3, 4}, {4}, {0, 1, 4}, {1, 2, 3, 5}, {4}};
        var localSum = new double[6];
        var cardinality = new int[6];
        for (int i = 0; i < 6; i++) {
            localSum[i] = y[i];
            cardinality[i] = 1 + neighbours[i].length;
            for (int j : neighbours[i]) {
                localSum[i] += y[j];
            }
        }
        assertThat(GetisOrd.zScores(y, localSum, cardinality)).containsExactly(
                new double[] {-1.39727626, -0.28917762, 0.65064964, -0.28917762, 1.23452088, 2.02424331},
                within(1e-8));
    }

    @Test
    void theNormalTailAndBenjaminiHochbergAgreeWithScipy() {
        // scipy.stats.norm.sf(z) * 2 for z = 0, 0.3, 1.959963984540054, 3, 5, 8.5
        double[] z = {0, 0.3, 1.959963984540054, 3, 5, 8.5};
        double[] p = {1.0, 7.6417715562e-01, 5.0000000000e-02, 2.6997960633e-03, 5.7330314376e-07,
            1.8959069644e-17};
        for (int i = 0; i < z.length; i++) {
            assertThat(GetisOrd.twoSidedP(z[i])).isCloseTo(p[i], within(p[i] * 1e-9));
            assertThat(GetisOrd.twoSidedP(-z[i])).isCloseTo(p[i], within(p[i] * 1e-9));
        }
        // scipy.stats.false_discovery_control([0.01, 0.04, 0.03, 0.5, 0.02], method='bh')
        assertThat(GetisOrd.benjaminiHochberg(new double[] {0.01, 0.04, 0.03, 0.5, 0.02}))
                .containsExactly(new double[] {0.05, 0.05, 0.05, 0.5, 0.05}, within(1e-12));
    }

    @Test
    void aGridWithoutVariationHasNoHotspots() {
        var grid = HotspotGrid.rectangle(UtmProjection.zone(32), 0, 0, 100, 4, 4);
        var result = GetisOrd.giStar(grid, new double[16]);
        assertThat(result.z()).containsOnly(0.0);
        assertThat(result.pFdr()).containsOnly(1.0);
    }

    @Test
    void aPlantedClusterInUniformNoiseIsFoundAfterTheCorrection() {
        var random = new Random(20_251_202);
        var grid = HotspotGrid.rectangle(UtmProjection.zone(32), 500_000, 5_400_000, 100, 40, 40);
        int noise = 3_000;
        int cluster = 120;
        var x = new double[noise + cluster];
        var y = new double[noise + cluster];
        for (int k = 0; k < noise; k++) {
            x[k] = 500_000 + random.nextDouble() * 4_000;
            y[k] = 5_400_000 + random.nextDouble() * 4_000;
        }
        double centreX = 501_250;
        double centreY = 5_402_750;
        for (int k = noise; k < noise + cluster; k++) {
            x[k] = centreX + random.nextGaussian() * 100;
            y[k] = centreY + random.nextGaussian() * 100;
        }
        var map = HotspotAnalysis.analyse(grid, x, y, x.length, query());

        var centre = map.cells().get(grid.indexOf(centreX, centreY));
        assertThat(centre.pFdr()).isLessThan(0.05);
        assertThat(centre.giClass().hot()).isTrue();
        assertThat(map.cells()).filteredOn(c -> c.pFdr() < 0.05).allSatisfy(c -> {
            double cellX = 500_000 + (c.column() + 0.5) * 100;
            double cellY = 5_400_000 + (c.row() + 0.5) * 100;
            assertThat(Math.hypot(cellX - centreX, cellY - centreY)).isLessThan(500);
        });
    }

    @Test
    void uniformNoiseAloneGivesNoSignificantCellAfterTheCorrection() {
        var random = new Random(20_251_202);
        var grid = HotspotGrid.rectangle(UtmProjection.zone(32), 500_000, 5_400_000, 100, 40, 40);
        int noise = 3_000;
        var x = new double[noise];
        var y = new double[noise];
        for (int k = 0; k < noise; k++) {
            x[k] = 500_000 + random.nextDouble() * 4_000;
            y[k] = 5_400_000 + random.nextDouble() * 4_000;
        }
        var map = HotspotAnalysis.analyse(grid, x, y, noise, query());

        assertThat(map.points()).isEqualTo(noise);
        assertThat(map.outside()).isZero();
        // Without the correction some of the 1,600 cells look significant by chance; with it none is.
        assertThat(map.cells()).anyMatch(c -> c.p() < 0.05);
        assertThat(map.cells()).noneMatch(c -> c.pFdr() < 0.05);
        assertThat(map.cells()).allMatch(c -> c.giClass() == GiClass.NONE);
    }

    private static HotspotQuery query() {
        return new HotspotQuery(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), List.of(), null, 100, null);
    }

    private static double[] flatten(double[][] counts, boolean[][] mask) {
        var values = new java.util.ArrayList<Double>();
        for (int row = 0; row < counts.length; row++) {
            for (int column = 0; column < counts[row].length; column++) {
                if (mask == null || mask[row][column]) {
                    values.add(counts[row][column]);
                }
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void assertRelativelyClose(double[] actual, double[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("index %d", i).isCloseTo(expected[i], within(expected[i] * 1e-8));
        }
    }
}

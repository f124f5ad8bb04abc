package de.sipa.situation;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import de.sipa.BenchRecord;

/**
 * Benchmark (prints figures, asserts nothing): Gi* and the kernel density over 1,000,000 report places on a city of
 * 10 km × 10 km (100 km²) at 100 m cells, i.e. 10,000 cells; goal &lt; 3 s and &lt; 1 GiB heap. Times each step of
 * {@link HotspotAnalysis#analyse(HotspotGrid, double[], double[], int, HotspotQuery)} and around it: the grid over
 * the district (JTS), projecting the places to UTM, counting, Gi*, the default bandwidth, the density, the cells'
 * WGS84 corners, and the GeoJSON of all cells and of a 1 km² viewport. Not included: reading the places from
 * PostgreSQL. Run with {@code bench/hotspots.sh} (a 1 GiB heap).
 */
public final class HotspotBenchmark {

    private static final int POINTS = 1_000_000;
    private static final int ROUNDS = 6;
    private static final int WARM_UP = 2;

    private HotspotBenchmark() {
    }

    public static void main(String[] args) {
        double south = 48.730;
        double west = 9.120;
        double north = south + 10_000 / 111_200.0;
        double east = west + 10_000 / (111_320 * Math.cos(Math.toRadians(48.775)));
        String city = String.format(java.util.Locale.ROOT,
                "{\"type\":\"Polygon\",\"coordinates\":[[[%f,%f],[%f,%f],[%f,%f],[%f,%f],[%f,%f]]]}",
                west, south, east, south, east, north, west, north, west, south);
        var area = List.of(HotspotAnalysis.geometry(city));

        var random = new Random(42);
        var latitude = new double[POINTS];
        var longitude = new double[POINTS];
        double[][] clusters = new double[20][];
        for (int c = 0; c < clusters.length; c++) {
            clusters[c] = new double[] {south + random.nextDouble() * (north - south),
                west + random.nextDouble() * (east - west)};
        }
        for (int k = 0; k < POINTS; k++) { // 70 % uniform, 30 % in 20 clusters (standard deviation about 150 m)
            if (k % 10 < 7) {
                latitude[k] = south + random.nextDouble() * (north - south);
                longitude[k] = west + random.nextDouble() * (east - west);
            } else {
                var centre = clusters[random.nextInt(clusters.length)];
                latitude[k] = centre[0] + random.nextGaussian() * 150 / 111_200.0;
                longitude[k] = centre[1] + random.nextGaussian() * 150 / 73_400.0;
            }
        }
        var query = new HotspotQuery(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), List.of(), null, 100,
                null);
        System.out.printf("%,d places on %.1f km², cells of %d m, heap max %d MiB%n", POINTS,
                10_000.0 * 10_000 / 1e6, query.cellSize(), Runtime.getRuntime().maxMemory() >> 20);

        long checksum = 0;
        var measured = new ArrayList<Double>();
        long heapPeak = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            System.gc();
            resetPeaks();
            long t0 = System.nanoTime();
            var grid = HotspotGrid.over(area, query.cellSize());
            long t1 = System.nanoTime();
            var x = new double[POINTS];
            var y = new double[POINTS];
            var xy = new double[2];
            for (int k = 0; k < POINTS; k++) {
                grid.projection().forward(latitude[k], longitude[k], xy);
                x[k] = xy[0];
                y[k] = xy[1];
            }
            long t2 = System.nanoTime();
            var counts = new double[grid.size()];
            for (int k = 0; k < POINTS; k++) {
                int index = grid.indexOf(x[k], y[k]);
                if (index >= 0) {
                    counts[index]++;
                }
            }
            long t3 = System.nanoTime();
            var gi = GetisOrd.giStar(grid, counts);
            long t4 = System.nanoTime();
            double bandwidth = KdeSurface.defaultBandwidth(x, y, POINTS, query.cellSize());
            long t5 = System.nanoTime();
            var density = KdeSurface.evaluate(grid, x, y, POINTS, bandwidth);
            long t6 = System.nanoTime();
            var map = HotspotAnalysis.analyse(grid, x, y, POINTS, query);
            long t7 = System.nanoTime();
            var all = HotspotGeoJson.of(map, null);
            long t8 = System.nanoTime();
            double lat = (south + north) / 2;
            double lon = (west + east) / 2;
            var viewport = HotspotGeoJson.of(map, new double[] {lon, lat, lon + 0.0136, lat + 0.009});
            long t9 = System.nanoTime();
            long peak = heapPeak();
            checksum += gi.z().length + density.length + all.length() + viewport.length() + map.hotCells().size();
            System.out.printf("%s round %d: grid (JTS) %.0f ms, project %.0f ms, count %.0f ms, Gi* %.0f ms, "
                    + "bandwidth %.0f m in %.0f ms, KDE %.0f ms | whole analysis %.0f ms (%,d cells, %,d hot) | "
                    + "grid + project + analysis %.0f ms | GeoJSON all %.0f ms (%.1f MB), viewport %.0f ms | "
                    + "heap peak %d MiB%n",
                    round <= WARM_UP ? "warm-up" : "measure", round, ms(t0, t1), ms(t1, t2), ms(t2, t3), ms(t3, t4),
                    bandwidth, ms(t4, t5), ms(t5, t6), ms(t6, t7), map.cells().size(), map.hotCells().size(),
                    ms(t0, t2) + ms(t6, t7), ms(t7, t8), all.length() / 1e6, ms(t8, t9), peak >> 20);
            if (round > WARM_UP) {
                measured.add(ms(t0, t2) + ms(t6, t7));
                heapPeak = Math.max(heapPeak, peak >> 20);
            }
        }
        System.out.println("(checksum " + checksum + ")");
        measured.sort(null);
        BenchRecord.record("hotspots 1M points, grid + project + analysis", "median", measured.get(measured.size() / 2),
                "ms");
        BenchRecord.record("hotspots 1M points", "heap peak", heapPeak, "MiB");
    }

    private static double ms(long from, long to) {
        return (to - from) / 1e6;
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The sum of the heap pools' peaks since the last reset (an upper bound of the heap used at once). */
    private static long heapPeak() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}

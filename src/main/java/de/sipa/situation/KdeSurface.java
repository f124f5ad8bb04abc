package de.sipa.situation;

import java.util.Arrays;

/**
 * Kernel density of points on a {@link HotspotGrid}, evaluated exactly at every cell's centre with the quartic
 * (biweight) kernel K(d) = 3 / (π h²) · (1 − d²/h²)² for d &lt; h, which integrates to 1 over the plane: the
 * density (points per m²) summed over cells times the cell area gives the number of points, up to what lies beyond
 * the grid's edge and the error of the grid's sum (below 1 % for a bandwidth of two cells or more).
 */
final class KdeSurface {

    /** The smallest and largest bandwidth in metres the page accepts. */
    static final double MIN_BANDWIDTH = 25;
    static final double MAX_BANDWIDTH = 5_000;

    private KdeSurface() {
    }

    /** Density in points per square metre at each grid position (row-major, all positions). */
    static double[] evaluate(HotspotGrid grid, double[] x, double[] y, int count, double bandwidth) {
        int columns = grid.columns();
        int rows = grid.rows();
        double cell = grid.cellSize();
        double h2 = bandwidth * bandwidth;
        double norm = 3 / (Math.PI * h2);
        var density = new double[grid.positions()];
        for (int k = 0; k < count; k++) {
            double px = x[k] - grid.originX();
            double py = y[k] - grid.originY();
            int firstColumn = Math.max(0, (int) Math.ceil((px - bandwidth) / cell - 0.5));
            int lastColumn = Math.min(columns - 1, (int) Math.floor((px + bandwidth) / cell - 0.5));
            int firstRow = Math.max(0, (int) Math.ceil((py - bandwidth) / cell - 0.5));
            int lastRow = Math.min(rows - 1, (int) Math.floor((py + bandwidth) / cell - 0.5));
            for (int row = firstRow; row <= lastRow; row++) {
                double dy = (row + 0.5) * cell - py;
                double dy2 = dy * dy;
                int offset = row * columns;
                for (int column = firstColumn; column <= lastColumn; column++) {
                    double dx = (column + 0.5) * cell - px;
                    double u = 1 - (dx * dx + dy2) / h2;
                    if (u > 0) {
                        density[offset + column] += norm * u * u;
                    }
                }
            }
        }
        return density;
    }

    /**
     * The default bandwidth: Silverman's rule of thumb for two dimensions as ArcGIS' Kernel Density uses it,
     * h = 0.9 · min(SD, √(1/ln 2) · D_m) · n^−0.2, where SD is the standard distance of the points from their mean
     * centre and D_m the median of these distances. Never below one cell (finer would show the grid, not the
     * points) nor above {@link #MAX_BANDWIDTH}; three cells for fewer than two points or points all in one place.
     */
    static double defaultBandwidth(double[] x, double[] y, int count, double cellSize) {
        if (count < 2) {
            return 3 * cellSize;
        }
        double meanX = 0;
        double meanY = 0;
        for (int k = 0; k < count; k++) {
            meanX += x[k];
            meanY += y[k];
        }
        meanX /= count;
        meanY /= count;
        var distances = new double[count];
        double sumOfSquares = 0;
        for (int k = 0; k < count; k++) {
            double dx = x[k] - meanX;
            double dy = y[k] - meanY;
            sumOfSquares += dx * dx + dy * dy;
            distances[k] = Math.sqrt(dx * dx + dy * dy);
        }
        double standardDistance = Math.sqrt(sumOfSquares / count);
        Arrays.sort(distances);
        double median = count % 2 == 1 ? distances[count / 2]
                : (distances[count / 2 - 1] + distances[count / 2]) / 2;
        double h = 0.9 * Math.min(standardDistance, Math.sqrt(1 / Math.log(2)) * median) * Math.pow(count, -0.2);
        if (!(h > 0)) {
            return 3 * cellSize;
        }
        return Math.min(MAX_BANDWIDTH, Math.max(cellSize, Math.round(h)));
    }
}

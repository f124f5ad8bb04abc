package de.sipa.situation;

import java.util.Arrays;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

import de.sipa.shared.UtmProjection;

/**
 * A square grid in projected metres over an area (the partnership's districts). Positions run row by row from the
 * south-west corner ({@code position = row * columns + column}); the analysed cells are those whose centre lies in
 * the area (on its boundary counts as in), numbered 0 … n−1 in position order. The origin is a multiple of the cell
 * size, so the same area and cell size always give the same cells.
 */
final class HotspotGrid {

    /** Above this many positions the grid is refused (a county at 50 m has about a million). */
    static final int MAX_POSITIONS = 4_000_000;

    private final UtmProjection projection;
    private final double originX;
    private final double originY;
    private final double cellSize;
    private final int columns;
    private final int rows;
    /** Per position its analysed index, or −1. */
    private final int[] indexOfPosition;
    /** Per analysed index its position. */
    private final int[] positionOfIndex;

    HotspotGrid(UtmProjection projection, double originX, double originY, double cellSize, int columns, int rows,
            boolean[] analysed) {
        this.projection = projection;
        this.originX = originX;
        this.originY = originY;
        this.cellSize = cellSize;
        this.columns = columns;
        this.rows = rows;
        this.indexOfPosition = new int[columns * rows];
        int n = 0;
        for (int position = 0; position < indexOfPosition.length; position++) {
            indexOfPosition[position] = analysed[position] ? n++ : -1;
        }
        this.positionOfIndex = new int[n];
        for (int position = 0; position < indexOfPosition.length; position++) {
            if (indexOfPosition[position] >= 0) {
                positionOfIndex[indexOfPosition[position]] = position;
            }
        }
    }

    /** A grid whose every position is analysed (tests and benchmarks). */
    static HotspotGrid rectangle(UtmProjection projection, double originX, double originY, double cellSize,
            int columns, int rows) {
        var analysed = new boolean[columns * rows];
        Arrays.fill(analysed, true);
        return new HotspotGrid(projection, originX, originY, cellSize, columns, rows, analysed);
    }

    /**
     * The grid over an area given in WGS84 (x = longitude, y = latitude), in the UTM zone of the area's centre:
     * every cell whose centre the area covers takes part.
     *
     * @throws TooManyCells if the area needs more than {@link #MAX_POSITIONS} cells of this size
     */
    static HotspotGrid over(List<Geometry> areaInWgs84, double cellSize) {
        var factory = new GeometryFactory();
        var wgs84 = factory.buildGeometry(areaInWgs84);
        var centre = wgs84.getEnvelopeInternal().centre();
        var projection = UtmProjection.forLongitude(centre.x);
        var projected = wgs84.copy();
        var xy = new double[2];
        projected.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence sequence, int i) {
                projection.forward(sequence.getY(i), sequence.getX(i), xy);
                sequence.setOrdinate(i, 0, xy[0]);
                sequence.setOrdinate(i, 1, xy[1]);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        var area = projected.union();
        Envelope envelope = area.getEnvelopeInternal();
        double originX = Math.floor(envelope.getMinX() / cellSize) * cellSize;
        double originY = Math.floor(envelope.getMinY() / cellSize) * cellSize;
        int columns = Math.max(1, (int) Math.ceil((envelope.getMaxX() - originX) / cellSize));
        int rows = Math.max(1, (int) Math.ceil((envelope.getMaxY() - originY) / cellSize));
        if ((long) columns * rows > MAX_POSITIONS) {
            throw new TooManyCells((long) columns * rows);
        }
        var prepared = PreparedGeometryFactory.prepare(area);
        var analysed = new boolean[columns * rows];
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                var point = factory.createPoint(new Coordinate(originX + (column + 0.5) * cellSize,
                        originY + (row + 0.5) * cellSize));
                analysed[row * columns + column] = prepared.covers(point);
            }
        }
        return new HotspotGrid(projection, originX, originY, cellSize, columns, rows, analysed);
    }

    UtmProjection projection() {
        return projection;
    }

    double originX() {
        return originX;
    }

    double originY() {
        return originY;
    }

    double cellSize() {
        return cellSize;
    }

    int columns() {
        return columns;
    }

    int rows() {
        return rows;
    }

    int positions() {
        return indexOfPosition.length;
    }

    /** The number n of analysed cells. */
    int size() {
        return positionOfIndex.length;
    }

    int position(int index) {
        return positionOfIndex[index];
    }

    /** The analysed index at a position, or −1 (also outside the grid). */
    int index(int column, int row) {
        if (column < 0 || row < 0 || column >= columns || row >= rows) {
            return -1;
        }
        return indexOfPosition[row * columns + column];
    }

    /** The position (row-major) containing a projected point, or −1 outside the grid. */
    int positionOf(double x, double y) {
        double column = Math.floor((x - originX) / cellSize);
        double row = Math.floor((y - originY) / cellSize);
        if (column < 0 || row < 0 || column >= columns || row >= rows) {
            return -1;
        }
        return (int) row * columns + (int) column;
    }

    /** The analysed index of the cell containing a projected point, or −1. */
    int indexOf(double x, double y) {
        int position = positionOf(x, y);
        return position < 0 ? -1 : indexOfPosition[position];
    }

    /** The area needs more cells than the grid allows at this cell size. */
    static final class TooManyCells extends RuntimeException {

        private final long cells;

        TooManyCells(long cells) {
            super(cells + " cells");
            this.cells = cells;
        }

        long cells() {
            return cells;
        }
    }
}

package de.sipa.places;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

import de.sipa.shared.UtmProjection;

/**
 * An area on the map: a place's outline grown by its radius, a comparison area, or the buffer ring around a place.
 * Held in WGS84 degrees, where GeoJSON draws its edges straight, so that a position on a drawn edge counts as inside
 * and a position in a hole as outside; distances (radius, buffer, size) are measured in the UTM zone of its longitude.
 */
public final class PlaceArea {

    private static final GeometryFactory FACTORY = new GeometryFactory();
    /** Segments per quarter circle when a point or a line is grown by its radius. */
    private static final int QUADRANT_SEGMENTS = 16;

    private final UtmProjection projection;
    private final Geometry wgs84;
    private final PreparedGeometry prepared;

    private PlaceArea(UtmProjection projection, Geometry wgs84) {
        this.projection = projection;
        this.wgs84 = wgs84;
        this.prepared = PreparedGeometryFactory.prepare(wgs84);
    }

    /** A polygon as it is; a point or a line grown by {@code radiusMetres}. */
    static PlaceArea of(Geometry wgs84, int radiusMetres) {
        var projection = UtmProjection.forLongitude(wgs84.getEnvelopeInternal().centre().x);
        if (wgs84 instanceof Polygonal) {
            return new PlaceArea(projection, wgs84.copy());
        }
        var metric = project(wgs84, projection).buffer(radiusMetres, QUADRANT_SEGMENTS);
        return new PlaceArea(projection, unproject(metric, projection));
    }

    /** Whether the position lies in the area or on its edge. */
    public boolean contains(double latitude, double longitude) {
        return prepared.covers(FACTORY.createPoint(new Coordinate(longitude, latitude)));
    }

    /** The ring from this area's edge to {@code metres} outside it, for displacement. */
    public PlaceArea around(int metres) {
        var metric = project(wgs84, projection);
        var ring = metric.buffer(metres, QUADRANT_SEGMENTS).difference(metric);
        return new PlaceArea(projection, unproject(ring, projection).difference(wgs84));
    }

    /** Whether the two areas share any point. */
    public boolean overlaps(PlaceArea other) {
        return prepared.intersects(other.wgs84);
    }

    public double squareMetres() {
        return project(wgs84, projection).getArea();
    }

    /** The area's bounding box as {west, south, east, north}, for selecting candidates by index. */
    public double[] bounds() {
        var envelope = wgs84.getEnvelopeInternal();
        return new double[] {envelope.getMinX(), envelope.getMinY(), envelope.getMaxX(), envelope.getMaxY()};
    }

    /** The area in WGS84 (x = longitude), e.g. to draw it. */
    public Geometry outline() {
        return wgs84.copy();
    }

    private static Geometry project(Geometry wgs84, UtmProjection projection) {
        var metric = wgs84.copy();
        metric.apply(new Transform(projection, true));
        metric.geometryChanged();
        return metric;
    }

    private static Geometry unproject(Geometry metric, UtmProjection projection) {
        var wgs84 = metric.copy();
        wgs84.apply(new Transform(projection, false));
        wgs84.geometryChanged();
        return wgs84;
    }

    /** WGS84 (x = longitude) to UTM metres, or back. */
    private record Transform(UtmProjection projection, boolean forward) implements CoordinateSequenceFilter {

        @Override
        public void filter(CoordinateSequence sequence, int i) {
            double[] out = new double[2];
            if (forward) {
                projection.forward(sequence.getY(i), sequence.getX(i), out);
                sequence.setOrdinate(i, 0, out[0]);
                sequence.setOrdinate(i, 1, out[1]);
            } else {
                projection.inverse(sequence.getX(i), sequence.getY(i), out);
                sequence.setOrdinate(i, 0, out[1]);
                sequence.setOrdinate(i, 1, out[0]);
            }
        }

        @Override
        public boolean isDone() {
            return false;
        }

        @Override
        public boolean isGeometryChanged() {
            return true;
        }
    }
}

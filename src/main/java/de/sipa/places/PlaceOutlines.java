package de.sipa.places;

import java.util.List;
import java.util.Locale;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

import de.sipa.shared.UtmProjection;

/** Outlines SiPa proposes for a new place: the polygon around a cluster of reports. */
final class PlaceOutlines {

    /** How far the outline around reports reaches beyond the outermost ones. */
    static final int MARGIN_METRES = 25;

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private PlaceOutlines() {
    }

    /**
     * The convex hull of the positions grown by {@code metres}, as a GeoJSON polygon in WGS84 (six decimals): one
     * report gives a circle, two a rounded corridor.
     *
     * @param positions latitude, longitude pairs; at least one
     */
    static String around(List<double[]> positions, int metres) {
        var projection = UtmProjection.forLongitude(positions.stream().mapToDouble(p -> p[1]).average().orElseThrow());
        var metric = new Coordinate[positions.size()];
        double[] out = new double[2];
        for (int i = 0; i < positions.size(); i++) {
            projection.forward(positions.get(i)[0], positions.get(i)[1], out);
            metric[i] = new Coordinate(out[0], out[1]);
        }
        var grown = (Polygon) FACTORY.createMultiPointFromCoords(metric).convexHull().buffer(metres, 4);
        var json = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[");
        var ring = grown.getExteriorRing().getCoordinates();
        for (int i = 0; i < ring.length; i++) {
            projection.inverse(ring[i].x, ring[i].y, out);
            if (i > 0) {
                json.append(',');
            }
            // the last position repeats the first exactly, so the ring stays closed after rounding
            json.append(String.format(Locale.ROOT, "[%.6f,%.6f]", out[1], out[0]));
        }
        return json.append("]]}").toString();
    }
}

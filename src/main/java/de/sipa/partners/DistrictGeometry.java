package de.sipa.partners;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A district boundary as polygons in WGS84, with the two questions routing asks: does it contain a point, and
 * how far is the point from the boundary line. Distances use a local flat projection, which is accurate to well
 * below a metre over a city.
 */
final class DistrictGeometry {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final double METRES_PER_DEGREE_LATITUDE = 111_320;
    /** Parsed boundaries by their GeoJSON text, so a changed boundary is simply a new key. */
    private static final Map<String, DistrictGeometry> PARSED = new ConcurrentHashMap<>();

    /** Polygons; each a list of rings (outer first, then holes); each ring longitude/latitude pairs. */
    private final List<List<double[][]>> polygons;

    private DistrictGeometry(List<List<double[][]>> polygons) {
        this.polygons = polygons;
    }

    static DistrictGeometry of(String geoJson) {
        if (PARSED.size() > 10_000) {
            PARSED.clear();
        }
        return PARSED.computeIfAbsent(geoJson, DistrictGeometry::parse);
    }

    private static DistrictGeometry parse(String geoJson) {
        var node = JSON.readTree(geoJson);
        var polygons = new ArrayList<List<double[][]>>();
        if ("MultiPolygon".equals(node.get("type").asString())) {
            node.get("coordinates").forEach(polygon -> polygons.add(rings(polygon)));
        } else {
            polygons.add(rings(node.get("coordinates")));
        }
        return new DistrictGeometry(polygons);
    }

    private static List<double[][]> rings(JsonNode polygon) {
        var rings = new ArrayList<double[][]>();
        for (JsonNode ring : polygon) {
            var points = new double[ring.size()][];
            for (int i = 0; i < ring.size(); i++) {
                points[i] = new double[] {ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble()};
            }
            rings.add(points);
        }
        return rings;
    }

    boolean contains(double latitude, double longitude) {
        for (var polygon : polygons) {
            if (inside(polygon.get(0), latitude, longitude)) {
                boolean inHole = false;
                for (int i = 1; i < polygon.size(); i++) {
                    inHole |= inside(polygon.get(i), latitude, longitude);
                }
                if (!inHole) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Distance in metres from the point to the nearest boundary line. */
    double distanceToBoundary(double latitude, double longitude) {
        double metresPerDegreeLongitude = METRES_PER_DEGREE_LATITUDE * Math.cos(Math.toRadians(latitude));
        double best = Double.MAX_VALUE;
        for (var polygon : polygons) {
            for (var ring : polygon) {
                for (int i = 0; i + 1 < ring.length; i++) {
                    best = Math.min(best, segmentDistance(
                            (ring[i][0] - longitude) * metresPerDegreeLongitude,
                            (ring[i][1] - latitude) * METRES_PER_DEGREE_LATITUDE,
                            (ring[i + 1][0] - longitude) * metresPerDegreeLongitude,
                            (ring[i + 1][1] - latitude) * METRES_PER_DEGREE_LATITUDE));
                }
            }
        }
        return best;
    }

    /** Ray casting; points on the line count as inside for one of the two neighbours only, which is enough here. */
    private static boolean inside(double[][] ring, double latitude, double longitude) {
        boolean inside = false;
        for (int i = 0, j = ring.length - 1; i < ring.length; j = i++) {
            double xi = ring[i][0];
            double yi = ring[i][1];
            double xj = ring[j][0];
            double yj = ring[j][1];
            if ((yi > latitude) != (yj > latitude) && longitude < (xj - xi) * (latitude - yi) / (yj - yi) + xi) {
                inside = !inside;
            }
        }
        return inside;
    }

    /** Distance from the origin to the segment (x1,y1)–(x2,y2). */
    private static double segmentDistance(double x1, double y1, double x2, double y2) {
        double dx = x2 - x1;
        double dy = y2 - y1;
        double length = dx * dx + dy * dy;
        double t = length == 0 ? 0 : Math.max(0, Math.min(1, -(x1 * dx + y1 * dy) / length));
        return Math.hypot(x1 + t * dx, y1 + t * dy);
    }
}

package de.sipa.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import de.sipa.partners.District;
import de.sipa.partners.DistrictId;

/**
 * The districts' outlines for the demo's places: a point belongs to a district only well inside it (further than
 * {@link #MARGIN_METRES} from its boundary), so that no demo report asks which side of a boundary it is on.
 */
final class DemoGeography {

    static final double MARGIN_METRES = 2 * Reports.BOUNDARY_MARGIN_METRES;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final double METRES_PER_DEGREE = 111_320;

    /** The outer ring of a district as {longitude, latitude} pairs, and its bounding box. */
    private record Outline(DistrictId id, String name, double[][] ring, double west, double south, double east,
            double north) {
    }

    private final Map<String, Outline> outlines = new LinkedHashMap<>();

    DemoGeography(List<District> districts) {
        for (var district : districts) {
            if (!district.hasBoundary()) {
                continue;
            }
            var geometry = JSON.readTree(district.boundary());
            JsonNode ring = geometry.get("type").asString().equals("MultiPolygon")
                    ? geometry.get("coordinates").get(0).get(0) : geometry.get("coordinates").get(0);
            var points = new ArrayList<double[]>();
            double west = 180, south = 90, east = -180, north = -90;
            for (var point : ring) {
                double lon = point.get(0).asDouble();
                double lat = point.get(1).asDouble();
                points.add(new double[] {lon, lat});
                west = Math.min(west, lon);
                east = Math.max(east, lon);
                south = Math.min(south, lat);
                north = Math.max(north, lat);
            }
            outlines.put(district.name(), new Outline(district.id(), district.name(), points.toArray(double[][]::new),
                    west, south, east, north));
        }
    }

    /** The district a point lies well inside of, if any. */
    Optional<DistrictId> districtOf(double latitude, double longitude) {
        for (var outline : outlines.values()) {
            if (inside(outline.ring(), latitude, longitude)
                    && distanceToRing(outline.ring(), latitude, longitude) > MARGIN_METRES) {
                return Optional.of(outline.id());
            }
        }
        return Optional.empty();
    }

    DistrictId id(String district) {
        return outline(district).id();
    }

    /** A point anywhere well inside the district. */
    double[] anywhereIn(String district, RandomGenerator random) {
        var outline = outline(district);
        for (int attempt = 0; attempt < 1000; attempt++) {
            double lat = outline.south() + random.nextDouble() * (outline.north() - outline.south());
            double lon = outline.west() + random.nextDouble() * (outline.east() - outline.west());
            if (districtOf(lat, lon).filter(outline.id()::equals).isPresent()) {
                return new double[] {lat, lon};
            }
        }
        throw new IllegalStateException("No room in district " + district);
    }

    private Outline outline(String district) {
        var outline = outlines.get(district);
        if (outline == null) {
            throw new IllegalStateException("Demo district missing: " + district);
        }
        return outline;
    }

    private static boolean inside(double[][] ring, double latitude, double longitude) {
        boolean inside = false;
        for (int i = 0, j = ring.length - 1; i < ring.length; j = i++) {
            double xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
            if ((yi > latitude) != (yj > latitude) && longitude < (xj - xi) * (latitude - yi) / (yj - yi) + xi) {
                inside = !inside;
            }
        }
        return inside;
    }

    /** Metres to the nearest edge, on a local flat projection (exact enough for a city). */
    private static double distanceToRing(double[][] ring, double latitude, double longitude) {
        double scale = Math.cos(Math.toRadians(latitude));
        double best = Double.MAX_VALUE;
        for (int i = 0; i + 1 < ring.length; i++) {
            double x1 = (ring[i][0] - longitude) * scale, y1 = ring[i][1] - latitude;
            double x2 = (ring[i + 1][0] - longitude) * scale, y2 = ring[i + 1][1] - latitude;
            double dx = x2 - x1, dy = y2 - y1;
            double length = dx * dx + dy * dy;
            double t = length == 0 ? 0 : Math.max(0, Math.min(1, -(x1 * dx + y1 * dy) / length));
            double px = x1 + t * dx, py = y1 + t * dy;
            best = Math.min(best, Math.sqrt(px * px + py * py));
        }
        return best * METRES_PER_DEGREE;
    }
}

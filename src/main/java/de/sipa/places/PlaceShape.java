package de.sipa.places;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import de.sipa.shared.RuleViolationException;

/**
 * A place's outline as drawn: a GeoJSON geometry in WGS84 (Point, LineString, Polygon or MultiPolygon) and, for a
 * point or a line, the radius or half-width in metres that makes it an area. Built only through {@link #of}, which
 * refuses what is not a usable outline with a message key the person can act on.
 */
public final class PlaceShape {

    /** More positions than a drawn or imported place plausibly has; guards the server against huge uploads. */
    static final int MAX_POSITIONS = 5_000;
    static final int MIN_RADIUS = 5;
    static final int MAX_RADIUS = 1_000;
    /** A place, not a district: larger outlines are refused. */
    static final double MAX_SQUARE_METRES = 25_000_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final GeometryFactory WGS84 = new GeometryFactory();
    private static final Set<String> TYPES = Set.of("Point", "LineString", "Polygon", "MultiPolygon");
    private static final Set<String> WGS84_NAMES = Set.of("EPSG:4326", "urn:ogc:def:crs:EPSG::4326",
            "urn:ogc:def:crs:OGC:1.3:CRS84", "urn:ogc:def:crs:OGC::CRS84", "OGC:CRS84", "CRS84");

    private final String geometry;
    private final Integer radiusMetres;
    private final Geometry outline;
    private final PlaceArea area;

    private PlaceShape(String geometry, Integer radiusMetres, Geometry outline) {
        this.geometry = geometry;
        this.radiusMetres = radiusMetres;
        this.outline = outline;
        this.area = PlaceArea.of(outline, radiusMetres == null ? 0 : radiusMetres);
    }

    /**
     * The checked shape; a Feature is unwrapped, a {@code crs} member other than WGS84 is refused.
     *
     * @param radiusMetres required for points and lines, ignored for polygons
     * @throws RuleViolationException with a {@code place.geometry.*} key
     */
    public static PlaceShape of(String geoJson, Integer radiusMetres) {
        if (geoJson == null || geoJson.isBlank()) {
            throw new RuleViolationException("place.geometry.required");
        }
        JsonNode node;
        try {
            node = JSON.readTree(geoJson);
        } catch (JacksonException e) {
            throw new RuleViolationException("place.geometry.invalid");
        }
        if (node == null || !node.isObject()) {
            throw new RuleViolationException("place.geometry.invalid");
        }
        checkCrs(node);
        if ("Feature".equals(node.path("type").asString(""))) {
            node = node.get("geometry");
            if (node == null || !node.isObject()) {
                throw new RuleViolationException("place.geometry.invalid");
            }
            checkCrs(node);
        }
        String type = node.path("type").asString("");
        if (!TYPES.contains(type)) {
            throw new RuleViolationException("place.geometry.type", type);
        }
        int positions = positions(node.get("coordinates"));
        if (positions > MAX_POSITIONS) {
            throw new RuleViolationException("place.geometry.tooManyPositions", MAX_POSITIONS);
        }
        var compact = JSON.createObjectNode();
        compact.put("type", type);
        compact.set("coordinates", node.get("coordinates"));
        String normalised = JSON.writeValueAsString(compact);
        Geometry outline;
        try {
            outline = new GeoJsonReader(WGS84).read(normalised);
        } catch (ParseException | RuntimeException e) {
            // JTS refuses rings that are not closed or have fewer than four positions while building them
            throw new RuleViolationException("place.geometry.ringNotClosed");
        }
        if (outline.isEmpty()) {
            throw new RuleViolationException("place.geometry.invalid");
        }
        Integer radius = null;
        if (outline instanceof Point || outline instanceof LineString) {
            if (radiusMetres == null || radiusMetres < MIN_RADIUS || radiusMetres > MAX_RADIUS) {
                throw new RuleViolationException("place.radius.invalid", MIN_RADIUS, MAX_RADIUS);
            }
            radius = radiusMetres;
        }
        if (outline instanceof Polygonal) {
            var error = new IsValidOp(outline).getValidationError();
            if (error != null) {
                var at = error.getCoordinate();
                String where = at == null ? "" : String.format(Locale.ROOT, "%.6f, %.6f", at.y, at.x);
                throw new RuleViolationException(error.getErrorType() == TopologyValidationError.SELF_INTERSECTION
                        || error.getErrorType() == TopologyValidationError.RING_SELF_INTERSECTION
                        ? "place.geometry.selfIntersecting" : "place.geometry.invalidPolygon", where);
            }
        }
        var shape = new PlaceShape(normalised, radius, outline);
        if (shape.area.squareMetres() > MAX_SQUARE_METRES) {
            throw new RuleViolationException("place.geometry.tooLarge", (int) (MAX_SQUARE_METRES / 1_000_000));
        }
        return shape;
    }

    /** The GeoJSON geometry as stored (compact, without Feature or crs). */
    public String geometry() {
        return geometry;
    }

    /** A point's radius or a line's half-width in metres; {@code null} for polygons. */
    public Integer radiusMetres() {
        return radiusMetres;
    }

    /** The drawn geometry in WGS84 (x = longitude, y = latitude). */
    public Geometry outline() {
        return outline.copy();
    }

    /** The area the place covers, in metres, for containment and buffers. */
    public PlaceArea area() {
        return area;
    }

    private static void checkCrs(JsonNode node) {
        JsonNode crs = node.get("crs");
        if (crs == null || crs.isNull()) {
            return;
        }
        String name = crs.path("properties").path("name").asString("");
        if (!WGS84_NAMES.contains(name)) {
            throw new RuleViolationException("place.geometry.crs", name.isBlank() ? "?" : name);
        }
    }

    /** Counts positions, refusing any that is not a longitude/latitude pair of WGS84. */
    private static int positions(JsonNode coordinates) {
        if (coordinates == null || !coordinates.isArray() || coordinates.isEmpty()) {
            throw new RuleViolationException("place.geometry.invalid");
        }
        if (coordinates.get(0).isNumber()) {
            if (coordinates.size() < 2 || !coordinates.get(1).isNumber()) {
                throw new RuleViolationException("place.geometry.invalid");
            }
            double longitude = coordinates.get(0).asDouble();
            double latitude = coordinates.get(1).asDouble();
            if (Math.abs(longitude) > 180 || Math.abs(latitude) > 90) {
                throw new RuleViolationException("place.geometry.notWgs84");
            }
            return 1;
        }
        int count = 0;
        for (JsonNode element : coordinates) {
            count += positions(element);
            if (count > MAX_POSITIONS) {
                return count;
            }
        }
        return count;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PlaceShape that && geometry.equals(that.geometry)
                && Objects.equals(radiusMetres, that.radiusMetres);
    }

    @Override
    public int hashCode() {
        return Objects.hash(geometry, radiusMetres);
    }

    @Override
    public String toString() {
        return radiusMetres == null ? geometry : geometry + " r=" + radiusMetres + " m";
    }
}

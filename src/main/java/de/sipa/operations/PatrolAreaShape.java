package de.sipa.operations;

import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import de.sipa.shared.RuleViolationException;

/** Checks a drawn or pasted patrol area: a GeoJSON polygon or route with WGS84 positions. */
final class PatrolAreaShape {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> TYPES = Set.of("Polygon", "MultiPolygon", "LineString", "MultiLineString");

    private PatrolAreaShape() {
    }

    /** The geometry as compact GeoJSON; a Feature is unwrapped. */
    static String validated(String geoJson) {
        if (geoJson == null || geoJson.isBlank()) {
            throw new RuleViolationException("patrolArea.geometry.required");
        }
        JsonNode node;
        try {
            node = JSON.readTree(geoJson);
        } catch (JacksonException e) {
            throw new RuleViolationException("patrolArea.geometry.invalid");
        }
        if (node != null && node.has("type") && "Feature".equals(node.get("type").asString())) {
            node = node.get("geometry");
        }
        if (node == null || !node.has("type") || !TYPES.contains(node.get("type").asString())
                || !node.has("coordinates")) {
            throw new RuleViolationException("patrolArea.geometry.invalid");
        }
        int depth = switch (node.get("type").asString()) {
            case "LineString" -> 1;
            case "Polygon", "MultiLineString" -> 2;
            default -> 3;
        };
        if (positions(node.get("coordinates"), depth) < 2) {
            throw new RuleViolationException("patrolArea.geometry.invalid");
        }
        return JSON.writeValueAsString(node);
    }

    /** Counts the positions below nested arrays {@code depth} deep; refuses anything that is not lon/lat. */
    private static int positions(JsonNode arrays, int depth) {
        if (!arrays.isArray() || arrays.isEmpty()) {
            throw new RuleViolationException("patrolArea.geometry.invalid");
        }
        int count = 0;
        for (JsonNode element : arrays) {
            if (depth > 1) {
                count += positions(element, depth - 1);
            } else if (element.isArray() && element.size() >= 2 && element.get(0).isNumber()
                    && element.get(1).isNumber() && Math.abs(element.get(0).asDouble()) <= 180
                    && Math.abs(element.get(1).asDouble()) <= 90) {
                count++;
            } else {
                throw new RuleViolationException("patrolArea.geometry.invalid");
            }
        }
        return count;
    }
}

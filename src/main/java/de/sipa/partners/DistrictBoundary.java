package de.sipa.partners;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import de.sipa.shared.RuleViolationException;

/**
 * Checks that a pasted boundary is a GeoJSON Polygon or MultiPolygon with closed WGS84 rings: a district's, or
 * another module's area on the city map (e.g. an event's).
 */
public final class DistrictBoundary {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DistrictBoundary() {
    }

    public static String validated(String geoJson) {
        JsonNode node;
        try {
            node = JSON.readTree(geoJson);
        } catch (JacksonException e) {
            throw new RuleViolationException("district.boundary.invalidJson");
        }
        if (node.has("type") && "Feature".equals(node.get("type").asString())) {
            node = node.get("geometry");
        }
        if (node == null || !node.has("type") || !node.has("coordinates")) {
            throw new RuleViolationException("district.boundary.notPolygon");
        }
        switch (node.get("type").asString()) {
            case "Polygon" -> checkPolygon(node.get("coordinates"));
            case "MultiPolygon" -> node.get("coordinates").forEach(DistrictBoundary::checkPolygon);
            default -> throw new RuleViolationException("district.boundary.notPolygon");
        }
        return JSON.writeValueAsString(node);
    }

    private static void checkPolygon(JsonNode rings) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new RuleViolationException("district.boundary.notPolygon");
        }
        for (JsonNode ring : rings) {
            if (!ring.isArray() || ring.size() < 4) {
                throw new RuleViolationException("district.boundary.ringTooShort");
            }
            for (JsonNode position : ring) {
                if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber()
                        || !position.get(1).isNumber()
                        || Math.abs(position.get(0).asDouble()) > 180 || Math.abs(position.get(1).asDouble()) > 90) {
                    throw new RuleViolationException("district.boundary.badPosition");
                }
            }
            if (!ring.get(0).equals(ring.get(ring.size() - 1))) {
                throw new RuleViolationException("district.boundary.notClosed");
            }
        }
    }
}

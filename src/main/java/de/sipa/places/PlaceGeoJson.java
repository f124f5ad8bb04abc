package de.sipa.places;

import java.util.Collection;
import java.util.function.Function;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Places as GeoJSON: for the map, each place's area (a point or line already grown by its radius) with what the map
 * shows; for the exchange, each place as drawn with its radius and its description, which {@link PlaceExchange} reads
 * back.
 */
final class PlaceGeoJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PlaceGeoJson() {
    }

    /** The areas of the map's places, with id, name and status (code and label) for colour and popup. */
    static String map(Collection<Place> places, Function<PlaceStatus, String> statusLabel) {
        var collection = collection();
        var features = collection.putArray("features");
        var writer = new GeoJsonWriter(6);
        writer.setEncodeCRS(false);
        for (var place : places) {
            var feature = features.addObject();
            feature.put("type", "Feature");
            feature.put("id", place.id().toString());
            feature.set("geometry", geometry(writer, place.shape().area().outline()));
            var properties = feature.putObject("properties");
            properties.put("name", place.name());
            properties.put("status", place.status().name());
            properties.put("statusLabel", statusLabel.apply(place.status()));
        }
        return JSON.writeValueAsString(collection);
    }

    /**
     * Every place as drawn (geometry in WGS84 as stored, {@code radius_metres} for points and lines) with its
     * name, deficit, status, origin, description, owner and district by name.
     */
    static String export(Collection<Place> places, Function<Place, String> owner, Function<Place, String> district) {
        var collection = collection();
        var features = collection.putArray("features");
        for (var place : places) {
            var feature = features.addObject();
            feature.put("type", "Feature");
            feature.put("id", place.id().toString());
            feature.set("geometry", JSON.readTree(place.shape().geometry()));
            var properties = feature.putObject("properties");
            properties.put("name", place.name());
            if (place.shape().radiusMetres() != null) {
                properties.put("radius_metres", place.shape().radiusMetres());
            }
            properties.put("deficit", place.deficit().name());
            properties.put("status", place.status().name());
            properties.put("origin", place.origin().name());
            properties.put("description", place.description());
            putIfPresent(properties, "owner", owner.apply(place));
            putIfPresent(properties, "district", district.apply(place));
        }
        return JSON.writeValueAsString(collection);
    }

    /** One area's outline, for a map of one place. */
    static String outline(Place place) {
        var writer = new GeoJsonWriter(6);
        writer.setEncodeCRS(false);
        return writer.write(place.shape().area().outline());
    }

    private static ObjectNode collection() {
        var collection = JSON.createObjectNode();
        collection.put("type", "FeatureCollection");
        return collection;
    }

    private static JsonNode geometry(GeoJsonWriter writer, Geometry geometry) {
        return JSON.readTree(writer.write(geometry));
    }

    private static void putIfPresent(ObjectNode node, String name, String value) {
        if (value != null && !value.isBlank()) {
            node.put(name, value);
        }
    }
}

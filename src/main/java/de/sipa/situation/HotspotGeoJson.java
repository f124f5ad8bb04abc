package de.sipa.situation;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A hotspot analysis as a GeoJSON FeatureCollection (RFC 7946, WGS84): every analysed cell as a Polygon with
 * {@code count}, {@code z}, {@code p}, {@code p_fdr}, {@code class} and {@code density}; the collection's
 * {@code properties} say how the figures were made (grid origin, cell size, projection, weights, period, filters).
 */
final class HotspotGeoJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HotspotGeoJson() {
    }

    /**
     * @param bbox west, south, east, north in degrees: only cells whose centre lies inside (a map's viewport);
     *     {@code null}: all cells
     */
    static String of(HotspotMap map, double[] bbox) {
        var collection = JSON.createObjectNode().put("type", "FeatureCollection");
        var query = map.query();
        var about = collection.putObject("properties");
        about.put("from", query.from().toString()).put("to", query.to().toString());
        var categories = about.putArray("categories");
        query.categories().forEach(categories::add);
        about.put("source", query.source().name());
        about.put("reports", map.points()).put("reports_outside_cells", map.outside());
        about.put("cells", map.cells().size());
        about.put("cell_size_m", query.cellSize());
        var grid = about.putObject("grid");
        if (map.hasArea()) {
            grid.put("projection", map.projection()).put("crs", map.epsg());
            grid.putObject("origin").put("easting", map.originX()).put("northing", map.originY())
                    .put("latitude", round(map.originLatitude())).put("longitude", round(map.originLongitude()))
                    .put("corner", "south-west");
            grid.put("columns", map.columns()).put("rows", map.rows());
            grid.put("cells_taking_part", "every cell whose centre lies in a district, also those with 0 reports");
        }
        about.put("statistic", "Getis-Ord Gi*");
        about.put("weights", "binary, queen contiguity on the grid (the cell and its up to 8 neighbouring analysed "
                + "cells), the cell itself included");
        about.put("p", "two-sided, standard normal");
        about.put("p_fdr", "Benjamini-Hochberg over all analysed cells");
        about.put("class", "hot/cold at 99/95/90 % by p_fdr (hot99, hot95, hot90, none, cold90, cold95, cold99)");
        about.put("density", "kernel density at the cell centre, reports per km², quartic kernel");
        about.put("bandwidth_m", map.bandwidth()).put("default_bandwidth_m", map.defaultBandwidth());
        ArrayNode features = collection.putArray("features");
        for (var cell : map.cells()) {
            if (bbox != null && !(cell.longitude() >= bbox[0] && cell.latitude() >= bbox[1]
                    && cell.longitude() <= bbox[2] && cell.latitude() <= bbox[3])) {
                continue;
            }
            ObjectNode feature = features.addObject().put("type", "Feature");
            feature.put("id", cell.column() + "-" + cell.row());
            var geometry = feature.putObject("geometry").put("type", "Polygon");
            var ring = geometry.putArray("coordinates").addArray();
            for (var corner : cell.corners()) {
                ring.addArray().add(round(corner[0])).add(round(corner[1]));
            }
            feature.putObject("properties").put("column", cell.column()).put("row", cell.row())
                    .put("count", cell.count()).put("z", cell.z()).put("p", cell.p()).put("p_fdr", cell.pFdr())
                    .put("class", cell.giClass().code()).put("density", cell.density());
        }
        return JSON.writeValueAsString(collection);
    }

    /** Seven decimals, about a centimetre. */
    private static double round(double degrees) {
        return Math.round(degrees * 1e7) / 1e7;
    }
}

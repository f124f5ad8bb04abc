package de.sipa.situation;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A hotspot change as a GeoJSON FeatureCollection (RFC 7946, WGS84): every analysed cell as a Polygon with
 * {@code count_earlier}, {@code count_later}, {@code change}, the hot sub-periods ({@code hot_earlier},
 * {@code hot_later}, {@code pattern}) and the {@code class}; the collection's {@code properties} say how it was made.
 */
final class HotspotChangeGeoJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HotspotChangeGeoJson() {
    }

    /** @param bbox west, south, east, north in degrees: only cells whose centre lies inside; {@code null}: all */
    static String of(HotspotChangeMap map, double[] bbox) {
        var collection = JSON.createObjectNode().put("type", "FeatureCollection");
        var query = map.query();
        var about = collection.putObject("properties");
        about.putObject("earlier").put("from", query.earlierFrom().toString()).put("to", query.earlierTo().toString())
                .put("reports", map.earlierPoints());
        about.putObject("later").put("from", query.laterFrom().toString()).put("to", query.laterTo().toString())
                .put("reports", map.laterPoints());
        about.put("sub_periods_per_period", query.splits());
        var categories = about.putArray("categories");
        query.categories().forEach(categories::add);
        about.put("source", query.source().name());
        about.put("reports_outside_cells", map.outside());
        about.put("cells", map.cells().size());
        about.put("cell_size_m", query.cellSize());
        var grid = about.putObject("grid");
        if (map.hasArea()) {
            grid.put("projection", map.projection()).put("crs", map.epsg());
            grid.putObject("origin").put("easting", map.originX()).put("northing", map.originY())
                    .put("corner", "south-west");
            grid.put("columns", map.columns()).put("rows", map.rows());
        }
        about.put("hot", "Getis-Ord Gi* per sub-period (binary queen weights, the cell itself included): z > 0 and "
                + "p_fdr < 0.05 (Benjamini-Hochberg over the cells)");
        about.put("classification", "after R sfhotspot hotspot_classify() with its default parameters "
                + "(hotspot_prop 0.1, persistent_prop 0.8, recent_prop 0.2); the earlier period's sub-periods are "
                + "the non-recent ones, the later period's the recent ones; persistent hot spots whose reports per "
                + "day differ at p < 0.05 (exact conditional Poisson test) are intensifying or diminishing");
        about.put("classes", "intensifying, persistent, diminishing, emerging, former, intermittent, none");
        about.put("pattern", "1 hot, 0 not, per sub-period; earlier|later");
        about.put("change", "count_later - count_earlier, as sfhotspot hotspot_change()");
        ArrayNode features = collection.putArray("features");
        for (var cell : map.cells()) {
            if (bbox != null && !(cell.longitude() >= bbox[0] && cell.latitude() >= bbox[1]
                    && cell.longitude() <= bbox[2] && cell.latitude() <= bbox[3])) {
                continue;
            }
            ObjectNode feature = features.addObject().put("type", "Feature");
            feature.put("id", cell.column() + "-" + cell.row());
            var ring = feature.putObject("geometry").put("type", "Polygon").putArray("coordinates").addArray();
            for (var corner : cell.corners()) {
                ring.addArray().add(round(corner[0])).add(round(corner[1]));
            }
            feature.putObject("properties").put("column", cell.column()).put("row", cell.row())
                    .put("count_earlier", cell.earlierCount()).put("count_later", cell.laterCount())
                    .put("change", cell.change()).put("hot_earlier", cell.earlierHotPeriods())
                    .put("hot_later", cell.laterHotPeriods()).put("pattern", cell.pattern())
                    .put("class", cell.changeClass().code());
        }
        return JSON.writeValueAsString(collection);
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e7) / 1e7;
    }
}

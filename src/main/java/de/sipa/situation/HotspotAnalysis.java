package de.sipa.situation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import de.sipa.partners.District;
import de.sipa.partners.Partnerships;
import de.sipa.reports.Categories;
import de.sipa.reports.CategoryId;
import de.sipa.reports.ReportLocations;
import de.sipa.shared.RuleViolationException;

/**
 * Hotspots from the reports: a grid of square cells over the partnership's districts, the reports counted per
 * cell, Getis-Ord Gi* with its p-values corrected for the many cells, and a kernel density for the heat map.
 * For the coordination and the police (see {@link HotspotPermissions}).
 */
@Service
public class HotspotAnalysis {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private final Partnerships partnerships;
    private final Categories categories;
    private final ReportLocations locations;

    HotspotAnalysis(Partnerships partnerships, Categories categories, ReportLocations locations) {
        this.partnerships = partnerships;
        this.categories = categories;
        this.locations = locations;
    }

    @PreAuthorize(HotspotPermissions.ANALYSE)
    public HotspotMap analyse(HotspotQuery query) {
        check(query);
        var area = new ArrayList<Geometry>();
        for (District district : partnerships.districts()) {
            if (district.hasBoundary()) {
                area.add(geometry(district.boundary()));
            }
        }
        var wanted = new HashSet<>(query.categories());
        var categoryIds = new ArrayList<CategoryId>();
        categories.all().stream().filter(c -> wanted.contains(c.code())).forEach(c -> categoryIds.add(c.id()));
        if (categoryIds.size() < wanted.size()) {
            throw new RuleViolationException("hotspots.category.unknown");
        }
        if (area.isEmpty()) {
            return new HotspotMap(query, null, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, List.of());
        }
        HotspotGrid grid;
        try {
            grid = HotspotGrid.over(area, query.cellSize());
        } catch (HotspotGrid.TooManyCells e) {
            throw new RuleViolationException("hotspots.cell.tooMany", e.cells(), query.cellSize());
        }
        var points = new Points(grid.projection());
        locations.forEach(query.from(), query.to(), categoryIds, query.source().sources(), points::add);
        return analyse(grid, points.x, points.y, points.count, query);
    }

    /** The analysis of projected points on a grid, without the database (also for tests and the benchmark). */
    static HotspotMap analyse(HotspotGrid grid, double[] x, double[] y, int count, HotspotQuery query) {
        var counts = new double[grid.size()];
        int outside = 0;
        for (int k = 0; k < count; k++) {
            int index = grid.indexOf(x[k], y[k]);
            if (index >= 0) {
                counts[index]++;
            } else {
                outside++;
            }
        }
        var gi = GetisOrd.giStar(grid, counts);
        double defaultBandwidth = KdeSurface.defaultBandwidth(x, y, count, grid.cellSize());
        double bandwidth = query.bandwidth() == null ? defaultBandwidth : query.bandwidth();
        var density = KdeSurface.evaluate(grid, x, y, count, bandwidth);
        var projection = grid.projection();
        var cells = new ArrayList<HotspotCell>(grid.size());
        var latLon = new double[2];
        double size = grid.cellSize();
        for (int i = 0; i < grid.size(); i++) {
            int position = grid.position(i);
            int column = position % grid.columns();
            int row = position / grid.columns();
            double west = grid.originX() + column * size;
            double south = grid.originY() + row * size;
            double[][] corners = new double[5][];
            double[][] metres = {{west, south}, {west + size, south}, {west + size, south + size},
                {west, south + size}};
            for (int c = 0; c < 4; c++) {
                projection.inverse(metres[c][0], metres[c][1], latLon);
                corners[c] = new double[] {latLon[1], latLon[0]};
            }
            corners[4] = corners[0];
            cells.add(new HotspotCell(column, row, (int) counts[i], gi.z()[i], gi.p()[i], gi.pFdr()[i],
                    gi.classOf(i), density[position] * 1e6, corners));
        }
        projection.inverse(grid.originX(), grid.originY(), latLon);
        return new HotspotMap(query, projection.description(), projection.epsg(), grid.originX(), grid.originY(),
                latLon[0], latLon[1], grid.columns(), grid.rows(), bandwidth, defaultBandwidth, count, outside,
                List.copyOf(cells));
    }

    private static void check(HotspotQuery query) {
        if (query.from() == null || query.to() == null || query.to().isBefore(query.from())
                || query.from().plusDays(HotspotQuery.MAX_DAYS).isBefore(query.to())) {
            throw new RuleViolationException("hotspots.period.invalid", HotspotQuery.MAX_DAYS);
        }
        if (query.cellSize() < HotspotQuery.MIN_CELL_SIZE || query.cellSize() > HotspotQuery.MAX_CELL_SIZE) {
            throw new RuleViolationException("hotspots.cell.invalid", HotspotQuery.MIN_CELL_SIZE,
                    HotspotQuery.MAX_CELL_SIZE);
        }
        if (query.bandwidth() != null && !(query.bandwidth() >= KdeSurface.MIN_BANDWIDTH
                && query.bandwidth() <= KdeSurface.MAX_BANDWIDTH)) {
            throw new RuleViolationException("hotspots.bandwidth.invalid", (int) KdeSurface.MIN_BANDWIDTH,
                    (int) KdeSurface.MAX_BANDWIDTH);
        }
    }

    /** A district's boundary (GeoJSON Polygon or MultiPolygon, checked when it was drawn) as a JTS geometry. */
    static Geometry geometry(String geoJson) {
        JsonNode node = JSON.readTree(geoJson);
        if ("MultiPolygon".equals(node.get("type").asString())) {
            var polygons = new ArrayList<Polygon>();
            node.get("coordinates").forEach(polygon -> polygons.add(polygon(polygon)));
            return GEOMETRY.createMultiPolygon(polygons.toArray(Polygon[]::new));
        }
        return polygon(node.get("coordinates"));
    }

    private static Polygon polygon(JsonNode rings) {
        var linear = new ArrayList<LinearRing>();
        for (JsonNode ring : rings) {
            var coordinates = new Coordinate[ring.size()];
            for (int i = 0; i < ring.size(); i++) {
                coordinates[i] = new Coordinate(ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble());
            }
            linear.add(GEOMETRY.createLinearRing(coordinates));
        }
        return GEOMETRY.createPolygon(linear.get(0), linear.subList(1, linear.size()).toArray(LinearRing[]::new));
    }

    /** Projected points in growing primitive arrays. */
    private static final class Points {

        private final GridProjection projection;
        private final double[] xy = new double[2];
        double[] x = new double[1024];
        double[] y = new double[1024];
        int count;

        Points(GridProjection projection) {
            this.projection = projection;
        }

        void add(double latitude, double longitude) {
            if (count == x.length) {
                x = Arrays.copyOf(x, count * 2);
                y = Arrays.copyOf(y, count * 2);
            }
            projection.forward(latitude, longitude, xy);
            x[count] = xy[0];
            y[count] = xy[1];
            count++;
        }
    }
}

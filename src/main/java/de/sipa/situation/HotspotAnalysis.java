package de.sipa.situation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import de.sipa.identity.CurrentUser;
import de.sipa.partners.District;
import de.sipa.partners.Partnerships;
import de.sipa.reports.Categories;
import de.sipa.reports.CategoryId;
import de.sipa.reports.ReportLocations;
import de.sipa.shared.RuleViolationException;
import de.sipa.shared.UtmProjection;

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
    private final IncidentRepository incidents;

    HotspotAnalysis(Partnerships partnerships, Categories categories, ReportLocations locations,
            IncidentRepository incidents) {
        this.partnerships = partnerships;
        this.categories = categories;
        this.locations = locations;
        this.incidents = incidents;
    }

    @PreAuthorize(HotspotPermissions.ANALYSE)
    public HotspotMap analyse(HotspotQuery query) {
        return analyseUnchecked(query);
    }

    /**
     * The analysis without asking who wants it: for the annual report, whose situation chapter names the year's
     * hotspots by district (never their place) and which the coordination publishes (the steering group reads its
     * draft).
     */
    HotspotMap analyseUnchecked(HotspotQuery query) {
        check(query);
        var area = area();
        var categoryIds = categoryIds(query.categories());
        if (area.isEmpty()) {
            return new HotspotMap(query, null, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, List.of());
        }
        var grid = grid(area, query.cellSize());
        var points = new Points(grid.projection());
        points(query.from(), query.to(), categoryIds, query.source(), query.offence(), points::add);
        return analyse(grid, points.x, points.y, points.count, query);
    }

    /**
     * The hotspot change between two periods: Gi* per sub-period of each period, every cell classified by when it
     * was hot ({@link HotspotChangeRule}, after sfhotspot's {@code hotspot_classify()}), with its counts in both
     * periods (as sfhotspot's {@code hotspot_change()}).
     */
    @PreAuthorize(HotspotPermissions.ANALYSE)
    public HotspotChangeMap change(HotspotChangeQuery query) {
        check(query);
        var area = area();
        var categoryIds = categoryIds(query.categories());
        if (area.isEmpty()) {
            return new HotspotChangeMap(query, null, null, 0, 0, 0, 0, 0, 0, 0, List.of());
        }
        var grid = grid(area, query.cellSize());
        var projection = grid.projection();
        var xy = new double[2];
        int[] outside = {0};
        var counted = new ArrayList<double[]>();
        var periods = new ArrayList<>(HotspotChangeQuery.split(query.earlierFrom(), query.earlierTo(),
                query.splits()));
        periods.addAll(HotspotChangeQuery.split(query.laterFrom(), query.laterTo(), query.splits()));
        for (LocalDate[] period : periods) {
            var counts = new double[grid.size()];
            points(period[0], period[1], categoryIds, query.source(), null, (latitude, longitude) -> {
                projection.forward(latitude, longitude, xy);
                int index = grid.indexOf(xy[0], xy[1]);
                if (index >= 0) {
                    counts[index]++;
                } else {
                    outside[0]++;
                }
            });
            counted.add(counts);
        }
        return change(grid, counted.subList(0, query.splits()), counted.subList(query.splits(), counted.size()),
                outside[0], query);
    }

    /**
     * The comparison from counts per analysed cell and sub-period, without the database (also for tests).
     *
     * @param outside reports that lay in no analysed cell, for the summary
     */
    static HotspotChangeMap change(HotspotGrid grid, List<double[]> earlier, List<double[]> later, int outside,
            HotspotChangeQuery query) {
        int n = grid.size();
        var earlierHot = new boolean[n][earlier.size()];
        var laterHot = new boolean[n][later.size()];
        var earlierCount = new int[n];
        var laterCount = new int[n];
        hot(grid, earlier, earlierHot, earlierCount);
        hot(grid, later, laterHot, laterCount);
        var cells = new ArrayList<HotspotChangeCell>(n);
        for (int i = 0; i < n; i++) {
            int position = grid.position(i);
            var changeClass = HotspotChangeRule.classify(earlierHot[i], laterHot[i], earlierCount[i],
                    query.earlierDays(), laterCount[i], query.laterDays());
            cells.add(new HotspotChangeCell(position % grid.columns(), position / grid.columns(), earlierCount[i],
                    laterCount[i], earlierHot[i], laterHot[i], changeClass, corners(grid, i)));
        }
        return new HotspotChangeMap(query, grid.projection().description(), grid.projection().epsg(),
                grid.originX(), grid.originY(), grid.columns(), grid.rows(), IntStream.of(earlierCount).sum(),
                IntStream.of(laterCount).sum(), outside, List.copyOf(cells));
    }

    /** Gi* per sub-period: hot where z &gt; 0 and p_fdr &lt; 0.05; the counts summed over the sub-periods. */
    private static void hot(HotspotGrid grid, List<double[]> periods, boolean[][] hot, int[] total) {
        for (int k = 0; k < periods.size(); k++) {
            var counts = periods.get(k);
            var gi = GetisOrd.giStar(grid, counts);
            for (int i = 0; i < grid.size(); i++) {
                hot[i][k] = gi.z()[i] > 0 && gi.pFdr()[i] < HotspotChangeRule.CRITICAL_P;
                total[i] += (int) counts[i];
            }
        }
    }

    /** The places of the reports of the period, or of the police's incidents (of one offence group or all). */
    private void points(LocalDate from, LocalDate to, List<CategoryId> categoryIds, HotspotSource source,
            String offence, ReportLocations.Sink sink) {
        if (source.incidents()) {
            incidents.forEach(CurrentUser.partnership(), from, to, offence, sink);
        } else {
            locations.forEach(from, to, categoryIds, source.sources(), sink);
        }
    }

    private List<Geometry> area() {
        var area = new ArrayList<Geometry>();
        for (District district : partnerships.districts()) {
            if (district.hasBoundary()) {
                area.add(geometry(district.boundary()));
            }
        }
        return area;
    }

    private List<CategoryId> categoryIds(List<String> codes) {
        var wanted = new HashSet<>(codes);
        var categoryIds = new ArrayList<CategoryId>();
        categories.all().stream().filter(c -> wanted.contains(c.code())).forEach(c -> categoryIds.add(c.id()));
        if (categoryIds.size() < wanted.size()) {
            throw new RuleViolationException("hotspots.category.unknown");
        }
        return categoryIds;
    }

    private static HotspotGrid grid(List<Geometry> area, int cellSize) {
        try {
            return HotspotGrid.over(area, cellSize);
        } catch (HotspotGrid.TooManyCells e) {
            throw new RuleViolationException("hotspots.cell.tooMany", e.cells(), cellSize);
        }
    }

    /** The analysed cell's corners in WGS84 (longitude, latitude), counter-clockwise from the south-west, closed. */
    static double[][] corners(HotspotGrid grid, int index) {
        int position = grid.position(index);
        double size = grid.cellSize();
        double west = grid.originX() + (position % grid.columns()) * size;
        double south = grid.originY() + (position / grid.columns()) * size;
        double[][] metres = {{west, south}, {west + size, south}, {west + size, south + size}, {west, south + size}};
        var latLon = new double[2];
        double[][] corners = new double[5][];
        for (int c = 0; c < 4; c++) {
            grid.projection().inverse(metres[c][0], metres[c][1], latLon);
            corners[c] = new double[] {latLon[1], latLon[0]};
        }
        corners[4] = corners[0];
        return corners;
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
        for (int i = 0; i < grid.size(); i++) {
            int position = grid.position(i);
            cells.add(new HotspotCell(position % grid.columns(), position / grid.columns(), (int) counts[i],
                    gi.z()[i], gi.p()[i], gi.pFdr()[i], gi.classOf(i), density[position] * 1e6, corners(grid, i)));
        }
        projection.inverse(grid.originX(), grid.originY(), latLon);
        return new HotspotMap(query, projection.description(), projection.epsg(), grid.originX(), grid.originY(),
                latLon[0], latLon[1], grid.columns(), grid.rows(), bandwidth, defaultBandwidth, count, outside,
                List.copyOf(cells));
    }

    private static void check(HotspotChangeQuery query) {
        for (var period : List.of(new LocalDate[] {query.earlierFrom(), query.earlierTo()},
                new LocalDate[] {query.laterFrom(), query.laterTo()})) {
            if (period[0] == null || period[1] == null || period[1].isBefore(period[0])
                    || period[0].plusDays(HotspotQuery.MAX_DAYS).isBefore(period[1])) {
                throw new RuleViolationException("hotspots.period.invalid", HotspotQuery.MAX_DAYS);
            }
        }
        if (!query.earlierTo().isBefore(query.laterFrom())) {
            throw new RuleViolationException("hotspots.change.order");
        }
        if (query.splits() < 1 || query.splits() > HotspotChangeQuery.MAX_SPLITS
                || query.earlierDays() < query.splits() || query.laterDays() < query.splits()) {
            throw new RuleViolationException("hotspots.change.splits.invalid", HotspotChangeQuery.MAX_SPLITS);
        }
        checkCellSize(query.cellSize());
    }

    private static void checkCellSize(int cellSize) {
        if (cellSize < HotspotQuery.MIN_CELL_SIZE || cellSize > HotspotQuery.MAX_CELL_SIZE) {
            throw new RuleViolationException("hotspots.cell.invalid", HotspotQuery.MIN_CELL_SIZE,
                    HotspotQuery.MAX_CELL_SIZE);
        }
    }

    private static void check(HotspotQuery query) {
        if (query.from() == null || query.to() == null || query.to().isBefore(query.from())
                || query.from().plusDays(HotspotQuery.MAX_DAYS).isBefore(query.to())) {
            throw new RuleViolationException("hotspots.period.invalid", HotspotQuery.MAX_DAYS);
        }
        checkCellSize(query.cellSize());
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

        private final UtmProjection projection;
        private final double[] xy = new double[2];
        double[] x = new double[1024];
        double[] y = new double[1024];
        int count;

        Points(UtmProjection projection) {
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

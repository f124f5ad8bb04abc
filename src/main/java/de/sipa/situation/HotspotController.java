package de.sipa.situation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import de.sipa.places.Place;
import de.sipa.places.Places;
import de.sipa.reports.Categories;
import de.sipa.shared.RuleViolationException;

/** The hotspot page of the situation picture and its GeoJSON at a stable URL with the page's filters. */
@Controller
@RequestMapping("/lagebild")
class HotspotController {

    private final HotspotAnalysis analysis;
    private final Categories categories;
    private final PoliceIncidents incidents;
    private final Places places;
    private final MessageSource messages;
    private final Clock clock;

    HotspotController(HotspotAnalysis analysis, Categories categories, PoliceIncidents incidents, Places places,
            MessageSource messages, Clock clock) {
        this.analysis = analysis;
        this.categories = categories;
        this.incidents = incidents;
        this.places = places;
        this.messages = messages;
        this.clock = clock;
    }

    /** The map, the legend and the hot spots as a table; by default the last twelve months, all categories. */
    @GetMapping("/hotspots")
    String page(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) List<String> category,
            @RequestParam(required = false) HotspotSource source, @RequestParam(required = false) Integer cell,
            @RequestParam(required = false) Double bandwidth, @RequestParam(required = false) String offence,
            Model model, HttpServletResponse response) {
        var query = query(from, to, category, source, cell, bandwidth, offence);
        model.addAttribute("query", query);
        model.addAttribute("categories", categories.all());
        model.addAttribute("offenceGroups", incidents.groups());
        model.addAttribute("sources", HotspotSource.values());
        model.addAttribute("giClasses", Arrays.stream(GiClass.values()).filter(c -> c != GiClass.NONE).toList());
        model.addAttribute("cellSizes", List.of(50, 100, 150, 200, 250, 500));
        try {
            var map = analysis.analyse(query);
            model.addAttribute("map", map);
            model.addAttribute("geojsonUrl", url("/lagebild/hotspots.geojson", query));
            var covering = coveringPlaces(map.hotCells());
            model.addAttribute("coveringPlaces", covering);
            var outlines = new LinkedHashMap<HotspotCell, String>();
            map.hotCells().stream().filter(c -> !covering.containsKey(c)).forEach(c -> outlines.put(c, outline(c)));
            model.addAttribute("cellOutlines", outlines);
        } catch (RuleViolationException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problem", e.describe(messages));
        }
        return "situation/hotspots";
    }

    /** For each hot cell the place whose area holds its centre, if one does: such a cell is looked after already. */
    private Map<HotspotCell, Place> coveringPlaces(List<HotspotCell> cells) {
        var covering = new LinkedHashMap<HotspotCell, Place>();
        if (cells.isEmpty()) {
            return covering;
        }
        double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (var cell : cells) {
            box[0] = Math.min(box[0], cell.longitude());
            box[1] = Math.min(box[1], cell.latitude());
            box[2] = Math.max(box[2], cell.longitude());
            box[3] = Math.max(box[3], cell.latitude());
        }
        var candidates = places.within(box);
        for (var cell : cells) {
            candidates.stream().filter(p -> p.shape().area().contains(cell.latitude(), cell.longitude())).findFirst()
                    .ifPresent(p -> covering.put(cell, p));
        }
        return covering;
    }

    /** A hot cell's square as a GeoJSON polygon, to start a place with it. */
    static String outline(HotspotCell cell) {
        var json = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[");
        for (int i = 0; i < cell.corners().length; i++) {
            json.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "[%.6f,%.6f]", cell.corners()[i][0],
                    cell.corners()[i][1]));
        }
        return json.append("]]}").toString();
    }

    /**
     * Every analysed cell as a GeoJSON polygon; {@code bbox=west,south,east,north} limits the features to a map's
     * viewport (the analysis still covers the whole area); {@code source=INCIDENTS} counts the police's incidents,
     * {@code offence} those of one offence group.
     */
    @GetMapping(path = "/hotspots.geojson", produces = "application/geo+json")
    ResponseEntity<String> geojson(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) List<String> category,
            @RequestParam(required = false) HotspotSource source, @RequestParam(required = false) Integer cell,
            @RequestParam(required = false) Double bandwidth, @RequestParam(required = false) String offence,
            @RequestParam(required = false) List<Double> bbox) {
        if (bbox != null && bbox.size() != 4) {
            throw new RuleViolationException("hotspots.bbox.invalid");
        }
        var query = query(from, to, category, source, cell, bandwidth, offence);
        var body = HotspotGeoJson.of(analysis.analyse(query),
                bbox == null ? null : bbox.stream().mapToDouble(Double::doubleValue).toArray());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"hotspots-" + query.from() + "-"
                        + query.to() + "-" + query.cellSize() + "m.geojson\"")
                .body(body);
    }

    /** Two periods compared: the change classes on the map, with a legend, and the cells with a pattern. */
    @GetMapping("/hotspots/veraenderung")
    String change(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate earlierFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate earlierTo,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate laterFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate laterTo,
            @RequestParam(required = false) List<String> category,
            @RequestParam(required = false) HotspotSource source, @RequestParam(required = false) Integer cell,
            @RequestParam(required = false) Integer splits, Model model, HttpServletResponse response) {
        var query = changeQuery(earlierFrom, earlierTo, laterFrom, laterTo, category, source, cell, splits);
        model.addAttribute("query", query);
        model.addAttribute("categories", categories.all());
        model.addAttribute("sources", HotspotSource.values());
        model.addAttribute("changeClasses", Arrays.stream(HotspotChangeClass.values())
                .filter(c -> c != HotspotChangeClass.NONE).toList());
        model.addAttribute("cellSizes", List.of(50, 100, 150, 200, 250, 500));
        model.addAttribute("maxSplits", HotspotChangeQuery.MAX_SPLITS);
        model.addAttribute("listLimit", HotspotChangeMap.LIST_LIMIT);
        try {
            var map = analysis.change(query);
            model.addAttribute("map", map);
            model.addAttribute("geojsonUrl", url("/lagebild/hotspots/veraenderung.geojson", query));
        } catch (RuleViolationException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problem", e.describe(messages));
        }
        return "situation/hotspot-change";
    }

    /** Every analysed cell with its change class as a GeoJSON polygon; {@code bbox} as for the hotspots. */
    @GetMapping(path = "/hotspots/veraenderung.geojson", produces = "application/geo+json")
    ResponseEntity<String> changeGeojson(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate earlierFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate earlierTo,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate laterFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate laterTo,
            @RequestParam(required = false) List<String> category,
            @RequestParam(required = false) HotspotSource source, @RequestParam(required = false) Integer cell,
            @RequestParam(required = false) Integer splits, @RequestParam(required = false) List<Double> bbox) {
        if (bbox != null && bbox.size() != 4) {
            throw new RuleViolationException("hotspots.bbox.invalid");
        }
        var query = changeQuery(earlierFrom, earlierTo, laterFrom, laterTo, category, source, cell, splits);
        var body = HotspotChangeGeoJson.of(analysis.change(query),
                bbox == null ? null : bbox.stream().mapToDouble(Double::doubleValue).toArray());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"hotspot-change-"
                        + query.earlierFrom() + "-" + query.laterTo() + "-" + query.cellSize() + "m.geojson\"")
                .body(body);
    }

    /** By default the last six months against the six months before, four sub-periods each. */
    private HotspotChangeQuery changeQuery(LocalDate earlierFrom, LocalDate earlierTo, LocalDate laterFrom,
            LocalDate laterTo, List<String> category, HotspotSource source, Integer cell, Integer splits) {
        var lateEnd = laterTo == null ? LocalDate.now(clock) : laterTo;
        var lateStart = laterFrom == null ? lateEnd.minusMonths(6).plusDays(1) : laterFrom;
        var earlyEnd = earlierTo == null ? lateStart.minusDays(1) : earlierTo;
        var earlyStart = earlierFrom == null ? earlyEnd.minusMonths(6).plusDays(1) : earlierFrom;
        return new HotspotChangeQuery(earlyStart, earlyEnd, lateStart, lateEnd, category, source,
                cell == null ? HotspotQuery.DEFAULT_CELL_SIZE : cell,
                splits == null ? HotspotChangeQuery.DEFAULT_SPLITS : splits);
    }

    /** The comparison's URL with its filters as parameters, the same for the page and the download. */
    static String url(String path, HotspotChangeQuery query) {
        var builder = UriComponentsBuilder.fromPath(path).queryParam("earlierFrom", query.earlierFrom())
                .queryParam("earlierTo", query.earlierTo()).queryParam("laterFrom", query.laterFrom())
                .queryParam("laterTo", query.laterTo());
        query.categories().forEach(c -> builder.queryParam("category", c));
        if (query.source() != HotspotSource.ALL) {
            builder.queryParam("source", query.source());
        }
        builder.queryParam("cell", query.cellSize()).queryParam("splits", query.splits());
        return builder.encode().build().toUriString();
    }

    private HotspotQuery query(LocalDate from, LocalDate to, List<String> category, HotspotSource source,
            Integer cell, Double bandwidth, String offence) {
        var end = to == null ? LocalDate.now(clock) : to;
        var start = from == null ? end.minusYears(1).plusDays(1) : from;
        return new HotspotQuery(start, end, category, source, cell == null ? HotspotQuery.DEFAULT_CELL_SIZE : cell,
                bandwidth, offence);
    }

    /** The URL with the query's filters as parameters, the same for the page and the download. */
    static String url(String path, HotspotQuery query) {
        var builder = UriComponentsBuilder.fromPath(path).queryParam("from", query.from())
                .queryParam("to", query.to());
        query.categories().forEach(c -> builder.queryParam("category", c));
        if (query.source() != HotspotSource.ALL) {
            builder.queryParam("source", query.source());
        }
        if (query.offence() != null) {
            builder.queryParam("offence", query.offence());
        }
        builder.queryParam("cell", query.cellSize());
        if (query.bandwidth() != null) {
            double h = query.bandwidth();
            builder.queryParam("bandwidth", h == Math.rint(h) ? String.valueOf((long) h) : String.valueOf(h));
        }
        return builder.encode().build().toUriString();
    }
}

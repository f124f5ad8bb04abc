package de.sipa.partners;

import java.time.Duration;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import de.sipa.shared.NotFoundException;

/**
 * The partnership's district boundaries as a GeoJSON FeatureCollection (property {@code name}), which every map
 * draws as outlines and starts on. Public for the citizen pages: a city's district boundaries are public anyway.
 */
@RestController
class DistrictOutlinesController {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final CacheControl FOR_A_WHILE = CacheControl.maxAge(Duration.ofMinutes(5));

    private final Partnerships partnerships;

    DistrictOutlinesController(Partnerships partnerships) {
        this.partnerships = partnerships;
    }

    @GetMapping(path = "/buerger/{slug}/bezirke.json", produces = "application/geo+json")
    ResponseEntity<String> ofPartnership(@PathVariable String slug) {
        var partnership = partnerships.bySlug(slug).orElseThrow(() -> new NotFoundException("Partnership", slug));
        return outlines(partnerships.districtsOf(partnership.id()));
    }

    @GetMapping(path = "/districts/outlines.json", produces = "application/geo+json")
    ResponseEntity<String> mine() {
        return outlines(partnerships.districts());
    }

    private static ResponseEntity<String> outlines(List<District> districts) {
        var collection = JSON.createObjectNode().put("type", "FeatureCollection");
        var features = collection.putArray("features");
        for (var district : districts) {
            if (district.hasBoundary()) {
                ObjectNode feature = features.addObject().put("type", "Feature");
                feature.putObject("properties").put("name", district.name());
                feature.set("geometry", JSON.readTree(district.boundary()));
            }
        }
        return ResponseEntity.ok().cacheControl(FOR_A_WHILE).body(JSON.writeValueAsString(collection));
    }
}

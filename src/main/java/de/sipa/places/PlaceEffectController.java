package de.sipa.places;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tools.jackson.databind.json.JsonMapper;

import de.sipa.shared.FlashSteps;

/** A place's tab "Wirkung": did the measures work, as a page and as JSON at a stable URL. */
@Controller
@PreAuthorize(PlacePermissions.READ)
class PlaceEffectController {

    static final List<Integer> WINDOW_CHOICES = List.of(3, 6, 9, 12, 18, 24);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Places places;
    private final PlaceEffects effects;
    private final MessageSource messages;

    PlaceEffectController(Places places, PlaceEffects effects, MessageSource messages) {
        this.places = places;
        this.effects = effects;
        this.messages = messages;
    }

    @GetMapping("/orte/{id}/wirkung")
    String page(@PathVariable("id") UUID value, Model model, Locale locale) {
        var id = new PlaceId(value);
        var place = places.place(id);
        var effect = effects.evaluate(id);
        model.addAttribute("place", place);
        model.addAttribute("effect", effect);
        model.addAttribute("settings", effect.settings());
        model.addAttribute("sentence", sentence(effect, locale));
        model.addAttribute("chart", PlaceEffectChart.of(effect));
        model.addAttribute("windowChoices", WINDOW_CHOICES);
        model.addAttribute("context", context(place, effect));
        return "places/effect";
    }

    @PostMapping("/orte/{id}/wirkung")
    @PreAuthorize(PlacePermissions.EDIT)
    String change(@PathVariable("id") UUID value,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate start,
            @RequestParam(defaultValue = "12") int windowMonths, @RequestParam(defaultValue = "200") int bufferMetres,
            @RequestParam(required = false) String comparisonArea, RedirectAttributes redirect) {
        var id = new PlaceId(value);
        FlashSteps.run(redirect, messages, "place.effect.saved", () -> effects.change(id,
                new PlaceEffectSettings(start, windowMonths, bufferMetres, comparisonArea)),
                FlashSteps.typed("start", start, "windowMonths", windowMonths, "bufferMetres", bufferMetres,
                        "comparisonArea", comparisonArea));
        return "redirect:/orte/" + id + "/wirkung";
    }

    /** The evaluation as JSON: parameters, windows, counts per window and area, the effect estimate and the WDQ. */
    @GetMapping(path = "/orte/{id}/wirkung.json", produces = "application/json")
    @ResponseBody
    Map<String, Object> json(@PathVariable("id") UUID value, Locale locale) {
        var id = new PlaceId(value);
        var place = places.place(id);
        var effect = effects.evaluate(id);
        var settings = effect.settings();
        var json = new LinkedHashMap<String, Object>();
        json.put("place", ordered("id", place.id().toString(), "name", place.name()));
        json.put("parameters", ordered("start", settings.start().toString(), "windowMonths", settings.windowMonths(),
                "bufferMetres", settings.bufferMetres(), "comparisonArea",
                settings.comparisonArea() == null ? null : JSON.readTree(settings.comparisonArea())));
        json.put("windows", ordered(
                "before", ordered("from", effect.beforeFrom().toString(), "to", effect.beforeTo().toString()),
                "after", ordered("from", effect.afterFrom().toString(), "to", effect.afterTo().toString())));
        json.put("counts", ordered("place", counts(effect.place()), "buffer", counts(effect.buffer()),
                "comparison", effect.comparison() == null ? null : counts(effect.comparison())));
        json.put("enoughCases", effect.enoughCases());
        json.put("minimumCases", PlaceEffect.MIN_CASES);
        var difference = effect.difference();
        json.put("effect", difference == null ? null : ordered("placeChange", difference.placeChange(),
                "comparisonChange", difference.comparisonChange(), "differenceInDifferences", difference.difference(),
                "ratioOfRatios", difference.ratio(), "relativeEffect", difference.relativeEffect()));
        var wdq = effect.displacement();
        json.put("displacement", wdq == null ? null : ordered("wdq", wdq.value(), "reading", wdq.reading().name(),
                "successMeasure", wdq.successMeasure(), "displacementMeasure", wdq.displacementMeasure(),
                "totalNetEffect", wdq.totalNetEffect()));
        var ratings = effect.ratings();
        json.put("ratings", ordered("minimumRatings", RatingComparison.MIN_RATINGS,
                "before", ratings(ratings.beforeFrom(), ratings.beforeTo(), ratings.before()),
                "after", ratings(ratings.afterFrom(), ratings.afterTo(), ratings.after()),
                "change", ratings.change()));
        json.put("caveats", effect.caveats().stream().map(Enum::name).toList());
        json.put("sentence", sentence(effect, locale));
        return json;
    }

    private String sentence(PlaceEffect effect, Locale locale) {
        return effect.sentence().stream().map(part -> messages.getMessage(part, locale))
                .collect(Collectors.joining(" "));
    }

    /** The place and its buffer ring as GeoJSON, drawn under the comparison area on the map. */
    private static String context(Place place, PlaceEffect effect) {
        var writer = new GeoJsonWriter();
        writer.setEncodeCRS(false);
        var area = place.shape().area();
        return "{\"type\":\"FeatureCollection\",\"features\":["
                + "{\"type\":\"Feature\",\"properties\":{\"role\":\"place\"},\"geometry\":"
                + writer.write(area.outline()) + "},"
                + "{\"type\":\"Feature\",\"properties\":{\"role\":\"buffer\"},\"geometry\":"
                + writer.write(area.around(effect.settings().bufferMetres()).outline()) + "}]}";
    }

    /** A window of ratings: its whole months, and count and mean unless withheld (then both {@code null}). */
    private static Map<String, Object> ratings(YearMonth from, YearMonth to, RatingComparison.Window window) {
        return ordered("fromMonth", from.toString(), "toMonth", to.toString(), "count", window.count(), "mean",
                window.mean(), "withheld", window.withheld());
    }

    private static Map<String, Object> counts(AreaCounts counts) {
        return ordered("before", counts.before(), "after", counts.after());
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}

package de.sipa.places;

import java.util.UUID;

import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** A place's time line, filterable by kind and paged, made to be read on a phone. */
@Controller
class PlaceTimelineController {

    static final int PAGE_SIZE = 30;

    private final PlaceTimeline timeline;
    private final Places places;

    PlaceTimelineController(PlaceTimeline timeline, Places places) {
        this.timeline = timeline;
        this.places = places;
    }

    @GetMapping("/orte/{id}/zeitleiste")
    String timeline(@PathVariable UUID id, @RequestParam(name = "art", required = false) TimelineKind kind,
            @RequestParam(defaultValue = "0") int page, Model model) {
        var place = places.place(new PlaceId(id));
        var all = timeline.entries(place.id());
        var shown = kind == null ? all : all.stream().filter(e -> e.kind() == kind).toList();
        int number = Math.max(0, Math.min(page, Math.max(0, (shown.size() - 1) / PAGE_SIZE)));
        int from = number * PAGE_SIZE;
        model.addAttribute("place", place);
        model.addAttribute("kind", kind);
        model.addAttribute("counts", PlaceTimeline.counts(all));
        model.addAttribute("total", all.size());
        model.addAttribute("entries", new PageImpl<>(shown.subList(from, Math.min(shown.size(), from + PAGE_SIZE)),
                PageRequest.of(number, PAGE_SIZE), shown.size()));
        return "places/timeline";
    }
}

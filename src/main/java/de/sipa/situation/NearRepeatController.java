package de.sipa.situation;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import de.sipa.shared.RuleViolationException;

/** The near-repeat page of the situation picture: a Knox table for one category. */
@Controller
@RequestMapping("/lagebild")
class NearRepeatController {

    private final NearRepeatAnalysis analysis;
    private final MessageSource messages;
    private final Clock clock;

    NearRepeatController(NearRepeatAnalysis analysis, MessageSource messages, Clock clock) {
        this.analysis = analysis;
        this.messages = messages;
        this.clock = clock;
    }

    /** By default the last twelve months; without a category only the form. */
    @GetMapping("/nahwiederholungen")
    String page(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String category, @RequestParam(required = false) HotspotSource source,
            @RequestParam(required = false) Integer distance, @RequestParam(required = false) Integer distanceBands,
            @RequestParam(required = false) Integer days, @RequestParam(required = false) Integer dayBands,
            Model model, HttpServletResponse response) {
        var end = to == null ? LocalDate.now(clock) : to;
        var start = from == null ? end.minusYears(1).plusDays(1) : from;
        var query = new NearRepeatQuery(start, end, category, source,
                distance == null ? NearRepeatQuery.DEFAULT_DISTANCE_BAND : distance,
                distanceBands == null ? NearRepeatQuery.DEFAULT_BANDS : distanceBands,
                days == null ? NearRepeatQuery.DEFAULT_DAY_BAND : days,
                dayBands == null ? NearRepeatQuery.DEFAULT_BANDS : dayBands);
        model.addAttribute("query", query);
        model.addAttribute("categories", analysis.categories());
        model.addAttribute("sources", HotspotSource.ofReports());
        model.addAttribute("bandCounts", java.util.stream.IntStream.rangeClosed(1, NearRepeatQuery.MAX_BANDS)
                .boxed().toList());
        if (category == null) {
            return "situation/near-repeats";
        }
        try {
            model.addAttribute("table", analysis.analyse(query));
        } catch (RuleViolationException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problem", e.describe(messages));
        }
        return "situation/near-repeats";
    }
}

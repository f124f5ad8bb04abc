package de.sipa.surveys;

import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import de.sipa.partners.DistrictId;
import de.sipa.partners.Partnerships;
import de.sipa.shared.CsvDownload;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.PdfLetterhead;
import de.sipa.shared.RuleViolationException;
import de.sipa.shared.SvgImages;

/**
 * The results of the survey waves: per question, weighted and unweighted, cross tables, the free-text answers, the
 * trends over the waves, their exports, and the population structure the results are weighted to.
 */
@Controller
@RequestMapping("/umfragen")
@PreAuthorize(SurveyPermissions.READ)
class SurveyResultsController {

    /** The width in pixels of a chart's PNG: twice the SVG's, sharp in documents. */
    static final float PNG_WIDTH = 1440;

    private final Surveys surveys;
    private final SurveyResults results;
    private final SenseOfSecurity senseOfSecurity;
    private final Partnerships partnerships;
    private final MessageSource messages;
    private final ITemplateEngine templates;

    SurveyResultsController(Surveys surveys, SurveyResults results, SenseOfSecurity senseOfSecurity,
            Partnerships partnerships, MessageSource messages, ITemplateEngine templates) {
        this.templates = templates;
        this.surveys = surveys;
        this.results = results;
        this.senseOfSecurity = senseOfSecurity;
        this.partnerships = partnerships;
        this.messages = messages;
    }

    /** The waves with their number of responses, as the way into their results. */
    @GetMapping("/ergebnisse")
    String waves(Model model) {
        var waves = surveys.waves();
        var counts = new HashMap<SurveyWaveId, Integer>();
        waves.forEach(w -> counts.put(w.id(), surveys.responses(w.id())));
        model.addAttribute("waves", waves);
        model.addAttribute("counts", counts);
        model.addAttribute("mayManage", SmallCells.seesAll());
        return "surveys/results-waves";
    }

    @GetMapping("/wellen/{id}/ergebnisse")
    String results(@PathVariable UUID id, @RequestParam(name = "bezirk", required = false) UUID district,
            @RequestParam(name = "gewichtung", required = false) Weighting weighting,
            @RequestParam(name = "frage", required = false) UUID question,
            @RequestParam(name = "nach", required = false) CrossTable.Breakdown by, Locale locale, Model model) {
        var shown = weighting == null ? Weighting.NONE : weighting;
        var wave = new SurveyWaveId(id);
        var wanted = district(district);
        model.addAttribute("results", results.results(wave, wanted, shown, locale));
        model.addAttribute("weightings", Weighting.values());
        model.addAttribute("weighting", shown);
        model.addAttribute("districts", partnerships.districts());
        model.addAttribute("district", wanted);
        model.addAttribute("breakdowns", CrossTable.Breakdown.values());
        var breakdown = by == null ? CrossTable.Breakdown.AGE_BAND : by;
        model.addAttribute("breakdown", breakdown);
        model.addAttribute("question", question);
        model.addAttribute("population", results.population());
        if (question != null) {
            model.addAttribute("cross", results.crossTable(wave, new QuestionId(question), breakdown, wanted, locale));
        }
        return "surveys/results";
    }

    @GetMapping("/wellen/{id}/ergebnisse/freitext")
    String freeTexts(@PathVariable UUID id, @RequestParam(name = "bezirk", required = false) UUID district,
            @RequestParam(name = "suche", required = false) String search,
            @RequestParam(name = "seite", defaultValue = "1") int page, Locale locale, Model model) {
        var wave = new SurveyWaveId(id);
        var wanted = district(district);
        model.addAttribute("wave", surveys.wave(wave));
        model.addAttribute("texts", results.freeTexts(wave, wanted, search, page, locale));
        model.addAttribute("districts", partnerships.districts());
        model.addAttribute("district", wanted);
        model.addAttribute("search", search == null ? "" : search);
        return "surveys/free-texts";
    }

    @GetMapping("/wellen/{id}/ergebnisse.csv")
    void csv(@PathVariable UUID id, @RequestParam(name = "bezirk", required = false) UUID district,
            @RequestParam(name = "gewichtung", required = false) Weighting weighting, Locale locale,
            HttpServletResponse response) throws IOException {
        var shown = results.resultsToExport(new SurveyWaveId(id), district(district),
                weighting == null ? Weighting.NONE : weighting, locale);
        CsvDownload.send(response, "umfrage-ergebnisse.csv",
                out -> ResultsDocuments.csv(shown, messages, locale, out));
    }

    @GetMapping("/wellen/{id}/ergebnisse.pdf")
    void pdf(@PathVariable UUID id, @RequestParam(name = "bezirk", required = false) UUID district,
            @RequestParam(name = "gewichtung", required = false) Weighting weighting, Locale locale,
            HttpServletResponse response) throws IOException {
        var wanted = district(district);
        var shown = results.resultsToExport(new SurveyWaveId(id), wanted,
                weighting == null ? Weighting.NONE : weighting, locale);
        var districtName = wanted == null ? null : partnerships.district(new DistrictId(wanted)).name();
        var letterhead = partnerships.letterhead();
        PdfLetterhead.send(response, "umfrage-ergebnisse.pdf",
                out -> ResultsDocuments.pdf(shown, districtName, letterhead, messages, locale, out));
    }

    @GetMapping("/trends")
    String trends(@RequestParam(name = "frage", required = false) String key, Locale locale, Model model) {
        var keys = senseOfSecurity.comparableKeys();
        var chosen = key != null && keys.contains(key) ? key
                : keys.contains(SenseOfSecurity.INDICATOR) || keys.isEmpty() ? SenseOfSecurity.INDICATOR : keys.get(0);
        var trend = senseOfSecurity.trend(chosen);
        model.addAttribute("keys", keys);
        model.addAttribute("key", chosen);
        model.addAttribute("trend", trend);
        model.addAttribute("chart", trend.chart(messages.getMessage("surveyResults.wholeCity", null, locale)));
        return "surveys/trends";
    }

    /** The trend chart alone as an SVG file, small counts suppressed. */
    @GetMapping("/trends.svg")
    void trendSvg(@RequestParam(name = "frage", required = false) String key, Locale locale,
            HttpServletResponse response) throws IOException {
        sendSvg(trendChartSvg(key, locale), "umfrage-trend", response);
    }

    /** The same chart as a PNG image, small counts suppressed. */
    @GetMapping("/trends.png")
    void trendPng(@RequestParam(name = "frage", required = false) String key, Locale locale,
            HttpServletResponse response) throws IOException {
        sendPng(trendChartSvg(key, locale), "umfrage-trend", response);
    }

    /** One question's answers as a bar chart, an SVG file or a PNG image drawn from it; small counts suppressed. */
    @GetMapping("/wellen/{id}/ergebnisse/fragen/{question}.{format:svg|png}")
    void questionChart(@PathVariable UUID id, @PathVariable UUID question, @PathVariable String format,
            @RequestParam(name = "bezirk", required = false) UUID district,
            @RequestParam(name = "gewichtung", required = false) Weighting weighting, Locale locale,
            HttpServletResponse response) throws IOException {
        var svg = questionChartSvg(id, question, district, weighting, locale);
        if (format.equals("png")) {
            sendPng(svg, "umfrage-frage", response);
        } else {
            sendSvg(svg, "umfrage-frage", response);
        }
    }

    private static void sendSvg(String svg, String name, HttpServletResponse response) throws IOException {
        response.setContentType("image/svg+xml;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + ".svg\"");
        response.getWriter().write(svg);
    }

    /** The SVG drawn as PNG by Batik, so that both files show the same chart. */
    private static void sendPng(String svg, String name, HttpServletResponse response) throws IOException {
        var png = SvgImages.png(svg, PNG_WIDTH);
        response.setContentType("image/png");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + ".png\"");
        response.getOutputStream().write(png);
    }

    private String questionChartSvg(UUID id, UUID question, UUID district, Weighting weighting, Locale locale) {
        var wanted = district(district);
        var shown = weighting == null ? Weighting.NONE : weighting;
        var results = this.results.resultsToExport(new SurveyWaveId(id), wanted, shown, locale);
        var result = results.questions().stream().filter(q -> q.question().id().value().equals(question))
                .findFirst().orElseThrow(() -> new NotFoundException("Question", question));
        var caption = messages.getMessage("surveyResults.chart.caption", new Object[] {results.wave().title(),
                wanted == null ? messages.getMessage("surveyResults.wholeCity", null, locale)
                        : partnerships.district(new DistrictId(wanted)).name(),
                result.suppressed() ? "< 5" : result.n(),
                messages.getMessage("surveyResults.weighting." + shown, null, locale)}, locale);
        var context = new Context(locale);
        context.setVariable("chart", ShareChart.of(result, shown != Weighting.NONE, caption));
        context.setVariable("label", result.text());
        return templates.process("surveys/question-svg", context);
    }

    private String trendChartSvg(String key, Locale locale) {
        var trend = senseOfSecurity.trendToExport(key == null ? SenseOfSecurity.INDICATOR : key);
        var context = new Context(locale);
        context.setVariable("chart", trend.chart(messages.getMessage("surveyResults.wholeCity", null, locale)));
        context.setVariable("label", messages.getMessage("surveyResults.trend.chartLabel",
                new Object[] {trend.comparableKey()}, locale));
        return templates.process("surveys/trend-svg", context);
    }

    @GetMapping("/bevoelkerung")
    @PreAuthorize(SurveyPermissions.MANAGE)
    String population(Model model) {
        model.addAttribute("population", results.population());
        model.addAttribute("districts", partnerships.districts());
        model.addAttribute("ageBands", SurveyResults.AGE_BANDS);
        model.addAttribute("genders", SurveyResults.GENDERS);
        return "surveys/population";
    }

    @PostMapping("/bevoelkerung")
    @PreAuthorize(SurveyPermissions.MANAGE)
    String enterPopulation(@RequestParam MultiValueMap<String, String> params, RedirectAttributes redirect) {
        var districts = new HashMap<UUID, Long>();
        for (var district : partnerships.districts()) {
            var value = number(params.getFirst("district." + district.id().value()), district.name());
            if (value != null) {
                districts.put(district.id().value(), value);
            }
        }
        var cells = new HashMap<Population.AgeGender, Long>();
        for (var age : SurveyResults.AGE_BANDS) {
            for (var gender : SurveyResults.GENDERS) {
                var value = number(params.getFirst("cell." + age + "." + gender), age + " " + gender);
                if (value != null) {
                    cells.put(new Population.AgeGender(age, gender), value);
                }
            }
        }
        results.enterPopulation(new Population(districts, cells));
        redirect.addFlashAttribute("success", "surveyResults.population.saved");
        return "redirect:/umfragen/bevoelkerung";
    }

    private static Long number(String text, String field) {
        if (text == null) {
            return null;
        }
        var clean = text.replace(".", "").replace(" ", "").replace("\u00a0", "").strip();
        if (clean.isEmpty()) {
            return null;
        }
        if (!clean.matches("\\d{1,9}")) {
            throw new RuleViolationException("surveyResults.population.invalid", field);
        }
        return Long.parseLong(clean);
    }

    /** A district of the partnership, or null for the whole city (also for an id that is not one of its districts). */
    private UUID district(UUID district) {
        if (district == null) {
            return null;
        }
        return partnerships.districts().stream().anyMatch(d -> d.id().value().equals(district)) ? district : null;
    }
}

package de.sipa.operations;

import java.time.Clock;
import java.time.Year;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.sipa.reports.Categories;
import de.sipa.reports.Category;
import de.sipa.reports.CategoryId;
import de.sipa.shared.RuleViolationException;

@Controller
@RequestMapping("/patrols")
class PatrolReportController {

    private final PatrolReports reports;
    private final Patrols patrols;
    private final Categories categories;
    private final MessageSource messages;
    private final Clock clock;

    PatrolReportController(PatrolReports reports, Patrols patrols, Categories categories, MessageSource messages,
            Clock clock) {
        this.reports = reports;
        this.patrols = patrols;
        this.categories = categories;
        this.messages = messages;
        this.clock = clock;
    }

    /** The report page, made for the phone: the report itself, then the observations one by one. */
    @GetMapping("/{id}/report")
    String show(@PathVariable UUID id, Model model) {
        var patrol = new PatrolId(id);
        var zone = clock.getZone();
        var form = reports.report(patrol)
                .map(r -> new PatrolReportForm(r.startedAt().atZone(zone).toLocalTime(),
                        r.endedAt().atZone(zone).toLocalTime(), r.places(), r.citizenContacts(), r.incidents(),
                        r.measures()))
                .orElseGet(() -> {
                    var planned = patrols.patrol(patrol);
                    return new PatrolReportForm(planned.startsAt().atZone(zone).toLocalTime(),
                            planned.endsAt().atZone(zone).toLocalTime(), null, 0, null, null);
                });
        return page(patrol, form, model);
    }

    @PostMapping("/{id}/report")
    @PreAuthorize(OperationPermissions.STAFF)
    String file(@PathVariable UUID id, @Valid @ModelAttribute("report") PatrolReportForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        var patrol = new PatrolId(id);
        if (result.hasErrors()) {
            return page(patrol, form, model);
        }
        try {
            reports.file(patrol, form.startedAt(), form.endedAt(), form.places(), form.citizenContacts(),
                    form.incidents(), form.measures());
            redirect.addFlashAttribute("success", "patrolReport.saved");
            return "redirect:/patrols/" + id + "/report";
        } catch (RuleViolationException e) {
            result.reject(e.messageKey(), e.arguments(), null);
            return page(patrol, form, model);
        }
    }

    /**
     * Notes an observation. A refusal (a missing answer to one of the category's questions, say) is shown at the
     * observation form, with everything typed still in it.
     */
    @PostMapping("/{id}/observations")
    @PreAuthorize(OperationPermissions.STAFF)
    String observe(@PathVariable UUID id, @Valid @ModelAttribute("observation") ObservationForm form,
            BindingResult result, RedirectAttributes redirect) {
        try {
            if (result.hasErrors()) {
                throw new RuleViolationException("observation.incomplete");
            }
            reports.observe(new PatrolId(id), new CategoryId(form.categoryId()),
                    form.areaId() == null ? null : new PatrolAreaId(form.areaId()), form.place(), form.description(),
                    form.attributes());
            redirect.addFlashAttribute("success", "observation.noted");
            return "redirect:/patrols/" + id + "/report#observations";
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("observationProblem", e.describe(messages));
            redirect.addFlashAttribute("observation", form);
            return "redirect:/patrols/" + id + "/report#observation-form";
        }
    }

    /**
     * One tap: the observation goes to the central contact point, which routes it by the matrix. Answers to the
     * category's questions come along when the observation was noted without them; a refusal is shown at the
     * observation.
     */
    @PostMapping("/{id}/observations/{observation}/report")
    @PreAuthorize(OperationPermissions.STAFF)
    String toReport(@PathVariable UUID id, @PathVariable UUID observation, @ModelAttribute Answers answers,
            RedirectAttributes redirect) {
        try {
            reports.toReport(new PatrolId(id), observation, answers.attributes());
            redirect.addFlashAttribute("success", "observation.reported");
            return "redirect:/patrols/" + id + "/report#observations";
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("observationProblem", e.describe(messages));
            redirect.addFlashAttribute("refusedObservation", observation);
            return "redirect:/patrols/" + id + "/report#observation-" + observation;
        }
    }

    /** The answers sent with "Als Anliegen melden", as {@code attributes[code]}. */
    record Answers(Map<String, String> attributes) {

        Answers {
            attributes = attributes == null ? Map.of() : attributes;
        }
    }

    @GetMapping("/statistics")
    String statistics(@RequestParam(required = false) Integer year, Model model) {
        var shown = year == null ? Year.now(clock) : Year.of(year);
        var months = reports.statistics(shown);
        model.addAttribute("year", shown.getValue());
        model.addAttribute("months", months);
        model.addAttribute("areas", months.stream().flatMap(m -> m.hoursPerArea().keySet().stream()).distinct()
                .sorted().toList());
        return "operations/patrols/statistics";
    }

    private String page(PatrolId patrol, PatrolReportForm form, Model model) {
        var entry = patrols.entry(patrol);
        model.addAttribute("entry", entry);
        model.addAttribute("report", form);
        model.addAttribute("filed", reports.report(patrol).orElse(null));
        model.addAttribute("mayReport", reports.mayReport(patrol));
        var observations = reports.observations(patrol);
        var list = categories.all();
        var all = list.stream().collect(Collectors.toMap(Category::id, c -> c));
        model.addAttribute("observations", observations);
        if (!model.containsAttribute("observation")) {
            model.addAttribute("observation", ObservationForm.empty());
        }
        model.addAttribute("categories", list.stream().filter(Category::active).toList());
        model.addAttribute("categoryNames", list.stream().collect(Collectors.toMap(Category::id, Category::name)));
        model.addAttribute("unanswered", observations.stream()
                .filter(o -> !o.reported() && all.get(o.category()).attributes().stream()
                        .anyMatch(a -> a.required() && !o.attributes().containsKey(a.code())))
                .collect(Collectors.toMap(PatrolObservation::id, o -> all.get(o.category()))));
        model.addAttribute("areas", patrols.plan(entry.patrol().plan()).areas().stream().map(patrols::area).toList());
        return "operations/patrols/report";
    }
}

package de.sipa.operations;

import java.time.Clock;
import java.time.Year;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
import de.sipa.reports.CategoryId;
import de.sipa.shared.FlashSteps;
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

    @PostMapping("/{id}/observations")
    String observe(@PathVariable UUID id, @Valid @ModelAttribute("observation") ObservationForm form,
            BindingResult result, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            redirect.addFlashAttribute("problem", messages.getMessage("observation.incomplete", null,
                    LocaleContextHolder.getLocale()));
        } else {
            FlashSteps.run(redirect, messages, "observation.noted", () -> reports.observe(new PatrolId(id),
                    new CategoryId(form.categoryId()), form.areaId() == null ? null : new PatrolAreaId(form.areaId()),
                    form.place(), form.description()));
        }
        return "redirect:/patrols/" + id + "/report#observations";
    }

    /** One tap: the observation goes to the central contact point, which routes it by the matrix. */
    @PostMapping("/{id}/observations/{observation}/report")
    String toReport(@PathVariable UUID id, @PathVariable UUID observation, RedirectAttributes redirect) {
        FlashSteps.run(redirect, messages, "observation.reported",
                () -> reports.toReport(new PatrolId(id), observation));
        return "redirect:/patrols/" + id + "/report#observations";
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
        model.addAttribute("observations", reports.observations(patrol));
        model.addAttribute("observation", new ObservationForm(null, null, null, null));
        model.addAttribute("categories", categories.all().stream().filter(c -> c.active()).toList());
        model.addAttribute("categoryNames", categories.all().stream()
                .collect(Collectors.toMap(c -> c.id(), c -> c.name())));
        model.addAttribute("areas", patrols.plan(entry.patrol().plan()).areas().stream().map(patrols::area).toList());
        return "operations/patrols/report";
    }
}

package de.sipa.places;

import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
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

import de.sipa.partners.Organisation;
import de.sipa.partners.Organisations;
import de.sipa.shared.FlashSteps;
import de.sipa.shared.RuleViolationException;

/** A place's safety concept: goals and measures, kept by the partners' staff, read by everyone of the partnership. */
@Controller
@RequestMapping("/orte/{id}/konzept")
class SafetyConceptController {

    /** Form fields a refusal of {@link SafetyConcepts} names in its key ({@code measure.legalBasis.required}). */
    private static final Set<String> FIELDS = Set.of("kind", "title", "description", "legalBasis", "organisation",
            "costEuros", "startsOn", "endsOn", "status");

    private final SafetyConcepts concepts;
    private final Organisations organisations;
    private final ConceptPageModel pageModel;
    private final MessageSource messages;

    SafetyConceptController(SafetyConcepts concepts, Organisations organisations, ConceptPageModel pageModel,
            MessageSource messages) {
        this.concepts = concepts;
        this.organisations = organisations;
        this.pageModel = pageModel;
        this.messages = messages;
    }

    @GetMapping
    String concept(@PathVariable UUID id, Model model) {
        return page(new PlaceId(id), MeasureForm.empty(), model);
    }

    @PostMapping("/ziele")
    String goals(@PathVariable UUID id, @RequestParam(defaultValue = "") String goals, RedirectAttributes redirect) {
        FlashSteps.run(redirect, messages, "concept.goals.saved", () -> concepts.changeGoals(new PlaceId(id), goals),
                FlashSteps.typed("goals", goals));
        return "redirect:/orte/" + id + "/konzept";
    }

    @PostMapping("/massnahmen")
    String add(@PathVariable UUID id, @ModelAttribute("measureForm") MeasureForm form, BindingResult result,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        var place = new PlaceId(id);
        if (!result.hasErrors() && saved(result, () -> concepts.addMeasure(place, form.draft()))) {
            redirect.addFlashAttribute("success", "measure.added");
            return "redirect:/orte/" + id + "/konzept";
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(place, form, model);
    }

    @GetMapping("/massnahmen/{measure}")
    String measure(@PathVariable UUID id, @PathVariable UUID measure, Model model) {
        var place = new PlaceId(id);
        return measurePage(place, concepts.measure(place, new MeasureId(measure)), null, model);
    }

    @PostMapping("/massnahmen/{measure}")
    String change(@PathVariable UUID id, @PathVariable UUID measure, @ModelAttribute("measureForm") MeasureForm form,
            BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        var place = new PlaceId(id);
        var measureId = new MeasureId(measure);
        var stored = concepts.measure(place, measureId);
        if (!result.hasErrors() && saved(result, () -> concepts.changeMeasure(place, measureId, form.draft()))) {
            redirect.addFlashAttribute("success", "measure.changed");
            return "redirect:/orte/" + id + "/konzept/massnahmen/" + measure;
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("formRefused", true);
        return measurePage(place, stored, form, model);
    }

    /** Runs the step; a refusal goes to the field it names, or above the form. */
    private static boolean saved(BindingResult result, Runnable step) {
        try {
            step.run();
            return true;
        } catch (RuleViolationException e) {
            var parts = e.messageKey().split("\\.");
            if (parts.length > 2 && FIELDS.contains(parts[1])) {
                result.rejectValue(parts[1], e.messageKey(), e.arguments(), null);
            } else {
                result.reject(e.messageKey(), e.arguments(), null);
            }
            return false;
        }
    }

    private String page(PlaceId place, MeasureForm form, Model model) {
        var concept = concepts.concept(place);
        model.addAttribute("concept", concept);
        model.addAttribute("place", concept.place());
        model.addAttribute("measureForm", form);
        pageModel.addTo(model, concept.place());
        addChoices(model);
        return "places/concept";
    }

    private String measurePage(PlaceId place, Measure measure, MeasureForm form, Model model) {
        var concept = concepts.concept(place);
        model.addAttribute("place", concept.place());
        model.addAttribute("measure", measure);
        model.addAttribute("measureForm", form == null ? MeasureForm.of(measure) : form);
        pageModel.addTo(model, concept.place());
        pageModel.addLinks(model, measure);
        addChoices(model);
        return "places/measure";
    }

    private void addChoices(Model model) {
        var all = organisations.all();
        model.addAttribute("organisations", all.stream().filter(Organisation::active).toList());
        model.addAttribute("organisationNames", all.stream()
                .collect(java.util.stream.Collectors.toMap(Organisation::id, Organisation::name)));
        model.addAttribute("kinds", MeasureKind.values());
        model.addAttribute("statuses", MeasureStatus.values());
        model.addAttribute("mayEdit", ConceptAccess.mayEdit());
        model.addAttribute("mayPublish", ConceptAccess.mayPublish());
    }
}

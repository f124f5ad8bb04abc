package de.sipa.prevention;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.sipa.shared.FlashSteps;
import de.sipa.shared.NotFoundException;

/** One Beccaria step of a project: its guiding questions, its fields and the coordination's quality note. */
@Controller
class BeccariaController {

    private final PreventionProjects projects;
    private final PreventionAccess access;
    private final MessageSource messages;

    BeccariaController(PreventionProjects projects, PreventionAccess access, MessageSource messages) {
        this.projects = projects;
        this.access = access;
        this.messages = messages;
    }

    @GetMapping("/praevention/{id}/schritte/{number}")
    String step(@PathVariable UUID id, @PathVariable int number, Model model) {
        var project = projects.project(new ProjectId(id));
        var step = step(number);
        model.addAttribute("project", project);
        model.addAttribute("step", step);
        var texts = new HashMap<String, String>(project.step(step));
        if (model.getAttribute("input") instanceof Map<?, ?> typed) {
            typed.forEach((k, v) -> texts.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        }
        model.addAttribute("texts", texts);
        model.addAttribute("filled", step.filled(project.step(step)));
        model.addAttribute("steps", BeccariaStep.values());
        model.addAttribute("mayEditProjects", access.mayEdit());
        model.addAttribute("mayReview", access.mayReview());
        return "prevention/step";
    }

    @PostMapping("/praevention/{id}/schritte/{number}")
    @PreAuthorize(PreventionPermissions.EDIT)
    String write(@PathVariable UUID id, @PathVariable int number, @RequestParam Map<String, String> form,
            RedirectAttributes redirect) {
        var step = step(number);
        var texts = new HashMap<String, String>();
        step.fields().forEach(f -> texts.put(f.name(), form.getOrDefault(f.name(), "")));
        boolean done = FlashSteps.run(redirect, messages, "prevention.step.saved",
                () -> projects.writeStep(new ProjectId(id), step, texts), texts);
        if (done && form.containsKey("next") && number < BeccariaStep.values().length) {
            return "redirect:/praevention/" + id + "/schritte/" + (number + 1);
        }
        return "redirect:/praevention/" + id + "/schritte/" + number;
    }

    @PostMapping("/praevention/{id}/schritte/{number}/qualitaet")
    @PreAuthorize(PreventionPermissions.REVIEW)
    String quality(@PathVariable UUID id, @PathVariable int number, @RequestParam(defaultValue = "") String note,
            RedirectAttributes redirect) {
        var step = step(number);
        FlashSteps.run(redirect, messages, "prevention.step.qualitySaved",
                () -> projects.noteQuality(new ProjectId(id), step, note),
                Map.of(BeccariaStep.QUALITY_NOTE, note));
        return "redirect:/praevention/" + id + "/schritte/" + number;
    }

    private static BeccariaStep step(int number) {
        try {
            return BeccariaStep.number(number);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("BeccariaStep", number);
        }
    }
}

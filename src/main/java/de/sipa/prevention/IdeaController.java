package de.sipa.prevention;

import java.util.HashMap;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.sipa.partners.DistrictId;
import de.sipa.partners.Partnerships;
import de.sipa.shared.FlashSteps;
import de.sipa.shared.RuleViolationException;

/** The ideas inside SiPa: the list the coordination moderates, and the partners' own proposals. */
@Controller
class IdeaController {

    private final ProjectIdeas ideas;
    private final Partnerships partnerships;
    private final MessageSource messages;

    private final PreventionAccess access;

    IdeaController(ProjectIdeas ideas, Partnerships partnerships, MessageSource messages, PreventionAccess access) {
        this.access = access;
        this.ideas = ideas;
        this.partnerships = partnerships;
        this.messages = messages;
    }

    @ModelAttribute("mayEditProjects")
    boolean mayEditProjects() {
        return access.mayEdit();
    }

    @ModelAttribute("mayReviewProjects")
    boolean mayReviewProjects() {
        return access.mayReview();
    }

    @GetMapping("/praevention/ideen")
    String list(Model model) {
        var districts = new HashMap<DistrictId, String>();
        partnerships.districts().forEach(d -> districts.put(d.id(), d.name()));
        model.addAttribute("ideas", ideas.ideas());
        model.addAttribute("districtNames", districts);
        return "prevention/ideas";
    }

    @GetMapping("/praevention/ideen/neu")
    @PreAuthorize(PreventionPermissions.EDIT)
    String newIdea(Model model) {
        return form(IdeaForm.empty(), model);
    }

    @PostMapping("/praevention/ideen/neu")
    @PreAuthorize(PreventionPermissions.EDIT)
    String submit(@ModelAttribute("idea") IdeaForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return form(form, model);
        }
        try {
            ideas.submit(form.toInput());
        } catch (RuleViolationException e) {
            PublicPreventionController.reject(result, e);
            return form(form, model);
        }
        redirect.addFlashAttribute("success", "idea.saved");
        return "redirect:/praevention/ideen";
    }

    @PostMapping("/praevention/ideen/{id}/pruefen")
    @PreAuthorize(PreventionPermissions.REVIEW)
    String review(@PathVariable UUID id, RedirectAttributes redirect) {
        return FlashSteps.runAndShow(redirect, messages, "idea.reviewed", () -> ideas.review(new IdeaId(id)),
                "/praevention/ideen#idea-" + id);
    }

    @PostMapping("/praevention/ideen/{id}/ablehnen")
    @PreAuthorize(PreventionPermissions.REVIEW)
    String decline(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        return FlashSteps.runAndShow(redirect, messages, "idea.declined",
                () -> ideas.decline(new IdeaId(id), reason), "/praevention/ideen#idea-" + id);
    }

    @PostMapping("/praevention/ideen/{id}/projekt")
    @PreAuthorize(PreventionPermissions.REVIEW)
    String turnIntoProject(@PathVariable UUID id, RedirectAttributes redirect) {
        var created = new ProjectId[1];
        boolean done = FlashSteps.run(redirect, messages, "idea.turnedIntoProject",
                () -> created[0] = ideas.turnIntoProject(new IdeaId(id)));
        return "redirect:" + (done ? "/praevention/" + created[0] + "/bearbeiten" : "/praevention/ideen#idea-" + id);
    }

    private String form(IdeaForm form, Model model) {
        model.addAttribute("idea", form);
        model.addAttribute("fields", PreventionField.values());
        model.addAttribute("districts", partnerships.districts());
        return "prevention/idea-form";
    }
}

package de.sipa.prevention;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.sipa.partners.Partnership;
import de.sipa.partners.Partnerships;
import de.sipa.reports.IntakeThrottle;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.RuleViolationException;

/**
 * The citizens' prevention pages, without login and without JavaScript: the published projects, one project, and the
 * form for a project idea (limited per address like the other public forms, a honeypot for bots; an e-mail for the
 * answer only with consent).
 */
@Controller
@RequestMapping("/buerger/{slug}")
class PublicPreventionController {

    static final String IDEA_CHANNEL = "IDEA";

    private final ProjectIdeas ideas;
    private final PublicProjects projects;
    private final Partnerships partnerships;
    private final IntakeThrottle throttle;
    private final ObjectProvider<ProjectOffers> offers;
    private final int ideaLimit;
    private final long contactDays;

    PublicPreventionController(ProjectIdeas ideas, PublicProjects projects, Partnerships partnerships,
            IntakeThrottle throttle, @Value("${sipa.prevention.idea-limit:5}") int ideaLimit,
            IdeaJobs jobs, ObjectProvider<ProjectOffers> offers) {
        this.offers = offers;
        this.ideas = ideas;
        this.projects = projects;
        this.partnerships = partnerships;
        this.throttle = throttle;
        this.ideaLimit = ideaLimit;
        this.contactDays = jobs.retentionDays();
    }

    @GetMapping("/projekte")
    String projects(@PathVariable String slug, Model model) {
        var partnership = partnership(slug, model);
        model.addAttribute("projects", projects.published(partnership.id()));
        return "prevention/public-list";
    }

    @GetMapping("/projekte/{id}")
    String project(@PathVariable String slug, @PathVariable UUID id, Model model) {
        var partnership = partnership(slug, model);
        var project = projects.published(partnership.id(), new ProjectId(id))
                .orElseThrow(() -> new NotFoundException("PreventionProject", id));
        model.addAttribute("project", project);
        model.addAttribute("offers", offers.orderedStream()
                .flatMap(o -> o.openOffersOf(partnership, project.id()).stream()).toList());
        return "prevention/public-project";
    }

    @GetMapping("/ideen")
    String ideaForm(@PathVariable String slug, Model model) {
        return form(partnership(slug, model), IdeaForm.empty(), model);
    }

    @PostMapping("/ideen")
    String submit(@PathVariable String slug, @ModelAttribute("idea") IdeaForm form, BindingResult result, Model model,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        var partnership = partnership(slug, model);
        if (form.website() != null && !form.website().isBlank()) {
            // A bot filled in the hidden field: it is thanked, nothing is stored.
            redirect.addFlashAttribute("success", "idea.sent");
            return "redirect:/buerger/" + slug + "/ideen";
        }
        if (!result.hasErrors()) {
            for (var problem : ideas.problems(form.toInput(), partnership.id(), true)) {
                reject(result, problem);
            }
        }
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(partnership, form, model);
        }
        if (!throttle.allow(IDEA_CHANNEL, ideaLimit, request.getRemoteAddr())) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            result.reject("idea.tooMany");
            return form(partnership, form, model);
        }
        try {
            ideas.submitPublic(partnership, form.toInput());
        } catch (RuleViolationException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            reject(result, e);
            return form(partnership, form, model);
        }
        redirect.addFlashAttribute("success", "idea.sent");
        return "redirect:/buerger/" + slug + "/ideen";
    }

    private String form(Partnership partnership, IdeaForm form, Model model) {
        model.addAttribute("idea", form);
        model.addAttribute("fields", PreventionField.values());
        model.addAttribute("districts", partnerships.districtsOf(partnership.id()));
        model.addAttribute("contactDays", contactDays);
        return "prevention/public-idea";
    }

    /** A refusal next to the field it concerns ({@code idea.<field>.…}), else above the form. */
    static void reject(BindingResult result, RuleViolationException e) {
        var parts = e.messageKey().split("\\.");
        var field = parts.length == 3 && List.of("title", "description", "email", "consent").contains(parts[1])
                ? parts[1] : parts.length == 3 && parts[1].equals("district") ? "districtId" : null;
        if (field == null) {
            result.reject(e.messageKey(), e.arguments(), null);
        } else {
            result.rejectValue(field, e.messageKey(), e.arguments(), null);
        }
    }

    private Partnership partnership(String slug, Model model) {
        var partnership = partnerships.bySlug(slug).orElseThrow(() -> new NotFoundException("Partnership", slug));
        model.addAttribute("partnership", partnership);
        model.addAttribute("publicSlug", partnership.slug());
        return partnership;
    }
}

package de.sipa.partners;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.format.annotation.DateTimeFormat;
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

import de.sipa.shared.RuleViolationException;

@Controller
@RequestMapping("/bodies")
class BodyController {

    private final Bodies bodies;
    private final People people;
    private final Organisations organisations;
    private final Clock clock;

    BodyController(Bodies bodies, People people, Organisations organisations, Clock clock) {
        this.bodies = bodies;
        this.people = people;
        this.organisations = organisations;
        this.clock = clock;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("bodies", bodies.all());
        return "partners/bodies/list";
    }

    @GetMapping("/new")
    @PreAuthorize(PartnerPermissions.MANAGE)
    String createForm(Model model) {
        return form(model, BodyDetails.empty(), null);
    }

    @PostMapping
    @PreAuthorize(PartnerPermissions.MANAGE)
    String create(@Valid @ModelAttribute("body") BodyDetails details, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return form(model, details, null);
        }
        try {
            var id = bodies.create(details);
            redirect.addFlashAttribute("success", "body.created");
            return "redirect:/bodies/" + id;
        } catch (RuleViolationException e) {
            result.reject(e.messageKey(), e.arguments(), null);
            return form(model, details, null);
        }
    }

    /** The "who is who" of a body. */
    @GetMapping("/{id}")
    String show(@PathVariable UUID id, Model model) {
        return show(new BodyId(id), newMembership(), model);
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize(PartnerPermissions.MANAGE)
    String editForm(@PathVariable UUID id, Model model) {
        var body = bodies.get(new BodyId(id));
        return form(model, body.details(), body.id());
    }

    @PostMapping("/{id}")
    @PreAuthorize(PartnerPermissions.MANAGE)
    String update(@PathVariable UUID id, @Valid @ModelAttribute("body") BodyDetails details, BindingResult result,
            Model model, RedirectAttributes redirect) {
        var bodyId = new BodyId(id);
        if (result.hasErrors()) {
            return form(model, details, bodyId);
        }
        try {
            bodies.update(bodyId, details);
            redirect.addFlashAttribute("success", "body.updated");
            return "redirect:/bodies/" + id;
        } catch (RuleViolationException e) {
            result.reject(e.messageKey(), e.arguments(), null);
            return form(model, details, bodyId);
        }
    }

    @PostMapping("/{id}/delete")
    @PreAuthorize(PartnerPermissions.MANAGE)
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        bodies.delete(new BodyId(id));
        redirect.addFlashAttribute("success", "body.deleted");
        return "redirect:/bodies";
    }

    @PostMapping("/{id}/members")
    @PreAuthorize(PartnerPermissions.MANAGE)
    String join(@PathVariable UUID id, @Valid @ModelAttribute("membership") MembershipDetails details,
            BindingResult result, Model model, RedirectAttributes redirect) {
        var bodyId = new BodyId(id);
        if (result.hasErrors()) {
            return show(bodyId, details, model);
        }
        try {
            bodies.join(bodyId, details);
            redirect.addFlashAttribute("success", "membership.created");
            return "redirect:/bodies/" + id;
        } catch (RuleViolationException e) {
            result.reject(e.messageKey(), e.arguments(), null);
            return show(bodyId, details, model);
        }
    }

    @PostMapping("/{id}/members/{membership}/end")
    @PreAuthorize(PartnerPermissions.MANAGE)
    String endMembership(@PathVariable UUID id, @PathVariable UUID membership,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
            RedirectAttributes redirect) {
        bodies.endMembership(new MembershipId(membership), endsOn);
        redirect.addFlashAttribute("success", "membership.ended");
        return "redirect:/bodies/" + id;
    }

    @PostMapping("/{id}/members/{membership}/delete")
    @PreAuthorize(PartnerPermissions.MANAGE)
    String removeMembership(@PathVariable UUID id, @PathVariable UUID membership, RedirectAttributes redirect) {
        bodies.removeMembership(new MembershipId(membership));
        redirect.addFlashAttribute("success", "membership.deleted");
        return "redirect:/bodies/" + id;
    }

    private String show(BodyId id, MembershipDetails membership, Model model) {
        model.addAttribute("body", bodies.get(id));
        model.addAttribute("members", bodies.members(id));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("membership", membership);
        model.addAttribute("people", people.active());
        model.addAttribute("organisations", organisations.byId());
        model.addAttribute("roles", MembershipRole.values());
        return "partners/bodies/detail";
    }

    private MembershipDetails newMembership() {
        return new MembershipDetails(null, MembershipRole.STANDING_MEMBER, LocalDate.now(clock), null);
    }

    private String form(Model model, BodyDetails details, BodyId id) {
        model.addAttribute("body", details);
        model.addAttribute("bodyId", id);
        model.addAttribute("kinds", BodyKind.values());
        return "partners/bodies/form";
    }
}

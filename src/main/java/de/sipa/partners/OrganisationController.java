package de.sipa.partners;

import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.data.domain.PageRequest;
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

import de.sipa.shared.OrganisationId;
import de.sipa.shared.RuleViolationException;

@Controller
@RequestMapping("/organisations")
class OrganisationController {

    static final int PAGE_SIZE = 25;

    private final Organisations organisations;
    private final People people;

    OrganisationController(Organisations organisations, People people) {
        this.organisations = organisations;
        this.people = people;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) OrganisationKind kind,
            @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("kind", kind);
        model.addAttribute("kinds", OrganisationKind.values());
        model.addAttribute("organisations", organisations.search(q, kind, PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
        return "partners/organisations/list";
    }

    @GetMapping("/new")
    @PreAuthorize(PartnerPermissions.MANAGE)
    String createForm(Model model) {
        return form(model, OrganisationDetails.empty(), null);
    }

    @PostMapping
    @PreAuthorize(PartnerPermissions.MANAGE)
    String create(@Valid @ModelAttribute("organisation") OrganisationDetails details, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return form(model, details, null);
        }
        try {
            var id = organisations.create(details);
            redirect.addFlashAttribute("success", "organisation.created");
            return "redirect:/organisations/" + id;
        } catch (RuleViolationException e) {
            result.reject(e.messageKey(), e.arguments(), null);
            return form(model, details, null);
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable UUID id, Model model) {
        var organisationId = new OrganisationId(id);
        model.addAttribute("organisation", organisations.get(organisationId));
        model.addAttribute("people", people.ofOrganisation(organisationId));
        model.addAttribute("affiliated", people.affiliatedWith(organisationId));
        model.addAttribute("mayMaintain", organisations.mayMaintain(organisationId));
        return "partners/organisations/detail";
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize(PartnerPermissions.MAINTAIN)
    String editForm(@PathVariable UUID id, Model model) {
        var organisation = maintained(id);
        return form(model, organisation.details(), organisation.id());
    }

    @PostMapping("/{id}")
    @PreAuthorize(PartnerPermissions.MAINTAIN)
    String update(@PathVariable UUID id, @Valid @ModelAttribute("organisation") OrganisationDetails details,
            BindingResult result, Model model, RedirectAttributes redirect) {
        var organisationId = maintained(id).id();
        if (result.hasErrors()) {
            return form(model, details, organisationId);
        }
        try {
            organisations.update(organisationId, details);
            redirect.addFlashAttribute("success", "organisation.updated");
            return "redirect:/organisations/" + id;
        } catch (RuleViolationException e) {
            result.reject(e.messageKey(), e.arguments(), null);
            return form(model, details, organisationId);
        }
    }

    @PostMapping("/{id}/delete")
    @PreAuthorize(PartnerPermissions.MANAGE)
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        organisations.delete(new OrganisationId(id));
        redirect.addFlashAttribute("success", "organisation.deleted");
        return "redirect:/organisations";
    }

    /**
     * The organisation, if the user may change it: partner staff get the form of their own organisation only, and
     * are refused another's before anything they sent is looked at (an unknown id stays a 404).
     */
    private Organisation maintained(UUID id) {
        var organisation = organisations.get(new OrganisationId(id));
        PartnerAccess.requireMaintain(organisation.id());
        return organisation;
    }

    private String form(Model model, OrganisationDetails details, OrganisationId id) {
        model.addAttribute("organisation", details);
        model.addAttribute("organisationId", id);
        model.addAttribute("kinds", OrganisationKind.values());
        model.addAttribute("mayChangeKindAndStatus", organisations.mayChangeKindAndStatus());
        return "partners/organisations/form";
    }
}

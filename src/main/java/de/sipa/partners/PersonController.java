package de.sipa.partners;

import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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

import de.sipa.shared.FlashSteps;
import de.sipa.shared.OrganisationId;
import de.sipa.shared.RuleViolationException;

@Controller
@RequestMapping("/people")
class PersonController {

    private final People people;
    private final Organisations organisations;
    private final Partnerships partnerships;
    private final Bodies bodies;

    private final MessageSource messages;

    PersonController(People people, Organisations organisations, Partnerships partnerships, Bodies bodies,
            MessageSource messages) {
        this.people = people;
        this.organisations = organisations;
        this.partnerships = partnerships;
        this.bodies = bodies;
        this.messages = messages;
    }

    @GetMapping("/new")
    @PreAuthorize(PartnerPermissions.MAINTAIN)
    String createForm(@RequestParam(required = false) UUID organisation, Model model) {
        if (organisation != null) {
            PartnerAccess.requireMaintain(organisations.get(new OrganisationId(organisation)).id());
        }
        return form(model, PersonDetails.empty(organisation), null);
    }

    @PostMapping
    @PreAuthorize(PartnerPermissions.MAINTAIN)
    String create(@Valid @ModelAttribute("person") PersonDetails details, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return form(model, details, null);
        }
        try {
            var id = people.create(details);
            redirect.addFlashAttribute("success", "person.created");
            return "redirect:/people/" + id;
        } catch (RuleViolationException e) {
            result.reject(e.messageKey(), e.arguments(), null);
            return form(model, details, null);
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable UUID id, Model model) {
        var person = people.get(new PersonId(id));
        model.addAttribute("person", person);
        model.addAttribute("organisation", organisations.get(person.organisation()));
        model.addAttribute("districts", partnerships.districts().stream()
                .filter(d -> person.districts().contains(d.id())).toList());
        model.addAttribute("memberships", bodies.membershipsOf(person.id()));
        model.addAttribute("bodies", bodies.all().stream()
                .collect(java.util.stream.Collectors.toMap(Body::id, b -> b)));
        model.addAttribute("mayMaintain", !person.archived() && organisations.mayMaintain(person.organisation()));
        var affiliations = people.affiliationsOf(person.id());
        model.addAttribute("affiliations", affiliations);
        var taken = affiliations.stream().map(Affiliation::organisation).toList();
        model.addAttribute("otherOrganisations", organisations.all().stream()
                .filter(o -> o.active() && !o.id().equals(person.organisation()) && !taken.contains(o.id())).toList());
        return "partners/people/detail";
    }

    @PostMapping("/{id}/affiliations")
    @PreAuthorize(PartnerPermissions.MAINTAIN)
    String affiliate(@PathVariable UUID id, @Valid AffiliationDetails details, BindingResult result,
            RedirectAttributes redirect) {
        maintained(id);
        if (result.hasErrors()) {
            redirect.addFlashAttribute("problem", messages.getMessage("affiliation.organisation.required", null,
                    LocaleContextHolder.getLocale()));
            return "redirect:/people/" + id;
        }
        return FlashSteps.runAndShow(redirect, messages, "affiliation.added",
                () -> people.affiliate(new PersonId(id), details), "/people/" + id);
    }

    @PostMapping("/{id}/affiliations/{organisation}/end")
    @PreAuthorize(PartnerPermissions.MAINTAIN)
    String endAffiliation(@PathVariable UUID id, @PathVariable UUID organisation, RedirectAttributes redirect) {
        maintained(id);
        return FlashSteps.runAndShow(redirect, messages, "affiliation.ended",
                () -> people.endAffiliation(new PersonId(id), new OrganisationId(organisation)), "/people/" + id);
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize(PartnerPermissions.MAINTAIN)
    String editForm(@PathVariable UUID id, Model model) {
        var person = maintained(id);
        return form(model, person.details(), person.id());
    }

    @PostMapping("/{id}")
    @PreAuthorize(PartnerPermissions.MAINTAIN)
    String update(@PathVariable UUID id, @Valid @ModelAttribute("person") PersonDetails details, BindingResult result,
            Model model, RedirectAttributes redirect) {
        var personId = maintained(id).id();
        if (result.hasErrors()) {
            return form(model, details, personId);
        }
        try {
            people.update(personId, details);
            redirect.addFlashAttribute("success", "person.updated");
            return "redirect:/people/" + id;
        } catch (RuleViolationException e) {
            result.reject(e.messageKey(), e.arguments(), null);
            return form(model, details, personId);
        }
    }

    @PostMapping("/{id}/archive")
    @PreAuthorize(PartnerPermissions.MAINTAIN)
    String archive(@PathVariable UUID id, RedirectAttributes redirect) {
        var person = maintained(id);
        people.archive(person.id());
        redirect.addFlashAttribute("success", "person.archived.done");
        return "redirect:/organisations/" + person.organisation();
    }

    /**
     * The person, if the user may change them: partner staff get the forms of their own organisation's people only,
     * and are refused another's before anything they sent is looked at (an unknown id stays a 404).
     */
    private Person maintained(UUID id) {
        var person = people.get(new PersonId(id));
        PartnerAccess.requireMaintain(person.organisation());
        return person;
    }

    private String form(Model model, PersonDetails details, PersonId id) {
        model.addAttribute("person", details);
        model.addAttribute("personId", id);
        // Partner staff may only place people in their own organisation.
        model.addAttribute("organisations", organisations.all().stream()
                .filter(o -> organisations.mayMaintain(o.id())).toList());
        model.addAttribute("districts", partnerships.districts());
        return "partners/people/form";
    }
}

package de.sipa.volunteers;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.sipa.identity.CurrentUser;
import de.sipa.partners.Organisations;
import de.sipa.partners.Partnerships;
import de.sipa.partners.People;
import de.sipa.partners.Person;
import de.sipa.partners.PersonId;
import de.sipa.prevention.PreventionProject;
import de.sipa.prevention.PreventionProjects;
import de.sipa.prevention.ProjectId;
import de.sipa.shared.FlashSteps;
import de.sipa.shared.RuleViolationException;

/** The coordination's pages of volunteer offers: the list, an offer with its volunteers, the offer form. */
@Controller
@RequestMapping("/ehrenamt")
class OfferController {

    private final VolunteerOffers offers;
    private final People people;
    private final Organisations organisations;
    private final Partnerships partnerships;
    private final PreventionProjects projects;
    private final VolunteerAccess access;
    private final MessageSource messages;
    private final Clock clock;

    OfferController(VolunteerOffers offers, People people, Organisations organisations, Partnerships partnerships,
            PreventionProjects projects, VolunteerAccess access, MessageSource messages, Clock clock) {
        this.projects = projects;
        this.clock = clock;
        this.offers = offers;
        this.people = people;
        this.organisations = organisations;
        this.partnerships = partnerships;
        this.access = access;
        this.messages = messages;
    }

    /** A person to choose as the contact, with the organisation in the label. */
    record PersonChoice(String id, String label) {
    }

    @ModelAttribute("mayEditOffers")
    boolean mayEditOffers() {
        return access.mayEdit();
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("offers", offers.offers());
        model.addAttribute("figures", offers.figures());
        model.addAttribute("none", OfferFigures.NONE);
        partnerships.find(CurrentUser.partnership()).ifPresent(p -> model.addAttribute("partnershipSlug", p.slug()));
        return "volunteers/list";
    }

    @GetMapping("/neu")
    @PreAuthorize(VolunteerPermissions.EDIT)
    String newOffer(Model model) {
        return form(model, null, OfferForm.empty());
    }

    @PostMapping("/neu")
    @PreAuthorize(VolunteerPermissions.EDIT)
    String create(@ModelAttribute("offer") OfferForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        var draft = draft(form, result);
        if (draft == null) {
            return form(model, null, form);
        }
        try {
            var id = offers.create(draft);
            redirect.addFlashAttribute("success", "volunteerOffer.saved");
            return "redirect:/ehrenamt/" + id;
        } catch (RuleViolationException e) {
            reject(result, e);
            return form(model, null, form);
        }
    }

    @GetMapping("/{id}")
    String offer(@PathVariable UUID id, Model model) {
        var offer = offers.offer(new VolunteerOfferId(id));
        var contact = people.get(offer.contactPerson());
        boolean mayManage = access.mayManage(offer);
        model.addAttribute("offer", offer);
        model.addAttribute("contact", contact);
        model.addAttribute("contactOrganisation", contact.organisation() == null ? ""
                : organisations.get(contact.organisation()).name());
        model.addAttribute("figures", offers.figures().getOrDefault(offer.id(), OfferFigures.NONE));
        model.addAttribute("mayManage", mayManage);
        model.addAttribute("volunteers", mayManage ? offers.volunteers(offer.id()) : java.util.List.of());
        model.addAttribute("statuses", OfferStatus.values());
        model.addAttribute("open", offer.openOn(LocalDate.now(clock)));
        model.addAttribute("project", offer.project() == null ? null : projects.project(offer.project()));
        partnerships.find(CurrentUser.partnership()).ifPresent(p -> model.addAttribute("partnershipSlug", p.slug()));
        return "volunteers/offer";
    }

    @GetMapping("/{id}/bearbeiten")
    @PreAuthorize(VolunteerPermissions.EDIT)
    String edit(@PathVariable UUID id, Model model) {
        var offer = offers.offer(new VolunteerOfferId(id));
        return form(model, offer, OfferForm.of(offer));
    }

    @PostMapping("/{id}/bearbeiten")
    @PreAuthorize(VolunteerPermissions.EDIT)
    String change(@PathVariable UUID id, @ModelAttribute("offer") OfferForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        var offer = offers.offer(new VolunteerOfferId(id));
        var draft = draft(form, result);
        if (draft == null) {
            return form(model, offer, form);
        }
        try {
            offers.change(offer.id(), draft);
            redirect.addFlashAttribute("success", "volunteerOffer.saved");
            return "redirect:/ehrenamt/" + id;
        } catch (RuleViolationException e) {
            reject(result, e);
            return form(model, offer, form);
        }
    }

    @PostMapping("/{id}/status")
    @PreAuthorize(VolunteerPermissions.EDIT)
    String status(@PathVariable UUID id, @RequestParam OfferStatus status, RedirectAttributes redirect) {
        return FlashSteps.runAndShow(redirect, messages, "volunteerOffer.statusChanged",
                () -> offers.changeStatus(new VolunteerOfferId(id), status), "/ehrenamt/" + id);
    }

    @PostMapping("/{id}/freiwillige/{volunteer}/annehmen")
    @PreAuthorize(VolunteerPermissions.EDIT)
    String accept(@PathVariable UUID id, @PathVariable UUID volunteer, RedirectAttributes redirect) {
        return FlashSteps.runAndShow(redirect, messages, "volunteer.accepted",
                () -> offers.accept(new VolunteerOfferId(id), new VolunteerId(volunteer)), "/ehrenamt/" + id);
    }

    @PostMapping("/{id}/freiwillige/{volunteer}/ablehnen")
    @PreAuthorize(VolunteerPermissions.EDIT)
    String decline(@PathVariable UUID id, @PathVariable UUID volunteer, RedirectAttributes redirect) {
        return FlashSteps.runAndShow(redirect, messages, "volunteer.declined",
                () -> offers.decline(new VolunteerOfferId(id), new VolunteerId(volunteer)), "/ehrenamt/" + id);
    }

    @PostMapping("/{id}/freiwillige/{volunteer}/einteilen")
    @PreAuthorize(VolunteerPermissions.EDIT)
    String assign(@PathVariable UUID id, @PathVariable UUID volunteer,
            @RequestParam(defaultValue = "") String assignment, RedirectAttributes redirect) {
        return FlashSteps.runAndShow(redirect, messages, "volunteer.assigned",
                () -> offers.assign(new VolunteerOfferId(id), new VolunteerId(volunteer), assignment),
                "/ehrenamt/" + id);
    }

    @PostMapping("/{id}/freiwillige/{volunteer}/stunden")
    @PreAuthorize(VolunteerPermissions.EDIT)
    String hours(@PathVariable UUID id, @PathVariable UUID volunteer, @RequestParam(defaultValue = "") String hours,
            RedirectAttributes redirect) {
        return FlashSteps.runAndShow(redirect, messages, "volunteer.hoursRecorded",
                () -> offers.recordHours(new VolunteerOfferId(id), new VolunteerId(volunteer), hours(hours)),
                "/ehrenamt/" + id);
    }

    @PostMapping("/{id}/freiwillige/{volunteer}/danken")
    @PreAuthorize(VolunteerPermissions.EDIT)
    String thank(@PathVariable UUID id, @PathVariable UUID volunteer, RedirectAttributes redirect) {
        return FlashSteps.runAndShow(redirect, messages, "volunteer.thankedNow",
                () -> offers.thank(new VolunteerOfferId(id), new VolunteerId(volunteer)), "/ehrenamt/" + id);
    }

    /** Hours as typed, with a comma or a point; anything else is refused. */
    private static BigDecimal hours(String typed) {
        try {
            return new BigDecimal(typed.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new RuleViolationException("volunteer.hours.invalid");
        }
    }

    private String form(Model model, VolunteerOffer offer, OfferForm form) {
        model.addAttribute("offer", form);
        model.addAttribute("existing", offer);
        var names = organisations.byId();
        model.addAttribute("people", people.active().stream()
                .sorted(Comparator.comparing(Person::lastName).thenComparing(Person::firstName))
                .map(p -> new PersonChoice(p.id().value().toString(), p.lastName() + ", " + p.firstName()
                        + (p.organisation() != null && names.containsKey(p.organisation())
                                ? " (" + names.get(p.organisation()).name() + ")" : "")))
                .toList());
        model.addAttribute("projects", projects.projects().stream()
                .sorted(Comparator.comparing(PreventionProject::title, String.CASE_INSENSITIVE_ORDER)).toList());
        return "volunteers/form";
    }

    /**
     * The draft, or {@code null} with every problem next to its field: the checks that need no database all at once
     * (the rest comes from {@link VolunteerOffers}).
     */
    private static OfferDraft draft(OfferForm form, BindingResult result) {
        required(form.title(), "title", VolunteerOffers.MAX_TITLE, result);
        required(form.description(), "description", VolunteerOffers.MAX_DESCRIPTION, result);
        required(form.schedule(), "schedule", VolunteerOffers.MAX_LINE, result);
        required(form.location(), "location", VolunteerOffers.MAX_LINE, result);
        required(form.timeCommitment(), "timeCommitment", VolunteerOffers.MAX_LINE, result);
        Integer people = null;
        try {
            people = Integer.valueOf(form.peopleWanted() == null ? "" : form.peopleWanted().strip());
        } catch (NumberFormatException e) {
            // refused below
        }
        if (people == null || people < 1 || people > VolunteerOffers.MAX_PEOPLE) {
            result.rejectValue("peopleWanted", "volunteerOffer.peopleWanted.invalid",
                    new Object[] {VolunteerOffers.MAX_PEOPLE}, null);
        }
        PersonId contact = null;
        try {
            contact = new PersonId(UUID.fromString(form.contactPersonId() == null ? "" : form.contactPersonId()));
        } catch (IllegalArgumentException e) {
            result.rejectValue("contactPersonId", "volunteerOffer.contactPerson.required");
        }
        ProjectId project = null;
        if (form.projectId() != null && !form.projectId().isBlank()) {
            try {
                project = new ProjectId(UUID.fromString(form.projectId().strip()));
            } catch (IllegalArgumentException e) {
                result.rejectValue("projectId", "volunteerOffer.project.unknown");
            }
        }
        LocalDate ends = null;
        if (form.engagementEnds() == null || form.engagementEnds().isBlank()) {
            result.rejectValue("engagementEnds", "volunteerOffer.engagementEnds.required");
        } else {
            try {
                ends = LocalDate.parse(form.engagementEnds().strip());
            } catch (DateTimeParseException e) {
                result.rejectValue("engagementEnds", "volunteerOffer.engagementEnds.invalid");
            }
        }
        if (result.hasErrors()) {
            return null;
        }
        return new OfferDraft(form.title(), form.description(), form.schedule(), form.location(),
                form.timeCommitment(), people, contact, project, ends);
    }

    private static void required(String value, String field, int max, BindingResult result) {
        if (value == null || value.isBlank()) {
            result.rejectValue(field, "volunteerOffer." + field + ".required");
        } else if (value.strip().length() > max) {
            result.rejectValue(field, "volunteerOffer." + field + ".tooLong", new Object[] {max}, null);
        }
    }

    /** A refusal next to the field it concerns, else above the form. */
    private static void reject(BindingResult result, RuleViolationException e) {
        var key = e.messageKey();
        var parts = key.split("\\.");
        var field = parts.length == 3 ? switch (parts[1]) {
            case "title", "description", "schedule", "location", "timeCommitment", "peopleWanted",
                    "engagementEnds" -> parts[1];
            case "contactPerson" -> "contactPersonId";
            case "project" -> "projectId";
            default -> null;
        } : null;
        if (field == null) {
            result.reject(key, e.arguments(), null);
        } else {
            result.rejectValue(field, key, e.arguments(), null);
        }
    }
}

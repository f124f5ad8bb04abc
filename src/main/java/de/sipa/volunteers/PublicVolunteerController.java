package de.sipa.volunteers;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.sipa.partners.Partnership;
import de.sipa.partners.Partnerships;
import de.sipa.reports.IntakeThrottle;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.RuleViolationException;

/**
 * The citizens' volunteering pages, without login: the published offers, an offer with its sign-up form (limited
 * per address like the contact point's form, a honeypot for bots), and the page behind the mailed confirmation
 * link, whose button confirms the sign-up (a link alone changes nothing: mail scanners open links).
 */
@Controller
@RequestMapping("/buerger/{slug}/ehrenamt")
class PublicVolunteerController {

    private final PublicVolunteering volunteering;
    private final Partnerships partnerships;
    private final IntakeThrottle throttle;
    private final MessageSource messages;

    PublicVolunteerController(PublicVolunteering volunteering, Partnerships partnerships, IntakeThrottle throttle,
            MessageSource messages) {
        this.volunteering = volunteering;
        this.partnerships = partnerships;
        this.throttle = throttle;
        this.messages = messages;
    }

    @GetMapping
    String offers(@PathVariable String slug, Model model) {
        var partnership = partnership(slug, model);
        model.addAttribute("offers", volunteering.published(partnership.id()));
        return "volunteers/public-list";
    }

    @GetMapping("/{id}")
    String offer(@PathVariable String slug, @PathVariable UUID id, Model model) {
        return offer(partnership(slug, model), id, SignUpForm.empty(), model);
    }

    @PostMapping("/{id}")
    String signUp(@PathVariable String slug, @PathVariable UUID id, @ModelAttribute("signUp") SignUpForm form,
            BindingResult result, Model model, HttpServletRequest request, HttpServletResponse response,
            RedirectAttributes redirect) {
        var partnership = partnership(slug, model);
        var offer = volunteering.published(partnership.id(), new VolunteerOfferId(id))
                .orElseThrow(() -> new NotFoundException("VolunteerOffer", id));
        if (form.website() != null && !form.website().isBlank()) {
            // A bot filled in the hidden field: it is thanked, nothing is stored.
            redirect.addFlashAttribute("success", "volunteer.signUp.sent");
            return "redirect:/buerger/" + slug + "/ehrenamt";
        }
        for (var problem : PublicVolunteering.problems(form.toSignUp())) {
            reject(result, problem);
        }
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return offer(partnership, offer.id().value(), form, model);
        }
        if (!throttle.allow(IntakeThrottle.Channel.VOLUNTEER, request.getRemoteAddr())) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            result.reject("volunteer.signUp.tooMany");
            return offer(partnership, offer.id().value(), form, model);
        }
        try {
            volunteering.signUp(partnership, offer.id(), form.toSignUp());
        } catch (RuleViolationException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            reject(result, e);
            return offer(partnership, offer.id().value(), form, model);
        }
        redirect.addFlashAttribute("success", "volunteer.signUp.sent");
        return "redirect:/buerger/" + slug + "/ehrenamt";
    }

    @GetMapping("/bestaetigen/{token}")
    String confirmation(@PathVariable String slug, @PathVariable String token, Model model) {
        var partnership = partnership(slug, model);
        model.addAttribute("pending", volunteering.pendingOffer(partnership.id(), token).orElse(null));
        model.addAttribute("token", token);
        return "volunteers/public-confirm";
    }

    @PostMapping("/bestaetigen/{token}")
    String confirm(@PathVariable String slug, @PathVariable String token, Model model, RedirectAttributes redirect) {
        var partnership = partnership(slug, model);
        try {
            var offer = volunteering.confirm(partnership, token);
            redirect.addFlashAttribute("success", "volunteer.confirmed");
            return "redirect:/buerger/" + slug + "/ehrenamt/" + offer.id();
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("problem", e.describe(messages));
            return "redirect:/buerger/" + slug + "/ehrenamt";
        }
    }

    private String offer(Partnership partnership, UUID id, SignUpForm form, Model model) {
        var offer = volunteering.published(partnership.id(), new VolunteerOfferId(id))
                .orElseThrow(() -> new NotFoundException("VolunteerOffer", id));
        model.addAttribute("offer", offer);
        model.addAttribute("signUp", form);
        return "volunteers/public-offer";
    }

    /** A refusal next to the field it concerns ({@code volunteer.<field>.…}), else above the form. */
    private static void reject(BindingResult result, RuleViolationException e) {
        var parts = e.messageKey().split("\\.");
        var field = parts.length == 3 && java.util.List.of("name", "email", "phone", "message", "consent")
                .contains(parts[1]) ? parts[1] : null;
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

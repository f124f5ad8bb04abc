package de.sipa.operations;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.validation.Valid;

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
import de.sipa.shared.FlashSteps;
import de.sipa.shared.RuleViolationException;

/** Short-notice requests ("Anfragen"): made for the phone, since they are sent and answered outside. */
@Controller
@RequestMapping("/urgent-requests")
class UrgentRequestController {

    private final UrgentRequests requests;
    private final Organisations organisations;
    private final Partnerships partnerships;
    private final MessageSource messages;
    private final Clock clock;

    UrgentRequestController(UrgentRequests requests, Organisations organisations, Partnerships partnerships,
            MessageSource messages, Clock clock) {
        this.requests = requests;
        this.organisations = organisations;
        this.partnerships = partnerships;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("requests", requests.visible());
        model.addAttribute("now", clock.instant());
        OperationNames.addTo(model, organisations);
        return "operations/requests/list";
    }

    /** Today, at the next quarter of an hour. */
    @GetMapping("/new")
    @PreAuthorize(OperationPermissions.STAFF)
    String createForm(Model model) {
        var now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES);
        var next = now.plusMinutes(15 - now.getMinute() % 15);
        var own = CurrentUser.get().organisation();
        return form(model, new UrgentRequestForm(own == null ? null : own.value(), null, next, "", null, "",
                Urgency.WITHIN_HOUR));
    }

    @PostMapping
    @PreAuthorize(OperationPermissions.STAFF)
    String send(@Valid @ModelAttribute("requestForm") UrgentRequestForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return form(model, form);
        }
        try {
            var id = requests.send(form);
            redirect.addFlashAttribute("success", "urgentRequest.sent");
            return "redirect:/urgent-requests/" + id;
        } catch (RuleViolationException e) {
            if (e.messageKey().startsWith("urgentRequest.neededAt")) {
                result.rejectValue("neededAt", e.messageKey(), e.arguments(), null);
            } else {
                result.reject(e.messageKey(), e.arguments(), null);
            }
            return form(model, form);
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable UUID id, Model model) {
        var requestId = new UrgentRequestId(id);
        var request = requests.get(requestId);
        model.addAttribute("item", request);
        model.addAttribute("entries", requests.log(requestId));
        model.addAttribute("district", request.district() == null ? null : partnerships.district(request.district()));
        model.addAttribute("mayAnswer", requests.mayAnswer(request));
        model.addAttribute("mayTurnIntoEvent", CurrentUser.get().coordinates());
        model.addAttribute("now", clock.instant());
        OperationNames.addTo(model, organisations);
        return "operations/requests/detail";
    }

    @PostMapping("/{id}/acknowledge")
    @PreAuthorize(OperationPermissions.STAFF)
    String acknowledge(@PathVariable UUID id, RedirectAttributes redirect) {
        return FlashSteps.runAndShow(redirect, messages, "urgentRequest.acknowledged",
                () -> requests.acknowledge(new UrgentRequestId(id)), "/urgent-requests/" + id);
    }

    @PostMapping("/{id}/answer")
    @PreAuthorize(OperationPermissions.STAFF)
    String answer(@PathVariable UUID id, @RequestParam boolean accepted, @RequestParam(defaultValue = "") String text,
            RedirectAttributes redirect) {
        FlashSteps.run(redirect, messages, accepted ? "urgentRequest.accepted" : "urgentRequest.declined",
                () -> requests.answer(new UrgentRequestId(id), accepted, text), FlashSteps.typed("text", text));
        return "redirect:/urgent-requests/" + id;
    }

    @PostMapping("/{id}/event")
    @PreAuthorize(OperationPermissions.PLAN)
    String turnIntoEvent(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            var event = requests.turnIntoEvent(new UrgentRequestId(id));
            redirect.addFlashAttribute("success", "urgentRequest.turnedIntoEvent");
            return "redirect:/events/" + event;
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("problem", e.describe(messages));
            return "redirect:/urgent-requests/" + id;
        }
    }

    private String form(Model model, UrgentRequestForm form) {
        model.addAttribute("requestForm", form);
        model.addAttribute("chooseRequester", CurrentUser.get().coordinates());
        model.addAttribute("urgencies", Urgency.values());
        model.addAttribute("districts", partnerships.districts());
        OperationNames.addTo(model, organisations);
        var own = CurrentUser.get().organisation();
        model.addAttribute("ownOrganisation", own);
        return "operations/requests/form";
    }
}

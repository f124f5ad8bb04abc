package de.sipa.operations;

import java.time.Clock;
import java.time.LocalDate;
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

import de.sipa.partners.Partnerships;
import de.sipa.shared.RuleViolationException;

@Controller
@RequestMapping("/events")
class EventController {

    private final Events events;
    private final DeploymentPlans plans;
    private final Partnerships partnerships;
    private final UrgentRequests urgentRequests;
    private final Clock clock;

    EventController(Events events, DeploymentPlans plans, Partnerships partnerships, UrgentRequests urgentRequests,
            Clock clock) {
        this.events = events;
        this.plans = plans;
        this.partnerships = partnerships;
        this.urgentRequests = urgentRequests;
        this.clock = clock;
    }

    @GetMapping
    String list(@RequestParam(required = false) EventKind kind, @RequestParam(defaultValue = "true") boolean upcoming,
            @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("events", events.page(kind, upcoming, PageRequest.of(Math.max(page, 0), 25)));
        model.addAttribute("kind", kind);
        model.addAttribute("kinds", EventKind.values());
        model.addAttribute("upcoming", upcoming);
        return "operations/events/list";
    }

    @GetMapping("/new")
    @PreAuthorize(OperationPermissions.PLAN)
    String createForm(Model model) {
        var start = LocalDate.now(clock).plusMonths(1).atTime(10, 0);
        return form(model, null, new EventDetails(EventType.STADTFEST, "", start, start.plusHours(12), null, null,
                null, RiskLevel.MEDIUM, ""));
    }

    @PostMapping
    @PreAuthorize(OperationPermissions.PLAN)
    String plan(@Valid @ModelAttribute("event") EventDetails details, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return form(model, null, details);
        }
        try {
            var id = events.plan(details);
            redirect.addFlashAttribute("success", "event.saved");
            return "redirect:/events/" + id;
        } catch (RuleViolationException e) {
            result.reject(e.messageKey(), e.arguments(), null);
            return form(model, null, details);
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable UUID id, Model model) {
        var event = events.get(new EventId(id));
        model.addAttribute("event", event);
        model.addAttribute("district", event.district() == null ? null : partnerships.district(event.district()));
        model.addAttribute("ended", event.endedBy(clock.instant()));
        model.addAttribute("plan", plans.current(event.id()).orElse(null));
        model.addAttribute("origin", urgentRequests.origin(event.id()).orElse(null));
        return "operations/events/detail";
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize(OperationPermissions.PLAN)
    String editForm(@PathVariable UUID id, Model model) {
        var event = events.get(new EventId(id));
        var zone = clock.getZone();
        return form(model, event.id(), new EventDetails(event.type(), event.name(),
                event.startsAt().atZone(zone).toLocalDateTime(), event.endsAt().atZone(zone).toLocalDateTime(),
                event.district() == null ? null : event.district().value(), event.area(), event.expectedAttendance(),
                event.riskLevel(), event.riskAssessment()));
    }

    @PostMapping("/{id}")
    @PreAuthorize(OperationPermissions.PLAN)
    String update(@PathVariable UUID id, @Valid @ModelAttribute("event") EventDetails details, BindingResult result,
            Model model, RedirectAttributes redirect) {
        var eventId = new EventId(id);
        if (result.hasErrors()) {
            return form(model, eventId, details);
        }
        try {
            events.update(eventId, details);
            redirect.addFlashAttribute("success", "event.saved");
            return "redirect:/events/" + id;
        } catch (RuleViolationException e) {
            result.reject(e.messageKey(), e.arguments(), null);
            return form(model, eventId, details);
        }
    }

    private String form(Model model, EventId id, EventDetails details) {
        model.addAttribute("formAction", id == null ? "/events" : "/events/" + id);
        model.addAttribute("heading", id == null ? "events.new" : "event.edit");
        return form(model, details, partnerships);
    }

    /** The event form, also for a new event from a template. */
    static String form(Model model, EventDetails details, Partnerships partnerships) {
        model.addAttribute("event", details);
        model.addAttribute("types", EventType.values());
        model.addAttribute("riskLevels", RiskLevel.values());
        model.addAttribute("districts", partnerships.districts());
        return "operations/events/form";
    }
}
